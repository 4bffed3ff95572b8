namespace NewsletterPress.Tests.Support;

/// <summary>Whether text on one baseline runs across the gutter between two columns.</summary>
internal static class Gutter
{
    /// <summary>
    /// True when the lines mupdf read on one baseline span the columns: one crosses the gutter (an opener, a spanning
    /// heading), or one is a leader (glyphs drawn with a blank text, as the contents' dots are) on a baseline that also
    /// has text in the left column. mupdf splits a contents line where its leader starts, so the title alone may stop
    /// short of the gutter or just past the column edge.
    /// </summary>
    public static bool Crossed(IEnumerable<IEnumerable<PdfChar>> lines, double columnRight, double gap)
    {
        var pieces = lines.Select(l => l.ToList()).ToList();
        bool crossing = pieces.Any(p => p.Min(c => c.X) < columnRight - 1 && p.Max(c => c.Right) > columnRight + gap / 2);
        bool leader = pieces.Any(p => p.Count >= 5 && p.Count(c => c.Text.Trim().Length == 0) > p.Count / 2);
        return crossing || (leader && pieces.Any(p => p.Min(c => c.X) < columnRight - 1));
    }
}
