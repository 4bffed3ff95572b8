using System.Collections.Immutable;
using NewsletterPress.Display;

namespace NewsletterPress.Layout;

/// <summary>
/// Footnotes gathered after an article's last line (<c>style.footnotes: article-end</c>): a short
/// rule, then the notes' lines on their own pitch, packed into blocks of whole grid lines so that
/// whatever follows lands back on the grid. A block is the fewest grid lines that hold a whole
/// number of note lines with the least space left over (three 16.5 pt lines hold four 12 pt lines).
/// </summary>
internal static class ArticleEndNotes
{
    private const int MaxGridLinesPerBlock = 4;

    public static List<FlowLine> Compose(IReadOnlyList<Note> notes, double width, LayoutConfig config, double pitch)
    {
        var lines = new List<FlowLine>();
        if (notes.Count == 0) return lines;
        lines.Add(new FlowLine(1, [new RuleFragment(0, config.Leading / 2, width / 3, config.Leading / 2, 0.5, Ink.Black)], Keep.WithNext));

        // Every note line in order, the note's anchor going with its first line.
        var noteLines = new List<(TextFragment Line, AnchorFragment? Anchor)>();
        foreach (var note in notes)
        {
            var anchor = note.Fragments.OfType<AnchorFragment>().FirstOrDefault();
            foreach (var text in note.Fragments.OfType<TextFragment>().OrderBy(t => t.Baseline))
            {
                noteLines.Add((text, anchor));
                anchor = null;
            }
        }

        var (gridLines, perBlock) = BlockShape(config.Leading, pitch);
        double ascent = noteLines[0].Line.Baseline; // the notes were set with their first baseline this far down
        for (int from = 0; from < noteLines.Count; from += perBlock)
        {
            int count = Math.Min(perBlock, noteLines.Count - from);
            int grid = count == perBlock ? gridLines : (int)Math.Ceiling(count * pitch / config.Leading - 1e-6);
            double top = (grid * config.Leading - count * pitch) / 2; // centred in the block's grid lines
            var fragments = ImmutableArray.CreateBuilder<Fragment>();
            for (int i = 0; i < count; i++)
            {
                var (line, anchor) = noteLines[from + i];
                if (anchor is not null) fragments.Add(anchor);
                fragments.Add(line with { Baseline = top + i * pitch + ascent });
            }
            lines.Add(new FlowLine(grid, fragments.ToImmutable()));
        }
        return lines;
    }

    /// <summary>How many grid lines a full block takes and how many note lines it holds.</summary>
    private static (int GridLines, int NoteLines) BlockShape(double leading, double pitch)
    {
        var best = (GridLines: 1, NoteLines: 1);
        double leastWaste = double.MaxValue;
        for (int g = 1; g <= MaxGridLinesPerBlock; g++)
        {
            int k = Math.Max(1, (int)Math.Floor(g * leading / pitch + 1e-6));
            double waste = (g * leading - k * pitch) / g;
            if (waste < leastWaste - 1e-6) (best, leastWaste) = ((g, k), waste);
        }
        return best;
    }
}
