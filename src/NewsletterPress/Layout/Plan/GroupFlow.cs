using NewsletterPress.Manifest;

namespace NewsletterPress.Layout.Plan;

/// <summary>How a group starts: under what is on the page (with 0–2 blank grid lines before its opener), or on a
/// new page. <see cref="Asked"/> says whether the editor asked for it (a forced break, exempt from the fill rule)
/// or the planner chose it.</summary>
internal readonly record struct StartChoice(StartMode Mode, int Space, bool Asked)
{
    /// <summary>What the choice costs: a space before the opener other than the usual one line.</summary>
    public double Cost => Mode == StartMode.Continue ? Math.Abs(Space - 1) * PlanCost.OpenerSpace : 0;
}

/// <summary>
/// What flowing a group from a cursor gives: where it ends, what it added to the page it started on (and how that
/// page ended, if it did), and what it cost on the pages it finished itself. It does not depend on what else is on
/// the start page, so the planner reuses it for every state with the same cursor.
/// </summary>
/// <param name="NewPages">Pages begun by the group.</param>
/// <param name="Line">The first free grid line on the last page.</param>
/// <param name="AddedToStartPage">Grid lines of content (summed over the columns) added to the page it started on.</param>
/// <param name="StartPageBreak">How the start page ended, when <see cref="NewPages"/> &gt; 0.</param>
/// <param name="EndPageFilled">Grid lines of content on the last page, when it is not the start page.</param>
/// <param name="Cost">The pages finished after the start page, stranded pieces, broken keeps and imbalance.</param>
internal sealed record FlowOutcome(int NewPages, int Line, int AddedToStartPage, PageBreak StartPageBreak, int EndPageFilled, double Cost);

/// <summary>
/// Flows one group from a cursor, the way it will be painted: its opener, then its column runs region by region
/// (columns filled to the foot of the page, the run's last region balanced), its bands across the columns and the
/// rows of a long table. The same code plans (no recorder: it only counts) and makes the final plan (a recorder
/// notes every placement), so what is planned is what is painted.
/// </summary>
internal sealed class GroupFlow(LayoutConfig config)
{
    /// <summary>The column run being flowed, kept from one run to the next (a planner flows one group at a time).</summary>
    private readonly RunBuffer _run = new();

    /// <summary>The collections of a flow's work state, and of the probe that sees where a run ends, kept from one flow
    /// to the next: the planner flows thousands.</summary>
    private readonly WorkStorage _storage = new(), _probeStorage = new();

    /// <summary>A region needs at least this many free lines (a paragraph's first two in each column); fewer are left empty.</summary>
    private const int SmallestRegion = 2;

    /// <summary>A band across the columns keeps this many lines of what follows with it (no band at a page's foot).</summary>
    private const int LinesKeptAfterBand = 2;

    /// <summary>A region of text between two bands across the columns (a figure, a table, an opener) must be at least this
    /// tall, or it reads as a sliver.</summary>
    private const int ThinnestRegionBetweenBands = 3;

    /// <summary>The opener of an article that continues a page must leave room for a region of its text.</summary>
    private const int LinesKeptAfterOpener = SmallestRegion;

    /// <returns>The outcome, or null when the choice is impossible (an opener that does not fit where the planner
    /// wanted to continue).</returns>
    public FlowOutcome? Run(FlowGroup group, GroupVariant variant, int startLine, StartChoice choice, PlanRecorder? recorder)
    {
        var work = new Work(config, recorder, _storage);
        work.Line = startLine;
        var opener = group.First.Opener!; // the group's first article never joins a run
        if (choice.Mode == StartMode.NewPage)
        {
            if (work.Line > 0) work.NewPage(choice.Asked ? PageBreak.EditorAskedNewPage : PageBreak.PlannerStartedNewPage);
        }
        else if (work.Line > 0)
        {
            work.Line += choice.Space;
            if (work.Line + opener.Lines + LinesKeptAfterOpener > config.LinesPerPage)
            {
                if (!choice.Asked) return null;
                work.NewPage(PageBreak.OpenerDidNotFit);
            }
        }
        recorder?.GroupStarts(group);
        work.ArticleStarts(group.First.Index);
        work.Band(opener);

        for (int p = 0; p < variant.Shape.Length; p++)
        {
            switch (variant.Shape[p])
            {
                case ColumnLines when recorder is null && !FloatFollows(variant, p) && variant.Unchanged(p) is { } collected:
                    FlowRun(work, null, collected.Units, collected.Owners, real: true, group.Columns);
                    break;
                case ColumnLines:
                    // Each float (a figure or a table across the columns) after this run that goes elsewhere: to the foot
                    // of the page its reference is on (when the planner chose that), or, as it will not fit where its
                    // text ends, to the top of the next page. The text after it goes on in the same columns, so that the
                    // columns read on across the float's place.
                    _run.Clear(withLines: recorder is not null);
                    variant.AppendRun(p, _run);
                    while (FloatFollows(variant, p))
                    {
                        var figure = (SpanningBand)variant.Shape[p + 1];
                        bool fits = FitsAfter(figure, EndOf(_run, work.Line, group.Columns));
                        if (!work.TakeFloat(figure.Band, _run.Units.Length - 1, fits, variant.FloatsAtFoot)) break;
                        variant.AppendRun(p + 2, _run);
                        p += 2;
                    }
                    FlowRun(work, _run.Lines, _run.Units, _run.Owners, _run.Real, group.Columns);
                    break;
                case SpanningBand spanning: PlaceSpanning(work, spanning, variant.Owner(p).Article); break;
                case SpanningRows rows: PlaceRows(work, rows, variant.Owner(p).Article); break;
            }
        }
        if (work.HasFloating) work.NewPage(PageBreak.Full); // the floats still to place go at the top of a page
        work.End();
        return new FlowOutcome(work.NewPages, work.Line, work.NewPages > 0 ? work.AddedToStartPage : work.Filled, work.StartPageBreak,
            work.NewPages > 0 ? work.Filled : 0, work.Cost);
    }

    /// <summary>Part <paramref name="p"/> is a run followed by a float and another run, which the flow may join.</summary>
    private static bool FloatFollows(GroupVariant variant, int p) =>
        p + 2 < variant.Shape.Length && variant.Shape[p] is ColumnLines && variant.Shape[p + 1] is SpanningBand
        && variant.Shape[p + 2] is ColumnLines;

    /// <summary>The line a run ends on, flowed from <paramref name="line"/> (planned, not placed).</summary>
    private int EndOf(RunBuffer run, int line, int columns)
    {
        var probe = new Work(config, null, _probeStorage) { Line = line };
        FlowRun(probe, null, run.Units, run.Owners, run.Real, columns);
        return probe.Line;
    }

    /// <summary>A figure fits below <paramref name="line"/>, at its size or a smaller one.</summary>
    private bool FitsAfter(SpanningBand figure, int line) =>
        line == 0 || figure.Smaller.Select(s => s.Band).Prepend(figure.Band)
            .Any(band => line + band.Lines + LinesKeptAfterBand <= config.LinesPerPage);

    /// <summary>A band across the columns where the flow has got to; a figure that does not fit there is set smaller
    /// (to three quarters at least), or moves to the top of the next page while the text after it fills this one.</summary>
    private void PlaceSpanning(Work work, SpanningBand spanning, int article)
    {
        work.Article = article;
        if (work.HasFloating)
        {
            // Floats keep their order: this one heads the next page too, under the one waiting there, and the text
            // after it fills this page; when the two would not leave room for text there, the page ends here.
            if (work.FloatingLines + spanning.Band.Lines + SmallestRegion <= config.LinesPerPage)
            {
                work.Float(spanning.Band);
                work.Cost += PlanCost.FigureMoved;
                return;
            }
            work.NewPage(PageBreak.SpanningDidNotFit);
        }
        bool Fits(Band band) => work.Line == 0 || work.Line + band.Lines + LinesKeptAfterBand <= config.LinesPerPage;
        if (Fits(spanning.Band))
        {
            work.Band(spanning.Band);
            return;
        }
        foreach (var (scale, band) in spanning.Smaller)
        {
            if (!Fits(band)) continue;
            work.Band(band);
            work.Cost += (1 - scale) * PlanCost.FigureSmaller;
            return;
        }
        work.Float(spanning.Band);
        work.Cost += PlanCost.FigureMoved;
    }

    /// <param name="lines">The run's lines, to record the plan; null while planning, which reads only the units.</param>
    /// <param name="real">Every unit is a line that is there (no line planned but not there, for the copyfit).</param>
    private void FlowRun(Work work, IReadOnlyList<FlowLine>? lines, ReadOnlySpan<FlowUnit> units, ReadOnlySpan<LineOwner> owners,
        bool real, int columns)
    {
        // A one-column article in a two-column grid sets its lines across the block: each is worth every column.
        int worth = columns == 1 ? config.Columns : 1;
        double width = columns == 1 ? config.BlockWidth : config.ColumnWidth;
        Span<int> cut = stackalloc int[columns + 1], trial = stackalloc int[columns + 1];
        int start = 0;
        while (start < units.Length)
        {
            int free = config.LinesPerPage - work.Line;
            if (free < SmallestRegion)
            {
                work.NewPage(PageBreak.Full);
                free = config.LinesPerPage;
            }
            // A figure waiting for the foot of the page its reference lands on keeps its lines free there; if the
            // reference does not land on this page even so, the page's columns take their full height.
            int reserve = work.FootReserve;
            var region = Regions.Cut(units, start, free - reserve >= SmallestRegion ? free - reserve : free, columns, config.Leading, cut);
            if (reserve > 0 && (free - reserve < SmallestRegion || region.End <= work.FootAfterUnit))
                region = Regions.Cut(units, start, free, columns, config.Leading, cut);
            // A region below what is on the page that can only end by breaking a keep (a heading at its foot, a widow)
            // goes to the next page instead; on a page of its own a keep breaks only when nothing else fits.
            if (region.BrokenRules > 0 && work.Line > 0)
            {
                work.NewPage(PageBreak.Full);
                continue;
            }
            if (region.End == start)
            {
                // Nothing fits below what is on the page: go on on the next. On an empty page something must go in.
                if (work.Line > 0)
                {
                    work.NewPage(PageBreak.Full);
                    continue;
                }
                region = Regions.Cut(units, start, free, columns, config.Leading, cut) with { End = start + 1, BrokenRules = 1 };
                cut[1..].Fill(start + 1);
            }
            // A figure that would leave a hole at a column's foot moves on past the text that fills it (lever 3). Not in
            // the copyfit's runs, whose lines planned but not there have no place in the lines.
            for (int tries = 0; tries < columns && real; tries++)
            {
                if (ColumnFloats.FillHole(units, region, cut, columns, config.Leading, work.FloatAfterLimit) is not { } order) break;
                var moved = ColumnFloats.Reordered(units, order);
                var better = Regions.Cut(moved, start, free, columns, config.Leading, trial);
                bool fuller = better.End > region.End || (better.End == region.End && better.Height < region.Height) || better.Ink > region.Ink;
                if (!fuller || better.BrokenRules > region.BrokenRules || better.Apart > region.Apart) break;
                units = moved;
                owners = ColumnFloats.Reordered(owners, order);
                (lines, region) = (Reordered(lines, order), better);
                trial.CopyTo(cut);
                work.Cost += PlanCost.FigureToColumnHead;
            }
            // A figure left inside a column (text above and below it) goes down to the column's foot, when the region
            // holds the same lines as well that way (lever 3).
            for (int tries = 0; tries < columns && real; tries++)
            {
                if (ColumnFloats.ToColumnFoot(units, cut, columns, work.FloatAfterLimit) is not { } down) break;
                var moved = ColumnFloats.Reordered(units, down);
                var lower = Regions.Cut(moved, start, free, columns, config.Leading, trial);
                if (lower.End != region.End || lower.BrokenRules > region.BrokenRules || lower.Apart > region.Apart
                    || lower.Height > region.Height || !trial[1..].SequenceEqual(cut[1..]))
                    break;
                units = moved;
                owners = ColumnFloats.Reordered(owners, down);
                (lines, region) = (Reordered(lines, down), lower);
                work.Cost += PlanCost.FigureToColumnFoot;
            }
            work.Region(lines, units, owners, region, cut, width, worth);
            start = region.End;
            if (start < units.Length) work.NewPage(region.Why == RegionEnd.ColumnBreak ? PageBreak.EditorAskedNewColumn : PageBreak.Full);
        }
    }

    private static FlowLine[]? Reordered(IReadOnlyList<FlowLine>? lines, int[] order) =>
        lines is null ? null : ColumnFloats.Reordered<FlowLine>([.. lines], order);

    /// <summary>Rows across the text block from the cursor on, page after page, with a blank line above and below; a
    /// row never ends a page if it must keep with the next, and a row that starts a page brings its
    /// <see cref="FlowLine.ColumnHead"/> (the table's header).</summary>
    private void PlaceRows(Work work, SpanningRows table, int article)
    {
        var rows = table.Rows;
        work.Article = article;
        work.Skip(table.Space);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            // The row and the rows it keeps with (the header with the first two rows, the last two together).
            int needed = row.Lines;
            for (int j = i; j + 1 < rows.Count && (rows[j].Keep & Keep.WithNext) != 0; j++) needed += rows[j + 1].Lines;
            if (needed > config.LinesPerPage) needed = row.Lines;
            if (needed > config.LinesPerPage - work.Line && work.Line > 0)
            {
                work.NewPage(PageBreak.Full);
                if (row.ColumnHead is { } head) work.Row(head);
            }
            work.Row(row);
        }
        work.Skip(table.Space);
    }

    /// <summary>The flow's explicit state while one group is placed: the cursor, the content on the current page,
    /// each article's lines on each page, and the cost so far.</summary>
    private sealed class Work(LayoutConfig config, PlanRecorder? recorder, WorkStorage storage)
    {
        private readonly int _total = config.LinesPerPage * config.Columns;
        private readonly WorkStorage _storage = storage.Cleared();
        /// <summary>Each article's lines on each page it has been on, in page order.</summary>
        private readonly Dictionary<int, List<int>> _pieces = storage.Pieces;
        /// <summary>Each article's lines on the current page; an article whose opener is on the page has an entry.</summary>
        private readonly Dictionary<int, int> _onPage = storage.OnPage;

        /// <summary>The first free grid line on the current page.</summary>
        public int Line;
        /// <summary>Grid lines of content, summed over the columns, on the current page (on the start page: only what
        /// this group added).</summary>
        public int Filled;
        public int NewPages;
        public int AddedToStartPage;
        public PageBreak StartPageBreak = PageBreak.Full;
        public double Cost;
        /// <summary>Floats across the columns that did not fit where they are referenced: they head the next page, in
        /// their order.</summary>
        private readonly List<Band> _floating = storage.Floating;
        /// <summary>The article whose rows or band is being placed.</summary>
        public int Article;
        private Band? _floatAfter;
        private int _floatAfterUnit = -1;

        /// <summary>Units of the run from this index on keep their places: the unit a figure across the columns waits
        /// for is counted by its index.</summary>
        public int FloatAfterLimit => Math.Min(_floatAfter is null ? int.MaxValue : _floatAfterUnit, _foot is null ? int.MaxValue : _footAfterUnit);

        private Band? _foot;
        private int _footAfterUnit = -1;

        /// <summary>The last thing placed on the page is a band across the columns.</summary>
        private bool _underBand;
        /// <summary>The last thing placed is a region of text too thin to stand between two bands, under one.</summary>
        private bool _thinRegionUnderBand;

        /// <summary>Grid lines kept free at the page's foot for a figure that goes there.</summary>
        public int FootReserve => _foot is { } foot ? foot.Lines - foot.SpaceBelow : 0; // its height at the foot (AtPageFoot)

        /// <summary>The run's unit after which the figure waiting for a page's foot is referenced.</summary>
        public int FootAfterUnit => _footAfterUnit;

        /// <summary>A figure that goes to the foot of the page the run's unit <paramref name="unit"/> (the last line of
        /// the text before it) is placed on, or, when there is no room left there, to the head of the next.</summary>
        private void FootAfter(Band figure, int unit)
        {
            (_foot, _footAfterUnit) = (figure, unit);
            Cost += PlanCost.FigureAtFoot;
        }

        /// <summary>A figure that heads the next page once the run's unit <paramref name="unit"/> (the last line of the
        /// text before it) is placed.</summary>
        private void FloatAfter(Band figure, int unit)
        {
            (_floatAfter, _floatAfterUnit) = (figure, unit);
            Cost += PlanCost.FigureMoved;
        }

        public bool HasFloating => _floating.Count > 0;

        /// <summary>Grid lines the floats waiting for the next page's head take there.</summary>
        public int FloatingLines
        {
            get
            {
                int lines = 0;
                foreach (var band in _floating) lines += band.Lines;
                return lines;
            }
        }

        /// <summary>A float across the columns goes to the top of the next page.</summary>
        public void Float(Band band) => _floating.Add(band);

        /// <summary>Takes a float referenced after the run's unit <paramref name="unit"/> out of the text, if it has a
        /// place: the head of the next page when it does not <paramref name="fit"/> where its text ends, or the foot of
        /// the page its reference is on when <paramref name="atFoot"/>; one float waits for each place at a time.</summary>
        public bool TakeFloat(Band band, int unit, bool fit, bool atFoot)
        {
            if (!fit && _floatAfter is null && _floating.Count == 0) FloatAfter(band, unit);
            else if (fit && atFoot && _foot is null) FootAfter(band, unit);
            else return false;
            return true;
        }

        public void NewPage(PageBreak why)
        {
            if (NewPages == 0)
            {
                AddedToStartPage = Filled;
                StartPageBreak = why;
            }
            else Cost += PlanCost.FinishedPage((double)Filled / _total, why.Forced());
            EndPieces();
            recorder?.FinishPage(why);
            (_underBand, _thinRegionUnderBand) = (false, false);
            NewPages++;
            Line = 0;
            Filled = 0;
            foreach (var band in _floating) Band(band);
            _floating.Clear();
        }

        /// <summary>The article's opener is placed: it has a piece on this page, if only the opener.</summary>
        public void ArticleStarts(int article)
        {
            Article = article;
            _onPage.TryAdd(article, 0);
        }

        private void Count(int article, int lines) => _onPage[article] = _onPage.GetValueOrDefault(article) + lines;

        /// <summary>The group is placed: the first and the last piece of each article that runs over pages must not be
        /// stranded (a short article whole on one page is not).</summary>
        public void End()
        {
            EndPieces();
            foreach (var (article, pieces) in _pieces)
            {
                if (pieces.Count < 2) continue;
                int lines = pieces.Sum();
                Cost += PlanCost.StrandedPiece(pieces[0], lines) + PlanCost.StrandedPiece(pieces[^1], lines);
                recorder?.Split(article, pieces[0], pieces[^1], PlanCost.FewestLinesOn(lines));
            }
        }

        private void EndPieces()
        {
            foreach (var (article, lines) in _onPage)
            {
                if (!_pieces.TryGetValue(article, out var pieces)) _pieces[article] = pieces = _storage.NewPieces();
                pieces.Add(lines);
                recorder?.Piece(article, lines);
            }
            _onPage.Clear();
        }

        public void Band(Band band)
        {
            AcrossTheColumns();
            if (Line == 0) band = band.AtPageHead(config.Leading);
            recorder?.Place(new BandPlacement(band, Line));
            Add(band.Lines * config.Columns);
            Line += band.Lines;
        }

        public void Row(FlowLine row)
        {
            AcrossTheColumns();
            recorder?.Place(new RowPlacement(row, Line));
            Add(row.Lines * config.Columns);
            Line += row.Lines;
            Count(Article, row.Lines);
        }

        /// <summary>A band or a table's row goes across the columns: a sliver of text left between it and the band above
        /// costs.</summary>
        private void AcrossTheColumns()
        {
            if (_thinRegionUnderBand) Cost += PlanCost.SliverBetweenBands;
            (_underBand, _thinRegionUnderBand) = (true, false);
        }

        public void Skip(int lines) => Line = Math.Min(config.LinesPerPage, Line + (Line == 0 ? 0 : lines));

        /// <param name="lines">The run's lines, when the plan is recorded.</param>
        public void Region(IReadOnlyList<FlowLine>? lines, ReadOnlySpan<FlowUnit> units, ReadOnlySpan<LineOwner> owners, Region region,
            ReadOnlySpan<int> cut, double width, int worth)
        {
            if (recorder is not null)
            {
                recorder.Place(new RegionPlacement(lines!, Line, region.Capacity, [.. cut], width, region.Why, region.SpaceBefore));
                recorder.Region(region, lines!, units, owners, cut);
            }
            (_underBand, _thinRegionUnderBand) = (false, _underBand && region.Height < ThinnestRegionBetweenBands);
            Add(region.Ink * worth);
            Line += region.Height;
            // Each article's lines of text in the region (lines planned but not there, for the copyfit, are the last
            // article's), summed while the article stays the same: the planner flows every group many times.
            int counted = 0;
            for (int i = region.Start; i < region.End; i++)
            {
                var owner = i < owners.Length ? owners[i] : owners[^1];
                if (owner.Article != Article && counted > 0)
                {
                    Count(Article, counted);
                    counted = 0;
                }
                Article = owner.Article;
                if (owner.Opener) ArticleStarts(owner.Article);
                else if (units[i].Text) counted += units[i].Lines;
            }
            if (counted > 0) Count(Article, counted);
            Cost += region.BrokenRules * PlanCost.KeepBroken + region.Apart * PlanCost.Imbalance;
            if (_floatAfter is { } figure && region.End > _floatAfterUnit)
            {
                _floating.Add(figure);
                _floatAfter = null;
            }
            if (_foot is { } foot && region.End > _footAfterUnit)
            {
                _foot = null;
                var atFoot = foot.AtPageFoot();
                // No room left under the text, or a float before it waits for the next page's head (floats keep their
                // order): the head of the next page.
                if (config.LinesPerPage - Line < atFoot.Lines || _floating.Count > 0)
                {
                    _floating.Add(foot);
                    Cost += PlanCost.FigureMoved;
                }
                else if (region.Why == RegionEnd.RunEnds && config.LinesPerPage - Line >= foot.Lines) Band(foot); // right under the run's end
                else
                {
                    // At the page's foot, on the text block's bottom edge; the page's columns are full above it.
                    Line = config.LinesPerPage - atFoot.Lines;
                    Band(atFoot);
                }
            }
        }

        private void Add(int columnLines)
        {
            Filled += columnLines;
            recorder?.AddFill(columnLines);
        }
    }

    /// <summary>The collections a <see cref="Work"/> fills, emptied for each flow and kept, with the lists of pieces it
    /// made, for the next. Emptied, a dictionary lists its entries in the order they are added again, as a new one does.</summary>
    private sealed class WorkStorage
    {
        public Dictionary<int, List<int>> Pieces { get; } = [];
        public Dictionary<int, int> OnPage { get; } = [];
        public List<Band> Floating { get; } = [];
        private readonly Stack<List<int>> _spare = [];

        public WorkStorage Cleared()
        {
            foreach (var pieces in Pieces.Values)
            {
                pieces.Clear();
                _spare.Push(pieces);
            }
            Pieces.Clear();
            OnPage.Clear();
            Floating.Clear();
            return this;
        }

        public List<int> NewPieces() => _spare.TryPop(out var pieces) ? pieces : [];
    }
}
