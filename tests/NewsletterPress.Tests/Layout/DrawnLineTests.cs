using NewsletterPress.Display;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;
using NewsletterPress.Shared;
using NewsletterPress.Tests.Support;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Layout;

/// <summary>A set line is kept from collection until painted as the display list's runs (<see cref="DrawnLine"/>): what
/// it draws must be exactly what the setter placed, and painting must hand over the line's glyph arrays, not copies.</summary>
public sealed class DrawnLineTests : IDisposable
{
    private readonly FontLibrary _fonts = new(Style.Default.Fonts, Repo.Root);
    private readonly ParagraphSetter _setter;

    public DrawnLineTests() => _setter = new ParagraphSetter(_fonts);

    public void Dispose() => _fonts.Dispose();

    /// <summary>Japanese with a Latin word, a bold word in colour and a link: runs of several fonts, sizes and inks.</summary>
    private TextLine SetLine()
    {
        var body = new TextStyle(FaceFamily.Serif, 10);
        var lines = _setter.Set(
            [
                new TextRun("市民社会の Forum では", body),
                new TextRun("強調", body with { Bold = true, Ink = new Ink(0, 1, 1, 0) }),
                new TextRun("と", body with { Size = 8 }),
                new TextRun("詳しくは報告書", body, Link: "https://example.org/report"),
                new TextRun("を読む。", body),
            ],
            new ParagraphFormat(400, 0, false, "ja", 10));
        Assert.Single(lines);
        return lines[0];
    }

    [Fact]
    public void Every_glyph_is_drawn_where_the_setter_placed_it_and_the_link_covers_its_glyphs()
    {
        var line = SetLine();
        const double x = 56.5, baseline = 120.25;
        var items = DrawnLine.Of(line).Items(x, baseline, element: 7).ToList();
        var runs = items.OfType<GlyphRun>().ToList();

        Assert.True(runs.Count >= 3, $"{runs.Count} runs: the line changes font, size and weight");
        var drawn = runs.SelectMany(r => r.Glyphs.Select(g => (Run: r, Glyph: g))).ToList();
        Assert.Equal(line.Glyphs.Length, drawn.Count);
        for (int i = 0; i < drawn.Count; i++)
        {
            var (run, glyph) = drawn[i];
            var set = line.Glyphs[i];
            Assert.Equal((set.GlyphId, set.Text, set.Y, set.Advance), (glyph.GlyphId, glyph.Text, glyph.Y, glyph.Advance));
            Assert.Equal((set.Font.Ref, set.Size, set.Ink), (run.Font, run.Size, run.Ink));
            Assert.Equal(x + set.X, run.X + glyph.X, 9);
            Assert.Equal((baseline, 7), (run.Y, run.Element!.Value));
        }
        // A run ends only where the font, size or ink changes.
        for (int r = 1; r < runs.Count; r++)
            Assert.NotEqual((runs[r - 1].Font, runs[r - 1].Size, runs[r - 1].Ink), (runs[r].Font, runs[r].Size, runs[r].Ink));

        var link = Assert.Single(items.OfType<LinkArea>());
        Assert.Equal(("https://example.org/report", 7), (link.Uri, link.Element!.Value));
        var linked = line.Glyphs.Where(g => g.Link is not null).ToList();
        Assert.Equal(x + linked[0].X, link.X, 9);
        Assert.Equal(x + linked[^1].X + linked[^1].Advance, link.X + link.Width, 9);
        Assert.InRange(baseline, link.Y, link.Y + link.Height);
        Assert.Equal(line.Text, DrawnLine.Of(line).Text);
    }

    [Fact]
    public void Painting_a_line_twice_hands_over_the_same_glyph_arrays()
    {
        var drawn = DrawnLine.Of(SetLine());
        var first = drawn.Items(10, 20, null).OfType<GlyphRun>().ToList();
        var second = drawn.Items(300, 500, 3).OfType<GlyphRun>().ToList();
        Assert.Equal(first.Count, second.Count);
        // ImmutableArray's == compares the arrays underneath: the painted page holds the line's glyphs, not a copy.
        Assert.All(first.Zip(second), pair => Assert.True(pair.First.Glyphs == pair.Second.Glyphs));
        Assert.Equal(290, second[0].X - first[0].X, 9);
    }
}
