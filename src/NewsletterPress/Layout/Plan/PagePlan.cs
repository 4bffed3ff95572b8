using System.Collections.Immutable;
using NewsletterPress.Layout.Collect;

namespace NewsletterPress.Layout.Plan;

/// <summary>Why a page ends where it does.</summary>
internal enum PageBreak
{
    /// <summary>The page is full: what follows does not fit on it.</summary>
    Full,
    /// <summary>The next article has <c>start: new-page</c>: the editor asked for the break.</summary>
    EditorAskedNewPage,
    /// <summary>The next article has <c>start: new-column</c> and the page has no column left for it.</summary>
    EditorAskedNewColumn,
    /// <summary>The contents have a page of their own (<c>contents.placement: own-page</c>).</summary>
    ContentsOwnPage,
    /// <summary>The planner started the next article on a new page: under the article before it would not have fitted well.</summary>
    PlannerStartedNewPage,
    /// <summary>An opener that must continue the page (<c>start: continue</c>) did not fit on it.</summary>
    OpenerDidNotFit,
    /// <summary>An element across the columns (a figure, a table, the donation box) did not fit on it.</summary>
    SpanningDidNotFit,
    /// <summary>The issue ends.</summary>
    LastPage,
}

internal static class PageBreaks
{
    /// <summary>The editor asked for this break (a page the fill rule does not judge).</summary>
    public static bool Forced(this PageBreak why) =>
        why is PageBreak.EditorAskedNewPage or PageBreak.EditorAskedNewColumn or PageBreak.ContentsOwnPage or PageBreak.LastPage;
}

/// <summary>Something the plan puts on a page at grid line <see cref="Top"/>.</summary>
internal abstract record Placement(int Top);

/// <summary>A band across the text block (masthead, contents, an opener, a spanning figure or table, the donation box).</summary>
internal sealed record BandPlacement(Band Band, int Top) : Placement(Top);

/// <summary>Flow lines in columns: column <c>c</c> holds lines [Cut[c], Cut[c + 1]) from <see cref="Placement.Top"/>
/// down, and the footnotes they call at its foot, <see cref="Capacity"/> lines below the top.</summary>
/// <param name="Width">A column's width (the block's, for a one-column article).</param>
/// <param name="SpaceBefore">Lines (headings) that take a blank grid line more above them, to even out the columns.</param>
internal sealed record RegionPlacement(IReadOnlyList<FlowLine> Lines, int Top, int Capacity, ImmutableArray<int> Cut, double Width,
    RegionEnd Why, ImmutableArray<int> SpaceBefore) : Placement(Top)
{
    public int Columns => Cut.Length - 1;
}

/// <summary>Where the contents list goes: painted once the plan has given every article its page.</summary>
internal sealed record ContentsSlot(int Lines, int Top) : Placement(Top);

/// <summary>One row of a table taller than a page, across the text block.</summary>
internal sealed record RowPlacement(FlowLine Row, int Top) : Placement(Top);

/// <summary>A page of the plan: what goes where, how full it is, and why it ends.</summary>
/// <param name="Fill">The share of the text block's grid lines (all columns) that carry content.</param>
internal sealed record PlannedPage(int Number, ImmutableArray<Placement> Placements, double Fill, PageBreak Break);

/// <summary>A piece of an article on one page: how many of its lines the page holds.</summary>
internal sealed record ArticlePiece(int Article, int Page, int Lines);

/// <summary>
/// The planner's result: every page with its placements, the page each article starts on (for the contents), the
/// choices made (for the editor and the tests), and what the plan could not avoid.
/// </summary>
internal sealed record PagePlan(
    ImmutableArray<PlannedPage> Pages,
    ImmutableArray<int> ArticlePages,
    ImmutableArray<ArticleChoice> Choices,
    ImmutableArray<ArticlePiece> Pieces,
    ImmutableArray<PlanDefect> Defects,
    Copyfit? Copyfit)
{
    /// <summary>The page each anchor (article, section, footnote) lands on.</summary>
    public IReadOnlyDictionary<string, int> AnchorPages { get; init; } = new Dictionary<string, int>();
}

/// <summary>How the planner set one article: where it started, the space before its opener, and its paragraphs
/// set a line shorter or longer.</summary>
internal sealed record ArticleChoice(int Article, StartMode Start, int OpenerSpace, ImmutableArray<int> Shorter, ImmutableArray<int> Longer);

/// <summary>Where an article begins, as the planner decided it.</summary>
internal enum StartMode
{
    /// <summary>Under the article before (or the cover's furniture), with its opener across the columns.</summary>
    Continue,
    /// <summary>At the top of a new page.</summary>
    NewPage,
    /// <summary>At the head of the next column of the article before (<c>start: new-column</c>).</summary>
    NewColumn,
    /// <summary>Under the last line of the article before, in its column, with a column-wide opener (<c>start: auto</c>).</summary>
    RunIn,
}

/// <summary>What kind of defect the final plan has.</summary>
internal enum DefectKind { KeepBroken, Unbalanced, UnderfullPage, Stranded, EmptyLastPage }

/// <summary>A defect of the final plan: the warnings are made from these.</summary>
/// <param name="Article">The article it concerns, or −1 for the page as a whole.</param>
/// <param name="Amount">Lines (apart, stranded) or the page's fill in per cent.</param>
/// <param name="Fewest">For a stranded piece, the fewest lines it should have held.</param>
internal sealed record PlanDefect(DefectKind Kind, int Page, int Article, int Amount, string? Excerpt = null, int Fewest = 0);

/// <summary>When the page target cannot be met: for each article, about how many lines to cut (negative) or add.</summary>
internal sealed record Copyfit(Manifest.PageTarget Target, int PagesPlanned, ImmutableArray<(CollectedArticle Article, int Lines)> Changes);
