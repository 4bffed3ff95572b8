namespace NewsletterPress.Layout.Plan;

/// <summary>
/// Decides how many flow units go into one column: as many as fit together with the footnotes they call (and never
/// past a forced column break), then moved back so that no heading ends a column and no paragraph leaves a single
/// line at the foot (orphan) or the head (widow) of a column.
/// </summary>
internal static class ColumnFill
{
    /// <param name="blocksMaySplit">A block kept together may give way like a paragraph (to balance an article's end).</param>
    /// <returns>The index of the first unit that does not go into this column.</returns>
    public static int Fill(ReadOnlySpan<FlowUnit> units, int start, int capacity, double leading, bool blocksMaySplit = false)
    {
        int used = start < units.Length ? units[start].HeadLines : 0, end = start;
        double notes = 0;
        while (end < units.Length)
        {
            if (end > start && (units[end].Keep & Keep.ColumnBreakBefore) != 0) return end;
            double withNotes = notes + units[end].NoteHeight;
            if (used + units[end].Lines + NoteLines(withNotes, leading) > capacity) break;
            notes = withNotes;
            used += units[end++].Lines;
        }
        if (end >= units.Length || end == start) return end;

        int minimum = start + 1; // a column always takes something, or the flow would never end
        for (int guard = 0; guard < 8; guard++)
        {
            int before = end;
            if (end > minimum && units[end - 1].KeepsWithNext(blocksMaySplit)) end--;
            else if (end > minimum && units[end - 1].OpensParagraph) end--;
            else if (end > minimum && units[end].ClosesParagraph) end--;
            if (end == before) break;
        }
        return end;
    }

    /// <summary>True when the break before <paramref name="end"/> leaves a heading at a column foot, an orphan or a
    /// widow: what <see cref="Fill"/> allows only when a column has room for nothing else.</summary>
    public static bool BreaksARule(ReadOnlySpan<FlowUnit> units, int end, bool blocksMaySplit = false)
    {
        if (end <= 0 || end >= units.Length) return false;
        int last = end - 1;
        while (last > 0 && units[last].Blank) last--; // blank lines vanish at a column break
        return units[last].KeepsWithNext(blocksMaySplit) && !units[last].Blank || units[last].OpensParagraph || units[end].ClosesParagraph;
    }

    /// <summary>Grid lines the footnotes of a column take at its foot (with their separator rule).</summary>
    public static int NoteLines(double noteHeight, double leading) =>
        noteHeight <= 0 ? 0 : (int)Math.Ceiling((noteHeight + Look.Notes.Separator) / leading - 1e-6);
}
