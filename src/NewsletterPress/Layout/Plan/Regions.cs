using System.Collections.Immutable;

namespace NewsletterPress.Layout.Plan;

/// <summary>Why a region of columns ends where it does.</summary>
internal enum RegionEnd
{
    /// <summary>The columns are full to the foot of the page; the run goes on on the next page.</summary>
    PageFull,
    /// <summary>The run ends (the article's end, or an element that spans the columns follows): balanced.</summary>
    RunEnds,
    /// <summary>The next line must head a column (an article that joins this column run) and no column is left on
    /// the page: balanced, and the next article starts on the next page.</summary>
    ColumnBreak,
}

/// <summary>One region of column flow: units [<see cref="Start"/>, <see cref="End"/>) in columns
/// <see cref="Capacity"/> grid lines high.</summary>
/// <param name="Height">Grid lines the region takes on the page: its tallest column.</param>
/// <param name="Ink">Grid lines of content summed over its columns (a column with footnotes is full).</param>
/// <param name="BrokenRules">Column breaks that leave a widow, an orphan or a heading at a column foot.</param>
/// <param name="Apart">How many lines the text of a balanced region's columns ends apart beyond the one allowed.</param>
/// <param name="BlocksSplit">A block kept together gave way to balance the region.</param>
/// <param name="SpaceBefore">Headings (unit indices) that take a blank grid line more above them, to even out the columns.</param>
internal readonly record struct Region(int Start, int End, int Capacity, int Height, int Ink, int BrokenRules, int Apart,
    int Lines, RegionEnd Why, bool BlocksSplit, ImmutableArray<int> SpaceBefore);

/// <summary>
/// Cuts a run of flow units into regions: columns filled from the cursor to the foot of the page, and the run's last
/// region balanced — the smallest height that holds it without a widow, an orphan or a heading at a column foot.
/// </summary>
internal static class Regions
{
    /// <summary>The region the units from <paramref name="start"/> fill in <paramref name="free"/> grid lines;
    /// <paramref name="cut"/> (columns + 1 long) gets each column's first unit and the end.</summary>
    public static Region Cut(ReadOnlySpan<FlowUnit> units, int start, int free, int columns, double leading, Span<int> cut)
    {
        int end = Distribute(units, start, free, columns, leading, cut);
        bool runEnds = end >= units.Length;
        bool last = runEnds || (units[end].Keep & Keep.ColumnBreakBefore) != 0;
        int capacity = free;
        bool blocksMaySplit = false;
        if (last)
        {
            (capacity, end) = Balanced(units, start, end, free, columns, leading, blocksMaySplit: false, cut);
            // A block kept together (an address) that leaves the columns more than a line apart gives way, as a
            // paragraph would, if that balances them.
            if (columns > 1 && InkApart(units, cut, capacity, leading, columns) > 1)
            {
                Span<int> trial = stackalloc int[columns + 1];
                var (split, reached) = Balanced(units, start, end, free, columns, leading, blocksMaySplit: true, trial);
                if (reached == end && InkApart(units, trial, split, leading, columns) <= 1)
                {
                    (capacity, blocksMaySplit) = (split, true);
                    trial.CopyTo(cut);
                }
            }
        }

        Span<int> inks = stackalloc int[columns];
        int height = 0, tallestInk = 0;
        for (int col = 0; col < columns; col++)
        {
            var (used, columnInk) = Column(units, cut[col], cut[col + 1], capacity, leading);
            height = Math.Max(height, used);
            inks[col] = columnInk;
            tallestInk = Math.Max(tallestInk, columnInk);
        }
        int lines = 0;
        for (int i = start; i < end; i++)
            if (!units[i].Blank) lines += units[i].Lines;
        // Keeps can leave a column two or more lines short of the others: a blank line more above its headings (or its
        // end notes' rule), from the last up, evens it out on the grid (vertical justification, as TeX stretches the
        // space above its sections).
        var spaced = ImmutableArray<int>.Empty;
        if (columns > 1)
            for (int col = 0; col < columns; col++)
                for (int i = cut[col + 1] - 1; i > cut[col] && tallestInk - inks[col] > 1; i--)
                    if (units[i].Stretchable)
                    {
                        spaced = spaced.Add(i);
                        inks[col]++;
                    }
        int ink = 0, shortestInk = int.MaxValue;
        foreach (var columnInk in inks) (ink, shortestInk) = (ink + columnInk, Math.Min(shortestInk, columnInk));
        int broken = 0;
        for (int col = 1; col <= columns; col++)
            if (ColumnFill.BreaksARule(units, cut[col], blocksMaySplit)) broken++;
        // A region's columns should end within a line of each other — a balanced region's, and a full page's, where
        // keeps (a heading that moved on with its lines) can leave one short of the foot — unless a forced column
        // break ends one, or there are too few lines (a paragraph's last three) to share out.
        bool forcedBreak = false;
        for (int i = start + 1; i < end; i++) forcedBreak |= (units[i].Keep & Keep.ColumnBreakBefore) != 0;
        int apart = columns > 1 && !forcedBreak && lines > 3 ? Math.Max(0, tallestInk - shortestInk - 1) : 0;
        var why = !last ? RegionEnd.PageFull : runEnds ? RegionEnd.RunEnds : RegionEnd.ColumnBreak;
        return new Region(start, end, capacity, height, ink, broken, apart, lines, why, blocksMaySplit, spaced);
    }

    /// <summary>The smallest column height that holds units [start, end) without a widow, an orphan or a heading
    /// at a column foot (or, if none does, the whole free height); <paramref name="cut"/> gets its columns, and
    /// <c>End</c> is where they stop (each height tried is distributed once).</summary>
    private static (int Capacity, int End) Balanced(ReadOnlySpan<FlowUnit> units, int start, int end, int free, int columns, double leading,
        bool blocksMaySplit, Span<int> cut)
    {
        for (int c = (TotalLines(units, start, end) + columns - 1) / columns; c < free; c++)
        {
            int reached = Distribute(units, start, c, columns, leading, cut, blocksMaySplit);
            if (reached < end) continue;
            if (AnyRuleBroken(units, cut[1..columns], blocksMaySplit)) continue;
            return (c, reached);
        }
        return (free, Distribute(units, start, free, columns, leading, cut, blocksMaySplit));
    }

    private static int InkApart(ReadOnlySpan<FlowUnit> units, ReadOnlySpan<int> cut, int capacity, double leading, int columns)
    {
        int tallest = 0, shortest = int.MaxValue;
        for (int col = 0; col < columns; col++)
        {
            int ink = Column(units, cut[col], cut[col + 1], capacity, leading).Ink;
            (tallest, shortest) = (Math.Max(tallest, ink), Math.Min(shortest, ink));
        }
        return tallest - shortest;
    }

    private static bool AnyRuleBroken(ReadOnlySpan<FlowUnit> units, ReadOnlySpan<int> breaks, bool blocksMaySplit)
    {
        foreach (var at in breaks)
            if (ColumnFill.BreaksARule(units, at, blocksMaySplit)) return true;
        return false;
    }

    /// <summary>Grid lines a column takes (its text, or its full height when footnotes sit at its foot), and how far
    /// down its content reaches (a blank line left before a heading that moved on is not content).</summary>
    private static (int Used, int Ink) Column(ReadOnlySpan<FlowUnit> units, int from, int to, int capacity, double leading)
    {
        int depth = from < to ? units[from].HeadLines : 0, ink = 0;
        bool notes = false;
        for (int i = from; i < to; i++)
        {
            depth += units[i].Lines;
            if (!units[i].Blank) ink = depth;
            notes |= units[i].NoteHeight > 0;
        }
        return notes ? (capacity, capacity) : (depth, ink);
    }

    private static int TotalLines(ReadOnlySpan<FlowUnit> units, int from, int to)
    {
        int n = 0;
        for (int i = from; i < to; i++) n += units[i].Lines;
        return n;
    }

    /// <returns>Where the region stops; <paramref name="cut"/> holds each column's first unit (and the end).</returns>
    private static int Distribute(ReadOnlySpan<FlowUnit> units, int start, int capacity, int columns, double leading, Span<int> cut,
        bool blocksMaySplit = false)
    {
        int at = start;
        for (int col = 0; col < columns; col++)
        {
            while (at < units.Length && units[at].Blank) at++; // blank lines vanish at a column head
            cut[col] = at;
            at = ColumnFill.Fill(units, at, capacity, leading, blocksMaySplit);
        }
        cut[columns] = at;
        return at;
    }
}
