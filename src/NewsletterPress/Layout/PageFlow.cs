using NewsletterPress.Display;

namespace NewsletterPress.Layout;

/// <summary>
/// The explicit state of the flow: which page we are on and the first free grid line on it.
/// Spanning bands go across the text block; article bodies fill regions of columns, and the
/// last region of an article is balanced.
/// </summary>
internal sealed class PageFlow(LayoutConfig config, Diagnostics.WarningLog? warnings = null)
{
    private readonly List<PageCanvas> _pages = [];
    private readonly Dictionary<string, int> _anchorPages = [];
    /// <summary>First free grid line on the current page.</summary>
    private int _cursor;

    public IReadOnlyList<PageCanvas> Pages => _pages;
    public IReadOnlyDictionary<string, int> AnchorPages => _anchorPages;
    public PageCanvas Current => _pages[^1];
    public int FreeLines => config.LinesPerPage - _cursor;
    public bool AtPageTop => _cursor == 0;

    public void NewPage()
    {
        _pages.Add(new PageCanvas(_pages.Count + 1, config.PageWidth, config.PageHeight));
        _cursor = 0;
    }

    /// <summary>Places a band across the text block, on a new page if it (and
    /// <paramref name="keepLines"/> lines of what follows) does not fit.</summary>
    public void PlaceBand(Band band, int keepLines = 0)
    {
        if (_pages.Count == 0 || (_cursor > 0 && band.Lines + keepLines > FreeLines)) NewPage();
        if (band.Lines > FreeLines)
            throw new Diagnostics.InputException(null, $"a block {band.Lines} lines high does not fit on a page of {config.LinesPerPage} lines");
        foreach (var a in band.Fragments.OfType<AnchorFragment>()) _anchorPages[a.Name] = Current.Number;
        Current.Draw(band.Fragments, config.BlockLeft(Current.Number), config.LineTop(_cursor));
        _cursor += band.Lines;
    }

    /// <summary>Places rows across the text block from the cursor on, page after page, with a blank line
    /// above and below; a row never ends a page if it must keep with the next, and a row that starts a
    /// page brings its <see cref="FlowLine.ColumnHead"/> (the table's header).</summary>
    public void PlaceRows(IReadOnlyList<FlowLine> rows)
    {
        if (_pages.Count == 0) NewPage();
        Skip(1);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            int needed = row.Lines + (row.Keep.HasFlag(Keep.WithNext) && i + 1 < rows.Count ? rows[i + 1].Lines : 0);
            if (needed > FreeLines && !AtPageTop)
            {
                NewPage();
                if (row.ColumnHead is { } head) PlaceRow(head);
            }
            PlaceRow(row);
        }
        Skip(1);
    }

    private void PlaceRow(FlowLine row)
    {
        foreach (var a in row.Fragments.OfType<AnchorFragment>()) _anchorPages[a.Name] = Current.Number;
        Current.Draw(row.Fragments, config.BlockLeft(Current.Number), config.LineTop(_cursor));
        _cursor += row.Lines;
    }

    /// <summary>Leaves one blank grid line, unless at the top of a page.</summary>
    public void Skip(int lines) => _cursor = Math.Min(config.LinesPerPage, _cursor + (AtPageTop ? 0 : lines));

    /// <summary>One region of column flow: lines [Start, End) in columns <see cref="Capacity"/> lines high,
    /// <see cref="Cut"/> holding each column's first line (and the end).</summary>
    private sealed record Region(bool OnNewPage, int Start, int End, int Capacity, int[] Cut, bool EndsArticle);

    /// <summary>The regions some lines fill from a given page and cursor: the layout plans an article before
    /// it flows it (to see whether it spills), and the flow then uses the same plan instead of making it again.</summary>
    private sealed record ColumnPlan(IReadOnlyList<FlowLine> Lines, int Columns, int Pages, int Cursor, List<Region> Regions);

    private ColumnPlan? _lastPlan;

    private List<Region> PlannedRegions(IReadOnlyList<FlowLine> lines, int columns)
    {
        if (_lastPlan is not { } plan || !ReferenceEquals(plan.Lines, lines) || plan.Columns != columns
            || plan.Pages != _pages.Count || plan.Cursor != _cursor)
            _lastPlan = plan = new ColumnPlan(lines, columns, _pages.Count, _cursor, [.. Regions(lines, columns)]);
        return plan.Regions;
    }

    /// <summary>Flows lines into <paramref name="columns"/> columns from the cursor on, page after page.</summary>
    public void FlowColumns(IReadOnlyList<FlowLine> lines, int columns)
    {
        if (_pages.Count == 0) NewPage();
        double width = columns == 1 ? config.BlockWidth : config.ColumnWidth;
        if (columns > 1 && config.Columns == 1) width = config.BlockWidth;
        foreach (var region in PlannedRegions(lines, columns))
        {
            if (region.OnNewPage) NewPage();
            var cut = region.Cut;
            // Column fill gives way only when a column has room for nothing else; say so.
            foreach (var at in cut.Skip(1).Where(at => ColumnFill.BreaksARule(lines, at)))
                warnings?.Add(null, $"page {Current.Number}: a widow, an orphan or a heading at a column foot could not be avoided " +
                    $"(\"{Excerpt(lines[Math.Min(at, lines.Count - 1)])}\")");
            int tallest = 0, inkTallest = 0, inkShortest = int.MaxValue;
            for (int col = 0; col < columns; col++)
            {
                int used = Place(lines, cut[col], cut[col + 1], col, width, region.Capacity);
                tallest = Math.Max(tallest, used);
                // How far down the column's text reaches (a blank line before a heading that went to the next
                // column is no text), or its footnotes, which sit at its foot.
                bool notes = Enumerable.Range(cut[col], cut[col + 1] - cut[col]).Any(i => !lines[i].Notes.IsEmpty);
                int ink = notes ? used : InkLines(lines, cut[col], cut[col + 1]);
                inkTallest = Math.Max(inkTallest, ink);
                inkShortest = Math.Min(inkShortest, ink);
            }
            // The article's last region is balanced within a line unless the rules above forbid it; say when they
            // do, unless the region is a paragraph's last lines, too few to share out.
            var (start, end) = (region.Start, region.End);
            bool forcedBreak = Enumerable.Range(start + 1, Math.Max(0, end - start - 1)).Any(i => lines[i].Keep.HasFlag(Keep.ColumnBreakBefore));
            if (region.EndsArticle && columns > 1 && !forcedBreak && inkTallest - inkShortest > 1 && TotalLines(lines, start, end) > 3)
                warnings?.Add(null, $"page {Current.Number}: the columns end {inkTallest - inkShortest} lines apart; balancing them would split a block " +
                    $"kept together or leave a widow or orphan (\"{Excerpt(lines[end - 1])}\")");
            _cursor += tallest;
        }
    }

    /// <summary>How the lines would flow from the cursor on: how many new pages they start, and how many
    /// grid lines of text the region on the last of them holds (0 when they start no page).</summary>
    public (int NewPages, int LastRegionLines) Plan(IReadOnlyList<FlowLine> lines, int columns)
    {
        var regions = PlannedRegions(lines, columns);
        int newPages = regions.Count(r => r.OnNewPage);
        return (newPages, newPages == 0 ? 0 : TotalLines(lines, regions[^1].Start, regions[^1].End));
    }

    /// <summary>The regions the lines fill, page after page; the article's last region is balanced.</summary>
    private IEnumerable<Region> Regions(IReadOnlyList<FlowLine> lines, int columns)
    {
        int free = _pages.Count == 0 ? config.LinesPerPage : FreeLines;
        int start = 0;
        bool newPage = false;
        while (start < lines.Count)
        {
            if (free < 3) (newPage, free) = (true, config.LinesPerPage);
            int capacity = free;
            int end = Distribute(lines, start, capacity, columns, out _);
            // The article ends in this region (or at a forced column break after its last column, so that
            // the next article starts on the next page anyway): balance its columns.
            bool lastRegion = end >= lines.Count || lines[end].Keep.HasFlag(Keep.ColumnBreakBefore);
            if (lastRegion)
            {
                for (int c = (TotalLines(lines, start, end) + columns - 1) / columns; c <= capacity; c++)
                {
                    // The smallest height that holds everything without a widow, orphan or stranded heading.
                    if (Distribute(lines, start, c, columns, out var trial) < end) continue;
                    if (trial.Skip(1).SkipLast(1).Any(at => ColumnFill.BreaksARule(lines, at)) && c < capacity) continue;
                    capacity = c;
                    break;
                }
            }
            end = Distribute(lines, start, capacity, columns, out var cut);
            yield return new Region(newPage, start, end, capacity, cut, lastRegion);
            start = end;
            (newPage, free) = (true, config.LinesPerPage);
        }
    }

    private static string Excerpt(FlowLine line)
    {
        var text = string.Concat(line.Fragments.OfType<TextFragment>().Select(t => t.Line.Text));
        return text.Length <= 30 ? text : text[..30] + "…";
    }

    /// <summary>Grid lines from the column's head to the end of its last line that draws something.</summary>
    private static int InkLines(IReadOnlyList<FlowLine> lines, int from, int to)
    {
        int depth = from < to ? lines[from].ColumnHead?.Lines ?? 0 : 0, ink = 0;
        for (int i = from; i < to; i++)
        {
            depth += lines[i].Lines;
            if (!lines[i].Fragments.IsEmpty) ink = depth;
        }
        return ink;
    }

    private static int TotalLines(IReadOnlyList<FlowLine> lines, int from, int to)
    {
        int n = 0;
        for (int i = from; i < to; i++) n += lines[i].Lines;
        return n;
    }

    /// <returns>Where the region stops; <paramref name="cut"/> holds each column's first line (and the end).</returns>
    private int Distribute(IReadOnlyList<FlowLine> lines, int start, int capacity, int columns, out int[] cut)
    {
        cut = new int[columns + 1];
        int at = start;
        for (int col = 0; col < columns; col++)
        {
            while (at < lines.Count && lines[at].Fragments.IsEmpty) at++; // blank lines vanish at a column head
            cut[col] = at;
            at = ColumnFill.Fill(lines, at, capacity, config.Leading);
        }
        cut[columns] = at;
        return at;
    }

    /// <returns>How many grid lines the column's text and footnotes take.</returns>
    private int Place(IReadOnlyList<FlowLine> lines, int from, int to, int column, double width, int capacity)
    {
        double left = config.BlockLeft(Current.Number) + column * (width + config.ColumnGap);
        int line = _cursor;
        var notes = new List<Note>();
        if (from < to && lines[from].ColumnHead is { } head)
        {
            Current.Draw(head.Fragments, left, config.LineTop(line));
            line += head.Lines;
        }
        for (int i = from; i < to; i++)
        {
            Current.Draw(lines[i].Fragments, left, config.LineTop(line));
            foreach (var a in lines[i].Fragments.OfType<AnchorFragment>()) _anchorPages[a.Name] = Current.Number;
            notes.AddRange(lines[i].Notes);
            line += lines[i].Lines;
        }
        if (notes.Count == 0) return line - _cursor;

        // Footnotes sit at the foot of the column that calls them, under a third-column rule.
        double height = notes.Sum(n => n.Height);
        double y = config.LineTop(_cursor + capacity) - height;
        Current.Draw(new RuleFragment(0, -ColumnFill.NoteSeparator / 2, width / 3, -ColumnFill.NoteSeparator / 2, 0.5, Ink.Black), left, y);
        foreach (var note in notes)
        {
            Current.Draw(note.Fragments, left, y);
            foreach (var a in note.Fragments.OfType<AnchorFragment>()) _anchorPages[a.Name] = Current.Number;
            y += note.Height;
        }
        return capacity;
    }

    public IEnumerable<Page> ToPages() => _pages.Select(p => p.ToPage());
}
