namespace NewsletterPress.Layout;

/// <summary>
/// Decides how many flow lines go into one column: as many as fit, then moved back so that
/// no heading ends a column and no paragraph leaves a single line at the foot (orphan) or
/// the head (widow) of a column.
/// </summary>
internal static class ColumnFill
{
    /// <returns>The index of the first line that does not go into this column.</returns>
    public static int Fill(IReadOnlyList<FlowLine> lines, int start, int capacity)
    {
        int used = 0, end = start;
        while (end < lines.Count && used + lines[end].Lines <= capacity) used += lines[end++].Lines;
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

    /// <summary>A paragraph's first line alone at the foot of a column.</summary>
    private static bool IsOrphan(FlowLine last) =>
        last.Paragraph >= 0 && last.LineInParagraph == 0 && last.LinesInParagraph > 1;

    /// <summary>A paragraph's last line alone at the head of the next column.</summary>
    private static bool IsWidow(FlowLine next) =>
        next.Paragraph >= 0 && next.LinesInParagraph > 1 && next.LineInParagraph == next.LinesInParagraph - 1;
}
