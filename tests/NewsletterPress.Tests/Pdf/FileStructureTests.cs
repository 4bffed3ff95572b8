using System.Text;
using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Tests.Pdf;

/// <summary>Object streams, cross-reference streams, versions, determinism and ghostscript, per profile.</summary>
public sealed class FileStructureTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(PdfProfile profile, string name = "out.pdf")
    {
        var path = _temp.File(profile + "-" + name);
        PdfWriter.Write(RichDocuments.Build(_temp.NewSubfolder(), rgbImages: profile != PdfProfile.PrintX1a), path,
            new PdfWriterOptions(Profile: profile));
        return path;
    }

    [Fact]
    public void Non_stream_objects_go_into_object_streams_with_a_cross_reference_stream()
    {
        var path = Write(PdfProfile.Screen);
        var pdf = new PdfInspector(path);
        Assert.Equal("/XRef", pdf.Trailer.GetProperty("/Type").GetString());
        var raw = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        Assert.Contains("/Type /ObjStm", raw);
        Assert.DoesNotContain("\nxref\n", raw);
        Assert.DoesNotContain("/Type /Catalog", raw); // packed and compressed
        Assert.Contains("No syntax or stream encoding errors", PdfTools.Ok("qpdf", "--check", path));

        // Every page, font and annotation is still found by readers that resolve through the xref stream.
        Assert.Equal(2, pdf.Pages.Count);
        Assert.Matches(@"Pages:\s+2\n", PdfTools.Ok("pdfinfo", path));
        PdfTools.Ok("mutool", "info", path);
    }

    [Fact]
    public void Object_streams_make_the_file_smaller()
    {
        var packed = Write(PdfProfile.Screen);
        var unpacked = _temp.File("unpacked.pdf");
        PdfTools.Ok("qpdf", "--object-streams=disable", packed, unpacked);
        Assert.True(new FileInfo(packed).Length < new FileInfo(unpacked).Length,
            $"{new FileInfo(packed).Length} bytes packed vs {new FileInfo(unpacked).Length} unpacked");
    }

    [Fact]
    public void PDF_X_1a_is_PDF_1_3_with_a_classic_cross_reference_table()
    {
        var path = Write(PdfProfile.PrintX1a);
        var raw = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        Assert.StartsWith("%PDF-1.3\n", raw);
        Assert.Contains("\nxref\n", raw);
        Assert.DoesNotContain("/ObjStm", raw);
        Assert.DoesNotContain("/XRef", raw);
        PdfTools.Ok("qpdf", "--check", path);
    }

    [Theory]
    [InlineData(PdfProfile.Screen, "1.7")]
    [InlineData(PdfProfile.Print, "1.6")]
    [InlineData(PdfProfile.PrintX1a, "1.3")]
    [InlineData(PdfProfile.Archive, "1.7")]
    public void Each_profile_is_deterministic_checks_clean_and_renders_without_ghostscript_warnings(PdfProfile profile, string version)
    {
        var first = Write(profile, "a.pdf");
        var second = Write(profile, "b.pdf");
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.StartsWith("%PDF-" + version, Encoding.Latin1.GetString(File.ReadAllBytes(first)[..8]));

        var check = PdfTools.Run("qpdf", "--check", first);
        Assert.True(check.ExitCode == 0 && check.StdErr.Length == 0, check.StdOut + check.StdErr);
        var gs = PdfTools.Run("gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=nullpage", first);
        Assert.True(gs.ExitCode == 0 && (gs.StdOut + gs.StdErr).Trim().Length == 0, $"gs said: {gs.StdOut}{gs.StdErr}");
        var fonts = PdfTools.Ok("pdffonts", first).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, l => Assert.Matches(@"CID (TrueType|Type 0C?)\s+Identity-H\s+yes\s+yes\s+yes", l));
        Assert.DoesNotContain("/Encrypt", PdfTools.Uncompressed(first));
    }
}
