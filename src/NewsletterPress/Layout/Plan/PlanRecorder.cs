using System.Collections.Immutable;
using NewsletterPress.Layout.Collect;

namespace NewsletterPress.Layout.Plan;

/// <summary>
/// Notes what the flow places while the chosen plan is laid out once more: the pages with their placements and fill,
/// the page of every anchor (articles, sections, footnotes), each article's pieces, and the defects the plan could
/// not avoid, from which the warnings are made.
/// </summary>
internal sealed class PlanRecorder(LayoutConfig config)
{
    private readonly List<PlannedPage> _pages = [];
    private List<Placement> _current = [];
    private int _filled;
    private int _article = -1;

    public Dictionary<string, int> AnchorPages { get; } = new(StringComparer.Ordinal);
    public List<ArticlePiece> Pieces { get; } = [];
    public List<PlanDefect> Defects { get; } = [];

    /// <summary>The number of the page being filled.</summary>
    public int Page => _pages.Count + 1;

    public double CurrentFill => (double)_filled / (config.LinesPerPage * config.Columns);

    public ImmutableArray<PlannedPage> Pages => [.. _pages];

    public void GroupStarts(FlowGroup group) => _article = group.First.Index;

    /// <summary>The article placed last (−1 before the first).</summary>
    public int Article => _article;

    public void Place(Placement placement)
    {
        _current.Add(placement);
        switch (placement)
        {
            case BandPlacement band: NoteAnchors(band.Band.Fragments); break;
            case RowPlacement row: NoteAnchors(row.Row.Fragments); break;
        }
    }

    public void AddFill(int columnLines) => _filled += columnLines;

    /// <summary>A region was placed: its anchors are on this page; note the rules it had to break.</summary>
    public void Region(Region region, IReadOnlyList<FlowLine> lines, ReadOnlySpan<FlowUnit> units, ReadOnlySpan<LineOwner> owners,
        ReadOnlySpan<int> cut)
    {
        for (int i = region.Start; i < region.End; i++)
        {
            NoteAnchors(lines[i].Fragments);
            foreach (var note in lines[i].Notes) NoteAnchors(note.Fragments);
        }
        foreach (var at in cut[1..])
            if (ColumnFill.BreaksARule(units, at, region.BlocksSplit))
                Defects.Add(new PlanDefect(DefectKind.KeepBroken, Page, ArticleAt(owners, at), 0, Excerpt(lines[Math.Min(at, lines.Count - 1)])));
        if (region.Apart > 0)
            Defects.Add(new PlanDefect(DefectKind.Unbalanced, Page, ArticleAt(owners, region.End - 1), region.Apart + 1, Excerpt(lines[region.End - 1])));
        _article = ArticleAt(owners, region.End - 1);
    }

    private static int ArticleAt(ReadOnlySpan<LineOwner> owners, int i) => owners[Math.Min(i, owners.Length - 1)].Article;

    public void Piece(int article, int lines) => Pieces.Add(new ArticlePiece(article, Page, lines));

    /// <summary>The article ran over pages: its first and last pieces should not be stranded.</summary>
    public void Split(int article, int firstPiece, int lastPiece, int fewest)
    {
        var pieces = Pieces.Where(p => p.Article == article).ToList();
        if (firstPiece < fewest)
            Defects.Add(new PlanDefect(DefectKind.Stranded, pieces[0].Page, article, firstPiece, Fewest: fewest));
        if (lastPiece < fewest)
            Defects.Add(new PlanDefect(DefectKind.Stranded, pieces[^1].Page, article, lastPiece, Fewest: fewest));
    }

    public void FinishPage(PageBreak why)
    {
        double fill = CurrentFill;
        if (!why.Forced() && fill < PlanCost.FullEnough)
            Defects.Add(new PlanDefect(DefectKind.UnderfullPage, Page, _article, (int)Math.Round(fill * 100)));
        _pages.Add(new PlannedPage(Page, [.. _current], fill, why));
        _current = [];
        _filled = 0;
    }

    private void NoteAnchors(ImmutableArray<Fragment> fragments)
    {
        foreach (var f in fragments)
            if (f is AnchorFragment a) AnchorPages[a.Name] = Page;
    }

    private static string Excerpt(FlowLine line)
    {
        var text = string.Concat(line.Fragments.OfType<TextFragment>().Select(t => t.Line.Text));
        return text.Length <= 30 ? text : text[..30] + "…";
    }
}
