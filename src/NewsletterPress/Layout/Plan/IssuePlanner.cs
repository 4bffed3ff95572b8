using System.Collections.Immutable;
using NewsletterPress.Layout.Collect;
using NewsletterPress.Manifest;

namespace NewsletterPress.Layout.Plan;

/// <summary>
/// The page planner (page-planning.md): a pure function from the collected issue to a page plan. The issue is a
/// sequence of decisions, one article at a time: where it starts — what the editor asked for, or, for
/// <c>start: auto</c>, under what is on the page (0–2 blank lines before its opener), run in under the last line of
/// the article before (in its column, with a column-wide opener), or on a new page — and which of its lengths its
/// group takes (paragraphs a line shorter or longer, the space above its headings, its figures smaller). A state after
/// an article is the page, the first free line on it and whether the donation box is placed; every finished page,
/// stranded piece, broken keep, imbalance and lever adds to one cost (<see cref="PlanCost"/>), and dynamic programming
/// keeps the cheapest way to each state, the best few per page count (Plass's optimal pagination with adjustable
/// lengths). The donation box closes a page the editor's new page leaves short, or the last page. The chosen decisions
/// are then laid out once more with a recorder, which gives the pages.
/// </summary>
internal sealed class IssuePlanner(LayoutConfig config)
{
    /// <summary>States kept after each article: enough for the decisions that pay off only an article or two later.</summary>
    private const int Beam = 24;

    /// <summary>States kept per page count after each article.</summary>
    private const int BeamPerPageCount = 8;

    /// <summary>The same for the copyfit, whose states differ also by the lines not there in each article: the cut that
    /// meets a target is often shared between articles (the last one shorter so that the donation box fits).</summary>
    private const int CopyfitBeamPerPageCount = 64;

    /// <summary>Blank grid lines the planner may put before an opener that continues a page.</summary>
    private static readonly int[] OpenerSpaces = [1, 0, 2];

    /// <summary>Lines of text not there, tried per group when a page target cannot otherwise be met (the copyfit).</summary>
    private static readonly int[] VirtualLines = [1, 2, 3, 4, 6, 8, 12, 16, 20, 24, 32, 40, 48, 56, 64, 80, 96, 112, 132, 156, 176];

    /// <summary>The cost of each page by which the plan misses a page target: more than any lever costs, less than
    /// any defect, so the planner meets a target with its levers but never by leaving a page under the fill rule,
    /// stranding lines or breaking a keep; then it keeps the best plan and the copyfit report says what to change.</summary>
    private const double TargetMissed = 25_000;

    /// <summary>The same, when planning the copyfit: lines that are not there must meet the target at any cost.</summary>
    private const double TargetMissedInCopyfit = 10_000_000;

    private readonly GroupFlow _flow = new(config);
    private int Total => config.LinesPerPage * config.Columns;

    /// <summary>One way to reach a state: its cost, and the decision that led to it from the state before.</summary>
    /// <param name="Previous">The state the decision was taken in.</param>
    /// <param name="Decision">The group placed from <paramref name="Previous"/> and how (null for the cover).</param>
    /// <param name="Start">The state as the group found it (with the donation box, if the decision placed it first).</param>
    /// <param name="Box">The donation box has been placed.</param>
    private sealed record Node(int Page, int Line, int Filled, double Cost, bool Box, Node? Previous, Decision? Decision, Node? Start);

    /// <summary>How one group was placed.</summary>
    /// <param name="BoxBefore">The donation box went at the foot of the page the group's new page follows.</param>
    private sealed record Decision(FlowGroup Group, StartChoice Choice, GroupVariant Variant, int Virtual, bool BoxBefore);

    public PagePlan Plan(CollectedIssue issue)
    {
        var articles = issue.Articles;
        var best = Solve(issue, copyfit: false);
        Copyfit? copyfit = null;
        if (issue.Target is { } target && !target.Allows(best.Page))
            copyfit = CopyfitReport(target, best.Page, Decisions(Solve(issue, copyfit: true)));
        return LayOut(issue, Decisions(best), copyfit);
    }

    /// <summary>The cheapest final state: every article placed, then the donation box and the last page.</summary>
    private Node Solve(CollectedIssue issue, bool copyfit)
    {
        var states = new List<Node> { Cover(issue) };
        var groups = new Dictionary<int, FlowGroup>();
        var outcomes = new Outcomes(copyfit);
        for (int a = 0; a < issue.Articles.Length; a++)
        {
            var article = issue.Articles[a];
            if (article.JoinsColumnRun) continue; // it travels with the group before it
            var group = groups[a] = new FlowGroup([.. Members(issue.Articles, a)], config.Leading);
            var next = new Dictionary<(int Page, int Line, bool Box), Node>();
            void Keep(Node reached)
            {
                // States that differ in whether the donation box is placed are not comparable: one still has to place it.
                var key = (reached.Page, reached.Line, reached.Box);
                if (!next.TryGetValue(key, out var known) || reached.Cost < known.Cost) next[key] = reached;
            }
            foreach (var state in states)
            {
                foreach (var choice in Choices(group, state))
                    foreach (var (start, boxBefore) in BoxBeforeOrNot(issue, state, choice, issue.Articles.Length - a))
                        foreach (var reached in Place(group, state, start, choice, boxBefore, outcomes))
                            Keep(reached);
                // Run in under the last line of the article before, in its column run: its group is placed again, from
                // where it started, with this article joined.
                if (article.MayRunIn && state.Decision is { } before && state.Start is { } beforeStart)
                    foreach (var reached in Place(before.Group.RunIn(group), state.Previous!, beforeStart, before.Choice, before.BoxBefore, outcomes))
                        Keep(reached with { Cost = reached.Cost + PlanCost.RunIn });
            }
            // The cheapest states on each page count: a state that is dearer now but a page shorter (or longer) may be
            // the one that meets a page target, or that the articles after it fill best. The copyfit keeps every page
            // count: its lines that are not there make the states that meet the target the dearest until the end.
            states = [.. next.Values.GroupBy(n => n.Page)
                .SelectMany(pages => pages.OrderBy(n => n.Cost).ThenBy(n => n.Line).Take(copyfit ? CopyfitBeamPerPageCount : BeamPerPageCount))
                .OrderBy(n => n.Cost).ThenBy(n => n.Page).ThenBy(n => n.Line).Take(copyfit ? int.MaxValue : Beam)];
        }
        return states.Select(n => Finish(issue, n, copyfit)).OrderBy(n => n.Cost).ThenBy(n => n.Page).First();
    }

    /// <summary>The article at <paramref name="first"/> and those after it that start in a new column (they join its run).</summary>
    private static IEnumerable<GroupMember> Members(ImmutableArray<CollectedArticle> articles, int first)
    {
        yield return new GroupMember(articles[first], JoinMode.None);
        for (int i = first + 1; i < articles.Length && articles[i].JoinsColumnRun; i++)
            yield return new GroupMember(articles[i], JoinMode.NewColumn);
    }

    /// <summary>The states a group reaches from a state, one per length it may take.</summary>
    private IEnumerable<Node> Place(FlowGroup group, Node from, Node start, StartChoice choice, bool boxBefore, Outcomes outcomes)
    {
        var (lengths, flowed) = outcomes.Of(group, start.Line, choice);
        for (int i = 0; i < lengths.Count; i++)
        {
            var (variant, lines) = lengths[i];
            var outcome = flowed[i] ??= _flow.Run(group, lines == 0 ? variant : variant.WithVirtualLines(lines), start.Line, choice, null)
                                        ?? Impossible;
            if (!ReferenceEquals(outcome, Impossible))
                yield return Advance(from, start, new Decision(group, choice, variant, lines, boxBefore), outcome);
        }
    }

    /// <summary>A flow that cannot be (an opener that does not fit where the planner wanted to continue).</summary>
    private static readonly FlowOutcome Impossible = new(0, 0, 0, PageBreak.Full, 0, double.PositiveInfinity);

    /// <summary>The lengths of each group, listed once, and what flowing each from a line with a start choice gives, in
    /// their order: the flow of a group from a line does not depend on the page or on what else is on it, so the states
    /// share it, and a state looks its group's outcomes up once, not once per length.</summary>
    private sealed class Outcomes(bool copyfit)
    {
        private readonly Dictionary<FlowGroup, List<(GroupVariant Variant, int VirtualLines)>> _lengths = [];
        private readonly Dictionary<(FlowGroup Group, int Line, StartChoice Choice), FlowOutcome?[]> _flowed = [];

        /// <returns>The group's lengths, and their outcomes (null: not flowed yet; <see cref="Impossible"/>).</returns>
        public (List<(GroupVariant Variant, int VirtualLines)> Lengths, FlowOutcome?[] Flowed) Of(FlowGroup group, int line, StartChoice choice)
        {
            if (!_lengths.TryGetValue(group, out var lengths)) _lengths[group] = lengths = [.. IssuePlanner.Lengths(group, copyfit)];
            if (!_flowed.TryGetValue((group, line, choice), out var flowed)) _flowed[(group, line, choice)] = flowed = new FlowOutcome?[lengths.Count];
            return (lengths, flowed);
        }
    }

    /// <summary>The state as it is, and, when the group starts a new page below an empty tail that can hold the donation
    /// box (<c>placement: auto</c>), the state with the box at the foot of that page: the planner may close a page the
    /// editor's new page leaves short with the box rather than leave the box for a page of its own.</summary>
    /// <param name="articlesLeft">Articles still to place, this one included: the earlier the box, the further it is
    /// from where a reader looks for it (after the last article), so the dearer.</param>
    private IEnumerable<(Node Start, bool BoxBefore)> BoxBeforeOrNot(CollectedIssue issue, Node node, StartChoice choice, int articlesLeft)
    {
        yield return (node, false);
        if (issue.Donation is not { } box || issue.DonationPlacement != DonationPlacement.Auto || node.Box) yield break;
        if (choice.Mode != StartMode.NewPage || node.Line == 0) yield break;
        if (SpaceAboveBox(node.Line, box, atFoot: true) is null) yield break;
        yield return (node with { Filled = node.Filled + box.Lines * config.Columns, Box = true, Cost = node.Cost + articlesLeft * PlanCost.BoxEarly }, true);
    }

    /// <summary>Blank grid lines above the donation box below <paramref name="line"/>: none at a page's head, else one;
    /// after the last article (<c>end</c>), two when that sets it on the foot of the page rather than leave one line
    /// under it (lever 2). Never none under text: the frame would touch the last line. Null when it does not fit.</summary>
    private int? SpaceAboveBox(int line, Band box, bool atFoot)
    {
        if (line == 0) return 0;
        int left = config.LinesPerPage - line - box.Lines;
        if (left < Look.Body.SpanningBlankLines) return null;
        return !atFoot && left == Look.Body.SpanningBlankLines + 1 ? left : Look.Body.SpanningBlankLines;
    }

    /// <summary>The cover: masthead and contents at the top of page 1, the contents maybe on a page of their own.</summary>
    private Node Cover(CollectedIssue issue)
    {
        int line = issue.Masthead.Lines + issue.ContentsLines;
        var cover = new Node(1, line, line * config.Columns, 0, false, null, null, null);
        if (!issue.ContentsOwnPage) return cover;
        return cover with { Page = 2, Line = 0, Filled = 0, Cost = PlanCost.FinishedPage((double)line * config.Columns / Total, forced: true) };
    }

    /// <summary>Where a group may start: what the editor asked for, or, for <c>start: auto</c>, under what is on the page
    /// or on a new page, whichever plans better.</summary>
    private static IEnumerable<StartChoice> Choices(FlowGroup group, Node node)
    {
        var start = group.Start;
        bool mayContinue = start is ArticleStart.Auto or ArticleStart.Continue or ArticleStart.NewColumn;
        bool asked = start != ArticleStart.Auto;
        if (mayContinue)
            foreach (var space in node.Line == 0 ? [0] : OpenerSpaces)
                yield return new StartChoice(StartMode.Continue, space, asked);
        if ((start == ArticleStart.Auto && node.Line > 0) || start == ArticleStart.NewPage)
            yield return new StartChoice(StartMode.NewPage, 0, asked);
    }

    /// <summary>The lengths a group may take: as collected; its headings' space, the space around its bands and its
    /// figures' size with a paragraph or two either way; then a line shorter or longer at a time while its paragraphs allow; for the copyfit also with
    /// lines that are not there, on top of the most its paragraphs give.</summary>
    private static IEnumerable<(GroupVariant Variant, int VirtualLines)> Lengths(FlowGroup group, bool copyfit)
    {
        yield return (group.Base, 0);
        foreach (var scale in group.FigureScales.Prepend(1))
            foreach (var space in group.HasHeadings ? (int[])[0, 1, -1] : [0])
            {
                if (scale == 1 && space == 0) continue; // the plain lengths come below
                for (int d = -2; d <= 2; d++)
                    if (group.Variant(d, space, scale) is { } other) yield return (other, 0);
            }
        if (group.HasSpacedBands)
            for (int d = -2; d <= 2; d++)
                if (group.Variant(d, bandSpace: 1) is { } other) yield return (other, 0);
        if (group.HasFloats)
            for (int d = -2; d <= 2; d++)
                if (group.Variant(d, floatsAtFoot: true) is { } other) yield return (other, 0);
        GroupVariant shortest = group.Base, longest = group.Base;
        for (int d = 1; ; d++)
        {
            var shorter = group.Variant(-d);
            var longer = group.Variant(d);
            if (shorter is null && longer is null) break;
            if (shorter is not null) yield return (shortest = shorter, 0);
            if (longer is not null) yield return (longest = longer, 0);
        }
        if (!copyfit) yield break;
        foreach (var lines in VirtualLines)
        {
            yield return (shortest, -lines);
            yield return (longest, lines);
        }
    }

    /// <param name="from">The state the decision is taken in (the node the new one points back to).</param>
    /// <param name="start">That state as the group finds it (with the donation box placed, if the decision places it).</param>
    private Node Advance(Node from, Node start, Decision decision, FlowOutcome outcome)
    {
        double cost = start.Cost + outcome.Cost + decision.Variant.Cost + decision.Choice.Cost
                      + Math.Abs(decision.Virtual) * PlanCost.VirtualLine + outcome.NewPages * PlanCost.Page;
        if (outcome.NewPages == 0)
            return new Node(start.Page, outcome.Line, start.Filled + outcome.AddedToStartPage, cost, start.Box, from, decision, start);
        cost += PlanCost.FinishedPage((double)(start.Filled + outcome.AddedToStartPage) / Total, outcome.StartPageBreak.Forced());
        return new Node(start.Page + outcome.NewPages, outcome.Line, outcome.EndPageFilled, cost, start.Box, from, decision, start);
    }

    /// <summary>The donation box and the last page: the box at the foot of the last page (<c>auto</c>) or straight
    /// after the last article (<c>end</c>), on a page of its own only if it does not fit.</summary>
    private Node Finish(CollectedIssue issue, Node node, bool copyfit)
    {
        var (page, filled, boxAtFoot) = (node.Page, node.Filled, false);
        double cost = node.Cost;
        if (issue.Donation is { } box && !node.Box)
        {
            bool atFoot = issue.DonationPlacement == DonationPlacement.Auto;
            if (SpaceAboveBox(node.Line, box, atFoot) is null)
            {
                cost += PlanCost.FinishedPage((double)filled / Total, forced: false) + PlanCost.Page + PlanCost.BoxAlone;
                page++;
                filled = 0;
            }
            filled += box.Lines * config.Columns;
            boxAtFoot = issue.DonationPlacement == DonationPlacement.Auto;
        }
        cost += PlanCost.LastPage((double)filled / Total, boxAtFoot);
        if (issue.Target is { } target) cost += (copyfit ? TargetMissedInCopyfit : TargetMissed) * PagesOff(target, page);
        return node with { Page = page, Filled = filled, Cost = cost };
    }

    /// <summary>How many pages the count is from the nearest one the target allows.</summary>
    private static int PagesOff(PageTarget target, int pages)
    {
        if (target.Exactly is { } n) return Math.Abs(n - pages);
        int m = target.MultipleOf!.Value, below = pages / m * m;
        return Math.Min(pages - below, below + m - pages);
    }

    /// <summary>The decisions taken, group by group, from the final state back.</summary>
    private static List<Decision> Decisions(Node final)
    {
        var decisions = new List<Decision>();
        for (var n = final; n.Decision is { } d; n = n.Previous!) decisions.Add(d);
        decisions.Reverse();
        return decisions;
    }

    private static Copyfit CopyfitReport(PageTarget target, int planned, List<Decision> decisions) =>
        new(target, planned, [.. decisions.Where(d => d.Virtual != 0).Select(d => (d.Group.Last, d.Virtual))]);

    /// <summary>Lays the chosen decisions out once more, noting every placement.</summary>
    private PagePlan LayOut(CollectedIssue issue, List<Decision> decisions, Copyfit? copyfit)
    {
        var recorder = new PlanRecorder(config);
        recorder.Place(new BandPlacement(issue.Masthead, 0));
        recorder.AddFill(issue.Masthead.Lines * config.Columns);
        recorder.Place(new ContentsSlot(issue.ContentsLines, issue.Masthead.Lines));
        recorder.AddFill(issue.ContentsLines * config.Columns);
        int line = issue.Masthead.Lines + issue.ContentsLines;
        if (issue.ContentsOwnPage)
        {
            recorder.FinishPage(PageBreak.ContentsOwnPage);
            line = 0;
        }
        var choices = ImmutableArray.CreateBuilder<ArticleChoice>();
        foreach (var decision in decisions)
        {
            var (group, choice, variant, _, boxBefore) = decision;
            if (boxBefore)
            {
                // The donation box at the foot of the page this group's new page follows.
                recorder.Place(new BandPlacement(issue.Donation!, config.LinesPerPage - issue.Donation!.Lines));
                recorder.AddFill(issue.Donation!.Lines * config.Columns);
            }
            line = _flow.Run(group, variant, line, choice, recorder)!.Line;
            foreach (var (article, join) in group.Members)
                choices.Add(new ArticleChoice(article.Index, join switch
                {
                    JoinMode.NewColumn => StartMode.NewColumn,
                    JoinMode.RunIn => StartMode.RunIn,
                    _ => choice.Mode,
                }, choice.Space,
                    [.. variant.Shorter.Where(article.Paragraphs.Contains)], [.. variant.Longer.Where(article.Paragraphs.Contains)]));
        }
        bool boxPlaced = decisions.Any(d => d.BoxBefore);
        if (issue.Donation is { } box && !boxPlaced)
        {
            bool atFoot = issue.DonationPlacement == DonationPlacement.Auto;
            if (SpaceAboveBox(line, box, atFoot) is not { } space)
            {
                recorder.FinishPage(PageBreak.SpanningDidNotFit);
                (line, space) = (0, 0);
            }
            int top = atFoot ? config.LinesPerPage - box.Lines : line + space;
            recorder.Place(new BandPlacement(box, top));
            recorder.AddFill(box.Lines * config.Columns);
        }
        if (recorder.CurrentFill < PlanCost.LastPageFullEnough && !(issue.Donation is not null && issue.DonationPlacement == DonationPlacement.Auto && !boxPlaced))
            recorder.Defects.Add(new PlanDefect(DefectKind.EmptyLastPage, recorder.Page, recorder.Article, (int)Math.Round(recorder.CurrentFill * 100)));
        recorder.FinishPage(PageBreak.LastPage);

        var articlePages = issue.Articles.Select(a => recorder.AnchorPages[IssueLayout.ArticleAnchor(a.Index)]).ToImmutableArray();
        return new PagePlan(recorder.Pages, articlePages, choices.ToImmutable(), [.. recorder.Pieces], [.. recorder.Defects], copyfit)
        {
            AnchorPages = recorder.AnchorPages,
        };
    }
}
