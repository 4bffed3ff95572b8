using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>Builds issues/vol-11 once with the real command line, for all the read-back tests.</summary>
public sealed class Vol11Build : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "np-vol11-" + Guid.NewGuid().ToString("N"));
    public string Pdf => Path.Combine(Folder, "vol-11.pdf");
    public Cli.Result Result { get; }

    /// <summary>pdftotext's text in content-stream order (-raw), one string per page.</summary>
    public IReadOnlyList<string> Pages { get; }

    public Vol11Build()
    {
        Directory.CreateDirectory(Folder);
        Result = Cli.Run(Repo.Root, "build", "issues/vol-11", "--out", Pdf);
        Pages = File.Exists(Pdf)
            ? NewsletterPress.Tests.Pdf.PdfTools.Ok("pdftotext", "-raw", "-enc", "UTF-8", Pdf, "-").Split('\f').SkipLast(1).ToList()
            : [];
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
