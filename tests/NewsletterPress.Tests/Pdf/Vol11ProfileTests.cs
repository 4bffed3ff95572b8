using NewsletterPress.Diagnostics;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Pdf;

/// <summary>The real issue through every profile: readers accept it, and it stays compact.</summary>
public sealed class Vol11ProfileTests : IDisposable
{
    private static readonly Lazy<Display.DisplayDocument> Document = new(() => IssueBuild.Compose(Repo.Vol11, new WarningLog()).Document);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(PdfProfile.Screen)]
    [InlineData(PdfProfile.Print)]
    [InlineData(PdfProfile.PrintX1a)]
    [InlineData(PdfProfile.Archive)]
    public void Vol_11_checks_clean_and_renders_silently_in_every_profile(PdfProfile profile)
    {
        var path = _temp.File(profile + ".pdf");
        PdfWriter.Write(Document.Value, path, new PdfWriterOptions(Profile: profile));
        var check = PdfTools.Run("qpdf", "--check", path);
        Assert.True(check.ExitCode == 0 && check.StdErr.Length == 0, check.StdOut + check.StdErr);
        var gs = PdfTools.Run("gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=nullpage", path);
        Assert.True(gs.ExitCode == 0 && (gs.StdOut + gs.StdErr).Trim().Length == 0, $"gs said: {gs.StdOut}{gs.StdErr}");
        Assert.Contains("事業計画", PdfTools.Ok("pdftotext", path, "-"));
    }

    [Fact]
    public void Object_streams_keep_vol_11_smaller_than_the_same_file_without_them()
    {
        var path = _temp.File("screen.pdf");
        PdfWriter.Write(Document.Value, path);
        var unpacked = _temp.File("unpacked.pdf");
        PdfTools.Ok("qpdf", "--object-streams=disable", path, unpacked);
        var packed = new FileInfo(path).Length;
        Assert.True(packed < new FileInfo(unpacked).Length * 0.97, $"{packed} vs {new FileInfo(unpacked).Length} bytes");
    }
}
