using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Shared;
using SkiaSharp;

namespace NewsletterPress.Tests.Pdf;

public sealed class BleedTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void For_print_the_backgrounds_and_rules_marked_to_bleed_run_into_the_bleed_on_their_marked_edges_and_nothing_else_does()
    {
        const double W = 595.276, H = 841.89;
        var accent = new Ink(1, 0.4, 0, 0.2, "#00598f");
        var page = new Page(W, H,
        [
            new Box(0, 0, W, 60, null, 0, accent) { Bleeds = TrimEdges.Left | TrimEdges.Top | TrimEdges.Right }, // a band across the top
            new Rule(0, 100, W, 100, 2, Ink.Black) { Bleeds = TrimEdges.Left | TrimEdges.Right },               // a full-width rule
            new Box(0, 200, W, 60, accent, 1, null),                // a frame: stays inside
            new Box(0, 300, W, 60, null, 0, accent) { Bleeds = TrimEdges.Right }, // runs off the right edge only
            new Box(0, 400, W, 60, null, 0, accent),                // touches the trim but is not marked: stays on it
        ], "1");
        var document = new DisplayDocument(new DocumentInfo("Bleed", "Test", "en", DateTimeOffset.UnixEpoch), [page], []);
        var pdf = _temp.File("bleed.pdf");
        PdfWriter.Write(document, pdf, PdfWriterOptions.Default with { Profile = PdfProfile.Print });
        var png = NewsletterPress.Rendering.Proof.PdfRasterizer.Render(pdf, _temp.File("png"), 72)[0];
        using var bitmap = SKBitmap.Decode(png);

        double offset = PageGeometry.PrintMargin, bleed = PageGeometry.PrintBleed;
        bool Inked(double x, double yFromTrimTop) => bitmap.GetPixel((int)Math.Round(x), (int)Math.Round(offset + yFromTrimTop)).Red < 200;
        Assert.True(Inked(offset - bleed / 2, 30), "the band reaches into the left bleed");
        Assert.True(Inked(offset + W + bleed / 2, 30), "the band reaches into the right bleed");
        Assert.False(Inked(offset - bleed - 3, 30), "but not past the bleed");
        Assert.True(Inked(offset - bleed / 2, 100), "the rule reaches into the bleed");
        Assert.False(Inked(offset - bleed / 2, 200), "a frame's outline stays on the trim");
        Assert.True(Inked(offset + W + bleed / 2, 330), "a box marked for its right edge reaches into the right bleed");
        Assert.False(Inked(offset - bleed / 2, 330), "but not into the left one");
        Assert.False(Inked(offset - bleed / 2, 430), "an unmarked box that touches the trim stays on it");
        Assert.False(Inked(offset + W + bleed / 2, 430), "on both sides");
    }
}
