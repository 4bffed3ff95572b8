namespace NewsletterPress.Layout.Plan;

/// <summary>
/// Lever 3 for figures in a column (page-planning.md): a figure heads or ends a column, as a designer floats it, still
/// after its reference, with its caption, and the text reads on across it. One that does not fit at the foot of a
/// column would leave a hole there, because it moves whole to the next column: instead the text that follows it fills
/// the hole and the figure heads the next column (or the next page). One that lands in a column's middle goes down to
/// the column's foot, the text below it moving up.
/// </summary>
internal static class ColumnFloats
{
    /// <summary>A hole at a column's foot smaller than this is left: a line of white is no hole.</summary>
    private const int SmallestHole = 2;

    /// <summary>The order of the units with one figure moved past the text that fills the hole it leaves at the foot of
    /// a column of <paramref name="region"/>, or null when no column has such a hole.</summary>
    /// <param name="limit">Units from this index on stay where they are (a figure across the columns waits for one).</param>
    public static int[]? FillHole(ReadOnlySpan<FlowUnit> units, Region region, ReadOnlySpan<int> cut, int columns, double leading,
        int limit)
    {
        for (int col = 0; col < columns; col++)
        {
            int figure = cut[col + 1];
            if (figure >= Math.Min(units.Length, limit) || !units[figure].Figure) continue;
            int hole = region.Capacity - Used(units, cut[col], figure, leading);
            if (hole < SmallestHole) continue;
            // The figure with its caption lines, then the lines of text that fit in the hole.
            int block = figure + 1;
            while (block < units.Length && (units[block - 1].Keep & Keep.WithNext) != 0) block++;
            int end = block, lines = 0;
            while (end < Math.Min(units.Length, limit) && !units[end].Figure && !units[end].Blank
                   && (units[end].Keep & Keep.ColumnBreakBefore) == 0 && lines + units[end].Lines <= hole)
                lines += units[end++].Lines;
            // No orphan at the column's foot, and no widow under the figure: a paragraph's last line alone after it.
            while (end > block && (units[end - 1].OpensParagraph || (end < units.Length && units[end].ClosesParagraph))) end--;
            if (end == block) continue;
            return Moved(units.Length, figure, block, end);
        }
        return null;
    }

    /// <summary>The order of the units with one figure that sits inside a column of <paramref name="region"/> (text above
    /// it and below it in the same column) moved down past the text below it, to the column's foot: top or bottom of a
    /// column, as a designer sets a figure, never in the middle, and still after its reference. Null when no column
    /// has such a figure.</summary>
    /// <param name="limit">Units from this index on stay where they are (a figure across the columns waits for one).</param>
    public static int[]? ToColumnFoot(ReadOnlySpan<FlowUnit> units, ReadOnlySpan<int> cut, int columns, int limit)
    {
        for (int col = 0; col < columns; col++)
        {
            int end = cut[col + 1];
            if (end > limit) break;
            for (int figure = cut[col] + 1; figure < end; figure++)
            {
                if (!units[figure].Figure) continue;
                int block = figure + 1;
                while (block < end && (units[block - 1].Keep & Keep.WithNext) != 0) block++;
                if (block >= end) break; // at the foot already
                bool movable = true;
                for (int i = block; i < end && movable; i++)
                    movable = !units[i].Figure && (units[i].Keep & Keep.ColumnBreakBefore) == 0;
                if (!movable) break;
                return Moved(units.Length, figure, block, end);
            }
        }
        return null;
    }

    /// <summary>The order with the figure's units [<paramref name="figure"/>, <paramref name="block"/>) moved after the
    /// units up to <paramref name="end"/>.</summary>
    private static int[] Moved(int length, int figure, int block, int end)
    {
        var order = new int[length];
        int at = 0;
        for (int i = 0; i < figure; i++) order[at++] = i;
        for (int i = block; i < end; i++) order[at++] = i;
        for (int i = figure; i < block; i++) order[at++] = i;
        for (int i = end; i < length; i++) order[at++] = i;
        return order;
    }

    /// <summary>Grid lines a column's units take, with the footnotes they call.</summary>
    private static int Used(ReadOnlySpan<FlowUnit> units, int from, int to, double leading)
    {
        int used = from < to ? units[from].HeadLines : 0;
        double notes = 0;
        for (int i = from; i < to; i++) (used, notes) = (used + units[i].Lines, notes + units[i].NoteHeight);
        return used + ColumnFill.NoteLines(notes, leading);
    }

    /// <summary>The items in the new order.</summary>
    public static T[] Reordered<T>(ReadOnlySpan<T> items, int[] order)
    {
        var result = new T[order.Length];
        for (int i = 0; i < order.Length; i++) result[i] = items[order[i]];
        return result;
    }
}
