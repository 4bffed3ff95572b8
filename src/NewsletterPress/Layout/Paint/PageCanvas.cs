using System.Collections.Immutable;
using NewsletterPress.Display;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Paint;

/// <summary>Collects the display items of one page while the layout places fragments on it.</summary>
internal sealed class PageCanvas(int number, double width, double height)
{
    private readonly List<DisplayItem> _items = [];
    public int Number { get; } = number;

    public void Draw(IEnumerable<Fragment> fragments, double left, double top)
    {
        foreach (var f in fragments) Draw(f, left, top);
    }

    public void Draw(Fragment fragment, double left, double top)
    {
        var element = fragment.Element;
        switch (fragment)
        {
            case TextFragment t: DrawLine(t.Line, left + t.X, top + t.Baseline, element); break;
            case RuleFragment r: _items.Add(new Rule(left + r.X1, top + r.Y1, left + r.X2, top + r.Y2, r.Width, r.Ink) { Element = element }); break;
            case BoxFragment b: _items.Add(new Box(left + b.X, top + b.Y, b.Width, b.Height, b.Stroke, b.StrokeWidth, null) { Element = element }); break;
            case ImageFragment i: _items.Add(new ImageItem(i.Path, left + i.X, top + i.Y, i.Width, i.Height) { Element = element }); break;
            case AnchorFragment a: _items.Add(new Anchor(a.Name, left, top)); break;
            case LinkFragment l: _items.Add(new LinkArea(left + l.X, top + l.Y, l.Width, l.Height, l.Uri, l.Destination) { Element = element }); break;
        }
    }

    /// <summary>Groups a line's glyphs into runs of one font, size and ink, and adds link areas.</summary>
    /// <param name="element">The structure element the text belongs to; null for artifacts (footers).</param>
    public void DrawLine(TextLine line, double x, double baseline, int? element = null)
    {
        int i = 0;
        var glyphs = line.Glyphs;
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
            _items.Add(new GlyphRun(first.Font.Ref, first.Size, x + first.X, baseline, first.Ink, placed.MoveToImmutable()) { Element = element });
            i = j;
        }
        for (i = 0; i < glyphs.Length; i++)
        {
            if (glyphs[i].Link is not { } link) continue;
            int j = i;
            while (j + 1 < glyphs.Length && glyphs[j + 1].Link == link) j++;
            var a = glyphs[i];
            var b = glyphs[j];
            double size = a.Size;
            bool internalLink = link.StartsWith('#');
            _items.Add(new LinkArea(x + a.X, baseline - size * 0.9, b.X + b.Advance - a.X, size * 1.2,
                internalLink ? null : link, internalLink ? link[1..] : null)
            { Element = element });
            i = j;
        }
    }

    public Page ToPage() => new(width, height, [.. _items], Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
