using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Shared;
using NewsletterPress.Text.Fonts;

namespace NewsletterPress.Tests.Pdf;

/// <summary>
/// OpenType fonts with CFF outlines. The repository ships none, so these use the URW base 35
/// OpenType fonts that come with Ghostscript (which the tests need anyway).
/// </summary>
public sealed class CffFontTests : IDisposable
{
    private const string UrwFolder = "/usr/share/fonts/opentype/urw-base35";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static FontRef Urw(string file)
    {
        var path = Path.Combine(UrwFolder, file);
        Assert.True(File.Exists(path), $"{path} is missing; install fonts-urw-base35 (a Ghostscript dependency).");
        return new FontRef(path, FontFiles.Read(path));
    }

    [Fact]
    public void A_name_keyed_CFF_font_is_embedded_as_an_OpenType_CID_font_that_readers_accept()
    {
        const string text = "Affine office flow: 1,234.56 (fine!)";
        var run = TestShaper.Shape(Urw("NimbusRoman-Regular.otf"), text, 16, 72, 100);
        var pdf = _temp.File("cff.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(run), pdf);

        PdfTools.Ok("qpdf", "--check", pdf);
        var fonts = PdfTools.Ok("pdffonts", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        var line = Assert.Single(fonts);
        Assert.Matches(@"^[A-Z]{6}\+NimbusRoman-Regular\s+CID Type 0C \(OT\)\s+Identity-H\s+yes\s+yes\s+yes", line);

        Assert.Equal(text, PdfTools.Normalize(PdfTools.Ok("pdftotext", "-enc", "UTF-8", pdf, "-")));
        Assert.Equal(text, PdfTools.Normalize(PdfTools.Ok("mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf)));
        var gs = PdfTools.Run("gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=nullpage", pdf);
        Assert.True(gs.ExitCode == 0, gs.StdErr);
        Assert.Equal("", gs.StdErr.Trim());

        var qdf = PdfTools.Uncompressed(pdf);
        Assert.Contains("/Subtype /CIDFontType0", qdf);
        Assert.Contains("/Subtype /OpenType", qdf);
        Assert.DoesNotContain("/CIDToGIDMap", qdf);
    }

    [Fact]
    public void A_CFF_subset_draws_the_same_glyphs_as_the_font()
    {
        var run = TestShaper.Shape(Urw("NimbusSans-Regular.otf"), "Quick brown fox", 30, 40, 100);
        var pdf = _temp.File("cff-draw.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(run), pdf);

        // mupdf reports each character with the font it drew from and where it put it.
        var xml = PdfTools.Ok("mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf);
        var chars = System.Xml.Linq.XDocument.Parse(xml).Descendants("char")
            .Where(c => (string?)c.Attribute("c") != " ").ToList();
        var glyphs = run.Glyphs.Where(g => g.Text != " ").ToList();
        Assert.Equal(glyphs.Count, chars.Count);
        for (var i = 0; i < glyphs.Count; i++)
        {
            var x = double.Parse((string)chars[i].Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(x, 40 + glyphs[i].X - 0.01, 40 + glyphs[i].X + 0.01);
        }
    }

    private const string CjkVariable = "NEWSLETTERPRESS_CJK_CFF_FONT";
    private const string CjkDefault = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

    [RequiresFileFact(CjkVariable, CjkDefault)]
    public void A_CID_keyed_CFF_font_shows_CIDs_and_every_reader_draws_the_same_glyphs()
    {
        var cjk = RequiresFileFactAttribute.Resolve(CjkVariable, CjkDefault)!;
        var font = new FontRef(cjk, FontFiles.Read(cjk), 0);
        var text = SampleDocuments.JapaneseLine + " 漢字かな";
        var run = TestShaper.Shape(font, text, 24, 72, 100, language: "ja");
        var pdf = _temp.File("cid-cff.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(run), pdf);

        PdfTools.Ok("qpdf", "--check", pdf);
        var line = Assert.Single(PdfTools.Ok("pdffonts", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2));
        Assert.Matches(@"^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes", line);
        Assert.Equal(text, PdfTools.Normalize(PdfTools.Ok("pdftotext", "-enc", "UTF-8", pdf, "-")));
        Assert.Equal(text, PdfTools.Normalize(PdfTools.Ok("mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf)));
        var gs = PdfTools.Run("gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=nullpage", pdf);
        Assert.True(gs.ExitCode == 0, gs.StdErr);
        Assert.Equal("", gs.StdErr.Trim());
        // Showing subset glyph ids instead of CIDs draws wrong glyphs in some viewers only.
        Assert.InRange(RasterComparison.InkDisagreement(pdf, 150), 0, 0.01);
        // Renumbered subset, not a 65 535-glyph one.
        Assert.InRange(new FileInfo(pdf).Length, 1, 40_000);
    }

    [Fact]
    public void Poppler_and_mupdf_draw_the_same_CFF_glyphs()
    {
        var run = TestShaper.Shape(Urw("NimbusRoman-Regular.otf"), "Affine office flow: 1,234.56 (fine!)", 24, 40, 100);
        var pdf = _temp.File("cff-raster.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(run), pdf);
        Assert.InRange(RasterComparison.InkDisagreement(pdf, 150), 0, 0.01);
    }
}
