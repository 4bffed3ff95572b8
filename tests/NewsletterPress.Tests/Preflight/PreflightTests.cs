using System.Collections.Immutable;
using System.Text.Json;
using NewsletterPress.Display;
using NewsletterPress.Preflight;
using NewsletterPress.Shared;
using NewsletterPress.Tests.Support;
using NewsletterPress.Text.Fonts;

namespace NewsletterPress.Tests.Preflight;

public class PreflightTests
{
    [Fact]
    public void Check_on_vol11_is_clean_and_its_json_lists_fonts_and_typographic_figures()
    {
        var r = Cli.Run(Repo.Root, "check", "issues/vol-11", "--json");
        Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
        using var json = JsonDocument.Parse(r.StdOut);
        var root = json.RootElement;
        Assert.Equal("Civil Society Forum Vol.11", root.GetProperty("subject").GetString());
        Assert.False(root.GetProperty("hasErrors").GetBoolean());
        // Read from the PDF the check writes in memory: the subset's name, and the file behind it.
        Assert.Contains(root.GetProperty("fonts").EnumerateArray(), f => f.GetProperty("name").GetString()!.EndsWith("+IPAexMincho", StringComparison.Ordinal)
            && f.GetProperty("file").GetString()!.EndsWith("ipaexm.ttf", StringComparison.Ordinal) && f.GetProperty("toUnicode").GetBoolean()
            && f.GetProperty("subset").GetBoolean() && f.GetProperty("embedded").GetBoolean());
        var text = root.GetProperty("text");
        Assert.Equal(0, text.GetProperty("linesStartingWithProhibited").GetInt32());
        Assert.InRange(text.GetProperty("japaneseLatinGapMedianEm").GetDouble(), 0.2, 0.3);
    }

    [Fact]
    public void Check_for_pdfx1a_sees_rgb_images_converted_to_cmyk_and_flags_low_resolution()
    {
        // Downsampled to 150 dpi for the check, the photo is too coarse for print.
        var r = Cli.Run(Repo.Root, "check", "samples/figures-and-tables", "--profile", "print-x1a", "--max-image-dpi", "150");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("is DeviceRGB", r.StdOut);
        Assert.Matches(@"harbour\.jpg.*DeviceCMYK", r.StdOut);
        Assert.Matches(@"harbour\.jpg prints at 150 dpi, under 300 dpi", r.StdOut);
        Assert.DoesNotContain("under 300 dpi", Cli.Run(Repo.Root, "check", "samples/figures-and-tables", "--profile", "print-x1a").StdOut);
        Assert.Equal(0, Cli.Run(Repo.Root, "check", "samples/figures-and-tables", "--profile", "screen").ExitCode);
    }

    [Fact]
    public void An_image_of_exactly_150_ppi_is_not_flagged_as_under_150()
    {
        // A photo of 500 pixels across the columns: never enlarged past 150 ppi, it is 240 pt wide, 150.0 ppi; the
        // archive asks for 150.
        using var copy = new TempCopy(Repo.Path("samples", "figures-and-tables"));
        using (var bitmap = new SkiaSharp.SKBitmap(500, 333))
        {
            bitmap.Erase(SkiaSharp.SKColors.SteelBlue);
            using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90);
            File.WriteAllBytes(Path.Combine(copy.Path, "images", "harbour.jpg"), data.ToArray());
        }
        var article = Path.Combine(copy.Path, "articles", "harbour-survey.md");
        File.WriteAllText(article, File.ReadAllText(article).Replace("{.span width=50%}", "{.span}", StringComparison.Ordinal));
        var r = Cli.Run(Repo.Root, "check", copy.Path, "--profile", "archive", "--json");
        using var json = JsonDocument.Parse(r.StdOut);
        var harbour = json.RootElement.GetProperty("images").EnumerateArray().Single(i => i.GetProperty("file").GetString()!.EndsWith("harbour.jpg", StringComparison.Ordinal));
        Assert.Equal(150.0, harbour.GetProperty("effectiveDpi").GetDouble());
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("category").GetString() == "image");
    }

    [Fact]
    public void A_link_to_nowhere_and_a_line_starting_with_a_full_stop_are_errors()
    {
        var font = new FontRef(Repo.Path("fonts", "ipaexm.ttf"), FontFiles.Read(Repo.Path("fonts", "ipaexm.ttf")));
        GlyphRun Run(string text, double x, double y) =>
            new(font, 10, x, y, Ink.Black, [.. text.Select((c, i) => new PlacedGlyph(1, i * 10, 0, 10, c.ToString()))]);
        var page = new Page(595, 842, [Run("市民社会の発展", 50, 100), Run("。を模索する", 50, 116), new LinkArea(50, 90, 60, 12, null, "nowhere")], "1");
        var document = new DisplayDocument(new DocumentInfo("T", "P", "ja", DateTimeOffset.UnixEpoch), [page], []);
        var report = NewsletterPress.Preflight.Preflight.Check("T", document, [], PreflightRules.For("screen"));
        Assert.True(report.HasErrors);
        Assert.Equal(1, report.Text.LinesStartingWithProhibited);
        Assert.Contains(report.Findings, f => f.Category == "link" && f.Message.Contains("nowhere"));
    }

    [Fact]
    public void Check_pdf_reads_a_file_from_another_tool_and_finds_unembedded_and_type3_fonts()
    {
        // Ghostscript writes a PDF with Helvetica left unembedded and a Type 3 font.
        var folder = Path.Combine(Path.GetTempPath(), "np-foreign-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var ps = Path.Combine(folder, "foreign.ps");
            var pdf = Path.Combine(folder, "foreign.pdf");
            File.WriteAllText(ps, ForeignPostScript);
            NewsletterPress.Tests.Pdf.PdfTools.Ok("gs", "-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-dEmbedAllFonts=false", "-sOutputFile=" + pdf, ps);
            var r = Cli.Run(folder, "check", "--pdf", pdf, "--json");
            Assert.Equal(1, r.ExitCode);
            using var json = JsonDocument.Parse(r.StdOut);
            var messages = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()).ToList();
            Assert.Contains(messages, m => m!.Contains("Helvetica is not embedded"));
            Assert.Contains(messages, m => m!.Contains("Type 3"));

            var ours = Cli.Run(Repo.Root, "check", "--pdf", Path.Combine(folder, "ours.pdf"));
            Assert.Equal(1, ours.ExitCode); // does not exist yet
            Assert.Equal(0, Cli.Run(Repo.Root, "build", "issues/vol-11", "--out", Path.Combine(folder, "ours.pdf")).ExitCode);
            ours = Cli.Run(Repo.Root, "check", "--pdf", Path.Combine(folder, "ours.pdf"));
            Assert.True(ours.ExitCode == 0, ours.StdOut);
            Assert.Contains("kinsoku: 0 bad line starts, 0 bad line ends", ours.StdOut);
            // The Japanese–Latin gap read back from the PDF's character positions: a quarter em.
            using var ourJson = JsonDocument.Parse(Cli.Run(Repo.Root, "check", "--pdf", Path.Combine(folder, "ours.pdf"), "--json").StdOut);
            Assert.InRange(ourJson.RootElement.GetProperty("text").GetProperty("japaneseLatinGapMedianEm").GetDouble(), 0.2, 0.3);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private const string ForeignPostScript = """
        %!PS
        /Helvetica findfont 12 scalefont setfont 72 720 moveto (Plain Helvetica, not embedded) show
        8 dict begin /FontType 3 def /FontMatrix [.001 0 0 .001 0 0] def /FontBBox [0 0 1000 1000] def
        /Encoding 256 array def 0 1 255 {Encoding exch /.notdef put} for Encoding 65 /box put
        /CharProcs 2 dict def CharProcs begin /.notdef {} def /box { 0 0 moveto 800 0 lineto 800 800 lineto 0 800 lineto closepath fill } def end
        /BuildGlyph { 1000 0 0 0 1000 1000 setcachedevice exch /CharProcs get exch 2 copy known not {pop /.notdef} if get exec } def
        /BuildChar { 1 index /Encoding get exch get 1 index /BuildGlyph get exec } def
        currentdict end /Boxes exch definefont pop
        /Boxes findfont 12 scalefont setfont 72 700 moveto (AAA) show
        showpage
        """;
}
