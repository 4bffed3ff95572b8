namespace NewsletterPress.Tests.Pdf;

/// <summary>A fresh temporary folder per test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "np-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A fresh folder inside this one (removed with it), for a second set of files with the same names.</summary>
    public TempFolder NewSubfolder()
    {
        var sub = new TempFolder(System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N")));
        return sub;
    }

    private TempFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(Path);
    }

    public void Dispose()
    {
        // Set NEWSLETTERPRESS_KEEP_TEST_PDFS=1 to look at the files after a failure.
        if (Environment.GetEnvironmentVariable("NEWSLETTERPRESS_KEEP_TEST_PDFS") == "1")
            return;
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
