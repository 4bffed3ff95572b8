using NewsletterPress.Display;

namespace NewsletterPress.Preflight;

/// <summary>A character as placed on the page: its text, left and right edge and size, in points.</summary>
internal readonly record struct PlacedChar(string Text, double X, double Right, double Size);

/// <summary>A line of text: the characters on one baseline in one column, left to right.</summary>
internal sealed record CheckedLine(int Page, double Baseline, IReadOnlyList<PlacedChar> Chars)
{
    public string Text => string.Concat(Chars.Select(c => c.Text));
}

/// <summary>
/// Groups characters into lines: the same page and baseline, and no horizontal gap wider
/// than a column gutter between neighbours (a gap that wide is the gutter itself).
/// Works on our display list and on characters read from any PDF alike.
/// </summary>
internal static class LineReader
{
    private const double GutterGap = 12;

    public static IEnumerable<CheckedLine> FromDisplay(DisplayDocument document) =>
        document.Pages.SelectMany((page, p) => Split(p + 1, page.Items.OfType<GlyphRun>()
            .SelectMany(r => r.Glyphs.Where(g => g.Text.Length > 0)
                .Select(g => (Y: r.Y + g.Y, Char: new PlacedChar(g.Text, r.X + g.X, r.X + g.X + g.Advance, r.Size))))));

    public static IEnumerable<CheckedLine> Split(int page, IEnumerable<(double Y, PlacedChar Char)> chars)
    {
        foreach (var baseline in chars.GroupBy(c => Math.Round(c.Y, 1)).OrderBy(g => g.Key))
        {
            var sorted = baseline.Select(c => c.Char).OrderBy(c => c.X).ToList();
            var current = new List<PlacedChar> { sorted[0] };
            for (int i = 1; i < sorted.Count; i++)
            {
                if (sorted[i].X - sorted[i - 1].Right > GutterGap)
                {
                    yield return new CheckedLine(page, baseline.Key, current);
                    current = [];
                }
                current.Add(sorted[i]);
            }
            yield return new CheckedLine(page, baseline.Key, current);
        }
    }
}
