using System.Collections.Immutable;
using System.Text.Json;
using NewsletterPress.Display;
using NewsletterPress.Preflight;
using NewsletterPress.Tests.Support;

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
        Assert.Contains(root.GetProperty("fonts").EnumerateArray(), f => f.GetProperty("name").GetString() == "ipaexm");
        var text = root.GetProperty("text");
        Assert.Equal(0, text.GetProperty("linesStartingWithProhibited").GetInt32());
        Assert.InRange(text.GetProperty("japaneseLatinGapMedianEm").GetDouble(), 0.2, 0.3);
    }

    [Fact]
    public void Check_for_pdfx1a_rejects_rgb_images_and_flags_low_resolution()
    {
        var r = Cli.Run(Repo.Root, "check", "samples/figures-and-tables", "--profile", "print-x1a");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("harbour.jpg is RGB", r.StdOut);
        Assert.Matches(@"harbour\.jpg prints at 150 dpi, under 300 dpi", r.StdOut);
        Assert.Equal(0, Cli.Run(Repo.Root, "check", "samples/figures-and-tables", "--profile", "screen").ExitCode);
    }

    [Fact]
    public void A_link_to_nowhere_and_a_line_starting_with_a_full_stop_are_errors()
    {
        var font = new FontRef(Repo.Path("fonts", "ipaexm.ttf"));
        GlyphRun Run(string text, double x, double y) =>
            new(font, 10, x, y, Ink.Black, [.. text.Select((c, i) => new PlacedGlyph(1, i * 10, 0, 10, c.ToString()))]);
        var page = new Page(595, 842, [Run("市民社会の発展", 50, 100), Run("。を模索する", 50, 116), new LinkArea(50, 90, 60, 12, null, "nowhere")], "1");
        var document = new DisplayDocument(new DocumentInfo("T", "P", "ja", DateTimeOffset.UnixEpoch), [page], []);
        var report = NewsletterPress.Preflight.Preflight.Check("T", document, [], PreflightRules.For("screen"));
        Assert.True(report.HasErrors);
        Assert.Equal(1, report.Text.LinesStartingWithProhibited);
        Assert.Contains(report.Findings, f => f.Category == "link" && f.Message.Contains("nowhere"));
    }
}
