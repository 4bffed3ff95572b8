using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Tests.Pdf;

/// <summary>The written file, as real PDF readers see it.</summary>
public sealed class PdfReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _pdf;

    public PdfReaderTests()
    {
        _pdf = _temp.File("mixed.pdf");
        PdfWriter.Write(SampleDocuments.Mixed(), _pdf);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Qpdf_finds_no_structural_errors()
    {
        var result = PdfTools.Run("qpdf", "--check", _pdf);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Contains("No syntax or stream encoding errors found", result.StdOut);
        Assert.DoesNotContain("WARNING", result.StdOut + result.StdErr);
    }

    [Theory]
    [InlineData("-raw")]
    [InlineData("-layout")]
    public void Pdftotext_returns_the_source_text(string mode)
    {
        var text = PdfTools.Normalize(PdfTools.Ok("pdftotext", mode, "-enc", "UTF-8", _pdf, "-"));
        Assert.Contains(SampleDocuments.JapaneseLine, text);
        Assert.Contains(SampleDocuments.EnglishLine, text);
        Assert.Contains(SampleDocuments.Heading, text);
        Assert.Contains("寄付のお願い", text);
        Assert.Contains("Back to the top", text);
        // 民 comes back as the ideograph, not as the radical ⺠ (U+2EA0).
        Assert.Contains("\u6C11", text);
        Assert.DoesNotContain("\u2EA0", text);
        // Ligatures come back as the letters they stand for.
        Assert.DoesNotContain("\uFB01", text);
        Assert.DoesNotContain("\uFB02", text);
    }

    [Fact]
    public void Mutool_returns_the_source_text()
    {
        var text = PdfTools.Normalize(PdfTools.Ok("mutool", "draw", "-q", "-F", "txt", "-o", "-", _pdf));
        Assert.Contains(SampleDocuments.JapaneseLine, text);
        Assert.Contains(SampleDocuments.EnglishLine, text);
        Assert.Contains(SampleDocuments.Heading, text);
        Assert.Contains("寄付のお願い", text);
    }

    [Fact]
    public void Every_font_is_an_embedded_CID_TrueType_subset_with_ToUnicode()
    {
        var lines = PdfTools.Ok("pdffonts", _pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.Equal(4, lines.Count); // Noto Sans Bold, IPAex Mincho, Noto Serif, IPAex Gothic
        foreach (var line in lines)
        {
            Assert.Contains("CID TrueType", line);
            Assert.Contains("Identity-H", line);
            Assert.DoesNotContain("Type 3", line);
            Assert.Matches(@"^[A-Z]{6}\+\S+", line);
            // columns: emb sub uni object ID
            Assert.Matches(@"yes\s+yes\s+yes\s+\d+\s+0\s*$", line);
        }
        Assert.Contains(lines, l => l.Contains("+IPAexMincho"));
        Assert.Contains(lines, l => l.Contains("+NotoSerif-Regular"));
    }

    [Fact]
    public void Ghostscript_renders_without_any_message()
    {
        var result = PdfTools.Run("gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=nullpage", _pdf);
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal("", result.StdErr.Trim());
        Assert.Equal("", result.StdOut.Trim());
    }

    [Fact]
    public void Mutool_renders_without_warnings()
    {
        var result = PdfTools.Run("mutool", "draw", "-o", _temp.File("page%d.png"), "-r", "36", _pdf);
        Assert.True(result.ExitCode == 0, result.StdErr);
        // This mupdf build is compiled without colour management and says so on every run.
        var messages = result.StdErr.Replace("warning: ICC support is not available", "", StringComparison.Ordinal);
        Assert.DoesNotContain("error", messages, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("warning", messages, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Links_outline_destinations_and_page_labels_are_present()
    {
        var json = PdfTools.Ok("qpdf", "--json", "--json-key=outlines", "--json-key=pagelabels", "--json-key=pages", _pdf);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;

        var outlines = root.GetProperty("outlines");
        Assert.Equal(1, outlines.GetArrayLength());
        Assert.Equal("表紙", outlines[0].GetProperty("title").GetString());
        Assert.Equal(0, outlines[0].GetProperty("destpageposfrom1").GetInt32() - 1);
        var child = outlines[0].GetProperty("kids")[0];
        Assert.Equal("Second article", child.GetProperty("title").GetString());

        var labels = root.GetProperty("pagelabels");
        Assert.True(labels.GetArrayLength() >= 1);

        // qpdf resolved the outline's named destinations above; the rest is checked in our own
        // (uncompressed) output, whose layout is ours rather than qpdf's.
        var qdf = System.Text.Encoding.Latin1.GetString(
            PdfWriter.WriteToBytes(SampleDocuments.Mixed(), new PdfWriterOptions(Compress: false)));
        Assert.Contains("/Subtype /Link", qdf);
        Assert.Contains("/URI (https://example.org/donate)", qdf);
        Assert.Contains("/Dest (top)", qdf);
        Assert.Contains("/Border [0 0 0]", qdf);
        Assert.Contains("/Dests << /Names [(second-article) [", qdf);
        Assert.Contains("(top) [", qdf);
        Assert.Contains("/DisplayDocTitle true", qdf);
        Assert.Contains("/Lang (ja-JP)", qdf);
        Assert.Contains("/CreationDate (D:20260401093000+09'00')", qdf);
        Assert.Matches(@"/Producer \(NewsletterPress \d+\.\d+\.\d+[^)]*\)", qdf);
    }

    [Fact]
    public void Pdfinfo_reads_title_and_page_size()
    {
        var info = PdfTools.Ok("pdfinfo", "-enc", "UTF-8", "-isodates", _pdf);
        Assert.Contains("会報 第11号 — Newsletter", info);
        Assert.Matches(@"Author:\s+NewsletterPress 編集部\n", info);
        Assert.Matches(@"Producer:\s+NewsletterPress \d+\.\d+\.\d+.*\n", info);
        Assert.Matches(@"CreationDate:\s+2026-04-01T09:30:00\+09\n", info);
        Assert.Matches(@"ModDate:\s+2026-04-01T09:30:00\+09\n", info);
        Assert.Contains("Pages:           2", info);
        Assert.Contains("595.276 x 841.89 pts (A4)", info);
    }

    [Fact]
    public void On_screen_black_is_gray_accent_inks_with_an_RGB_alternate_are_RGB_and_others_CMYK()
    {
        var qdf = PdfTools.Uncompressed(_pdf);
        Assert.Contains("\n0 g\n", qdf);
        Assert.Contains("\n0 G\n", qdf);
        // Red carries #e53333: RGB on screen.
        Assert.Contains("\n0.898 0.2 0.2 rg\n", qdf);
        Assert.Contains("\n0.898 0.2 0.2 RG\n", qdf);
        Assert.DoesNotContain("\n0 0.9 0.8 0 k\n", qdf);
        // The box fill has no RGB alternate: CMYK.
        Assert.Contains("\n0.1 0 0 0 k\n", qdf);
        Assert.Contains("[3 2] 0 d", qdf);
        // The rounded box is four lines and four quarter-circle Béziers, filled and stroked.
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(qdf, @"\n[-\d. ]+ c\n").Count);
        Assert.Contains("\nh\nB\n", qdf);
    }

    [Fact]
    public void Poppler_and_mupdf_draw_the_same_glyphs()
    {
        Assert.InRange(RasterComparison.InkDisagreement(_pdf, 150), 0, 0.01);
    }
}
