using NewsletterPress.Display;

namespace NewsletterPress.Preflight;

/// <summary>A line of text read back from the display list: the runs on one baseline in one column.</summary>
internal sealed record ReadLine(int Page, double Baseline, IReadOnlyList<GlyphRun> Runs)
{
    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>
/// Groups glyph runs into lines: the same page and baseline, and no horizontal gap wider
/// than a column gutter between neighbouring runs (a gap that wide is the gutter itself).
/// </summary>
internal static class LineReader
{
    private const double GutterGap = 12;

    public static IEnumerable<ReadLine> Lines(DisplayDocument document)
    {
        for (int p = 0; p < document.Pages.Length; p++)
            foreach (var baseline in document.Pages[p].Items.OfType<GlyphRun>().Where(r => !r.Glyphs.IsEmpty)
                         .GroupBy(r => Math.Round(r.Y, 2)))
            {
                var runs = baseline.OrderBy(r => r.X).ToList();
                var current = new List<GlyphRun> { runs[0] };
                for (int i = 1; i < runs.Count; i++)
                {
                    if (runs[i].X - End(runs[i - 1]) > GutterGap)
                    {
                        yield return new ReadLine(p + 1, baseline.Key, current);
                        current = [];
                    }
                    current.Add(runs[i]);
                }
                yield return new ReadLine(p + 1, baseline.Key, current);
            }
    }

    public static double End(GlyphRun run) => run.X + run.Glyphs[^1].X + run.Glyphs[^1].Advance;
}
