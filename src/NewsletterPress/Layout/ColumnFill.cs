namespace NewsletterPress.Layout;

/// <summary>
/// Decides how many flow lines go into one column: as many as fit together with the
/// footnotes they call (and never past a forced column break), then moved back so that no heading ends a column and no paragraph
/// leaves a single line at the foot (orphan) or the head (widow) of a column.
/// </summary>
internal static class ColumnFill
{
    /// <summary>The rule above the footnotes and the space around it, in points.</summary>
    public const double NoteSeparator = 9;

    /// <returns>The index of the first line that does not go into this column.</returns>
    public static int Fill(IReadOnlyList<FlowLine> lines, int start, int capacity, double leading)
    {
        int used = start < lines.Count ? lines[start].ColumnHead?.Lines ?? 0 : 0, end = start;
        double notes = 0;
        while (end < lines.Count)
        {
            if (end > start && lines[end].Keep.HasFlag(Keep.ColumnBreakBefore)) return end;
            double withNotes = notes + lines[end].Notes.Sum(n => n.Height);
            int noteLines = NoteLines(withNotes, leading);
            if (used + lines[end].Lines + noteLines > capacity) break;
            notes = withNotes;
            used += lines[end++].Lines;
        }
        if (end >= lines.Count || end == start) return end;

        int minimum = start + 1; // a column always takes something, or the flow would never end
        for (int guard = 0; guard < 8; guard++)
        {
            int before = end;
            if (end > minimum && lines[end - 1].Keep.HasFlag(Keep.WithNext)) end--;
            else if (end > minimum && IsOrphan(lines[end - 1])) end--;
            else if (end > minimum && IsWidow(lines[end])) end--;
            if (end == before) break;
        }
        return end;
    }

    /// <summary>True when the break before <paramref name="end"/> leaves a heading at a column foot,
    /// an orphan or a widow: what <see cref="Fill"/> allows only when a column has room for nothing else.</summary>
    public static bool BreaksARule(IReadOnlyList<FlowLine> lines, int end)
    {
        if (end <= 0 || end >= lines.Count) return false;
        int last = end - 1;
        while (last > 0 && lines[last].Fragments.IsEmpty) last--; // blank lines vanish at a column break
        return lines[last].Keep.HasFlag(Keep.WithNext) && !lines[last].Fragments.IsEmpty
               || IsOrphan(lines[last]) || IsWidow(lines[end]);
    }

    /// <summary>Grid lines the footnotes of a column take at its foot (with their separator rule).</summary>
    public static int NoteLines(double noteHeight, double leading) =>
        noteHeight <= 0 ? 0 : (int)Math.Ceiling((noteHeight + NoteSeparator) / leading - 1e-6);

    /// <summary>A paragraph's first line alone at the foot of a column.</summary>
    private static bool IsOrphan(FlowLine last) =>
        last.Paragraph >= 0 && last.LineInParagraph == 0 && last.LinesInParagraph > 1;

    /// <summary>A paragraph's last line alone at the head of the next column.</summary>
    private static bool IsWidow(FlowLine next) =>
        next.Paragraph >= 0 && next.LinesInParagraph > 1 && next.LineInParagraph == next.LinesInParagraph - 1;
}
