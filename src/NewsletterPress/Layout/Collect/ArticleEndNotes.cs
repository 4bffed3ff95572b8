using System.Collections.Immutable;
using NewsletterPress.Shared;

namespace NewsletterPress.Layout.Collect;

/// <summary>
/// Footnotes gathered after an article's last line (<c>style.footnotes: article-end</c>, or a note too tall for a
/// column's foot): a short rule, then the notes' lines on their own pitch, measured down from the rule in whole grid
/// lines so that whatever follows lands back on the grid. Each grid line is a flow line of its own, holding the
/// note lines that begin in it, so the notes may break between columns at any grid line and an article's last
/// columns still balance within a line.
/// </summary>
internal static class ArticleEndNotes
{
    public static List<FlowLine> Compose(IReadOnlyList<Note> notes, double width, LayoutConfig config, double pitch)
    {
        var lines = new List<FlowLine>();
        if (notes.Count == 0) return lines;
        lines.Add(new FlowLine(1, [new RuleFragment(0, config.Leading / 2, width / 3, config.Leading / 2, Look.Notes.RuleWeight, Ink.Black)],
            Keep.WithNext)
        { Stretchable = true });

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

        // The note lines sit on their own pitch, the last one on the grid's baseline (so that the notes end where a
        // line of text would), each in the grid line its top is in; a note line's pitch is less than a grid line's,
        // so every grid line from the first to the last holds at least one.
        double ascent = noteLines[0].Line.Baseline; // the notes were set with their first baseline this far down
        double block = (noteLines.Count - 1) * pitch; // from the first baseline to the last
        int grid = (int)Math.Ceiling((ascent + block - config.BaselineOffset) / config.Leading - 1e-9) + 1;
        double first = (grid - 1) * config.Leading + config.BaselineOffset - block;
        int GridLine(int i) => Math.Max(0, (int)Math.Floor((first + i * pitch - ascent) / config.Leading + 1e-6));
        var perGridLine = Enumerable.Range(0, grid).Select(_ => ImmutableArray.CreateBuilder<Fragment>()).ToList();
        for (int i = 0; i < noteLines.Count; i++)
        {
            int g = GridLine(i);
            var (line, anchor) = noteLines[i];
            if (anchor is not null) perGridLine[g].Add(anchor);
            perGridLine[g].Add(line with { Baseline = first + i * pitch - g * config.Leading });
        }
        lines.AddRange(perGridLine.Select(f => new FlowLine(1, f.ToImmutable())));
        return lines;
    }
}
