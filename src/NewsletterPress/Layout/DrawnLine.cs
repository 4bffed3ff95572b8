using System.Collections.Immutable;
using NewsletterPress.Display;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>
/// A set line as a <see cref="TextFragment"/> keeps it from collection until it is painted: its glyphs already grouped
/// into the display list's runs (one font, size and ink; positions from the run's first glyph), and the areas of its
/// links. The planner places the whole issue at once, so every line of every article is held until the PDF is written;
/// kept as the line's <see cref="SetGlyph"/>s, and copied into runs when painted, each glyph was held twice by then
/// (README, "Size and speed"). Kept as runs, painting hands the very same glyph arrays to the display list.
/// </summary>
internal sealed class DrawnLine
{
    /// <summary>A run of the line, placed from the line's start and on its baseline (X and Y from there).</summary>
    private readonly ImmutableArray<GlyphRun> _runs;

    private readonly ImmutableArray<LinkSpan> _links;

    /// <summary>How the line was set (its widths and ratios), without its glyphs.</summary>
    private readonly TextLine _setting;

    /// <summary>A link over glyphs of the line: from <paramref name="X"/> for <paramref name="Width"/>, from
    /// <paramref name="Ascent"/> above the baseline for <paramref name="Height"/>.</summary>
    private sealed record LinkSpan(double X, double Ascent, double Width, double Height, string Link);

    private DrawnLine(TextLine setting, ImmutableArray<GlyphRun> runs, ImmutableArray<LinkSpan> links) =>
        (_setting, _runs, _links) = (setting, runs, links);

    /// <summary>The line's glyphs grouped into runs of one font, size and ink, and its links' areas.</summary>
    public static DrawnLine Of(TextLine line)
    {
        var glyphs = line.Glyphs;
        var runs = ImmutableArray.CreateBuilder<GlyphRun>();
        int i = 0;
        while (i < glyphs.Length)
        {
            var first = glyphs[i];
            int j = i;
            while (j < glyphs.Length && glyphs[j].Font == first.Font && glyphs[j].Size == first.Size && glyphs[j].Ink == first.Ink) j++;
            var placed = ImmutableArray.CreateBuilder<PlacedGlyph>(j - i); // sized once, handed over without a copy
            for (int k = i; k < j; k++)
            {
                var g = glyphs[k];
                placed.Add(new PlacedGlyph(g.GlyphId, g.X - first.X, g.Y, g.Advance, g.Text));
            }
            runs.Add(new GlyphRun(first.Font.Ref, first.Size, first.X, 0, first.Ink, placed.MoveToImmutable()));
            i = j;
        }
        ImmutableArray<LinkSpan>.Builder? links = null; // made at the first link: most lines have none
        for (i = 0; i < glyphs.Length; i++)
        {
            if (glyphs[i].Link is not { } link) continue;
            int j = i;
            while (j + 1 < glyphs.Length && glyphs[j + 1].Link == link) j++;
            var a = glyphs[i];
            var b = glyphs[j];
            (links ??= ImmutableArray.CreateBuilder<LinkSpan>()).Add(new LinkSpan(a.X, a.Size * 0.9, b.X + b.Advance - a.X, a.Size * 1.2, link));
            i = j;
        }
        return new DrawnLine(line with { Glyphs = [] }, runs.DrainToImmutable(), links?.DrainToImmutable() ?? []);
    }

    /// <summary>The display items of the line with its start at <paramref name="x"/> on <paramref name="baseline"/>: the
    /// runs (sharing this line's glyph arrays), then the link areas.</summary>
    /// <param name="element">The structure element the text belongs to; null for artifacts (footers).</param>
    public IEnumerable<DisplayItem> Items(double x, double baseline, int? element)
    {
        foreach (var run in _runs)
            yield return run with { X = x + run.X, Y = baseline, Element = element };
        foreach (var span in _links)
        {
            bool internalLink = span.Link.StartsWith('#');
            yield return new LinkArea(x + span.X, baseline - span.Ascent, span.Width, span.Height,
                internalLink ? null : span.Link, internalLink ? span.Link[1..] : null)
            { Element = element };
        }
    }

    /// <summary>What the line says (<see cref="TextLine.Text"/>).</summary>
    public string Text => string.Concat(_runs.SelectMany(r => r.Glyphs).Select(g => g.Text)).Replace("\u00AD", "", StringComparison.Ordinal);

    public double Width => _setting.Width;
    public double NaturalWidth => _setting.NaturalWidth;
    public bool Justified => _setting.Justified;
    public bool Overfull => _setting.Overfull;
    public double SpaceRatio => _setting.SpaceRatio;
    public double InterCharacterRatio => _setting.InterCharacterRatio;
    public double LetterRatio => _setting.LetterRatio;
}
