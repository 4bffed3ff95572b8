using System.Collections.Immutable;
using NewsletterPress.Layout.Collect;
using NewsletterPress.Manifest;

namespace NewsletterPress.Layout.Plan;

/// <summary>How an article joins the column run of the one before it in a group.</summary>
internal enum JoinMode
{
    /// <summary>It starts the group, with its opener across the columns.</summary>
    None,
    /// <summary>Its column-wide opener heads the next column (<c>start: new-column</c>).</summary>
    NewColumn,
    /// <summary>Its column-wide opener follows the last line of the article before, in the same column, after a blank
    /// line (<c>start: auto</c>, when the planner finds it best).</summary>
    RunIn,
}

internal sealed record GroupMember(CollectedArticle Article, JoinMode Join);

/// <summary>
/// What the planner places as one: an article, with the articles after it that join its column run — those that
/// start in a new column (<c>start: new-column</c>) and those the planner runs in under it (<c>start: auto</c>) — whose
/// column-wide openers sit inside the run. Its variants are its lengths: paragraphs set a line shorter or longer, most
/// promising first, each set once and kept; a blank line more or less above all its headings; a blank line more
/// around all its figures and tables across the columns; its figures across the columns at the foot of their page;
/// its figures in a column set smaller.
/// </summary>
internal sealed class FlowGroup
{
    /// <summary>The most paragraphs set a line shorter (or longer) in one group: more would show as a texture.</summary>
    private const int MostChanged = 24;

    /// <summary>Paragraphs that could not be set a line shorter (or longer) before the planner stops trying more: six,
    /// and four more for each one that could, so that a text whose paragraphs rarely give a line is not set over and
    /// over in vain (the candidates come most promising first).</summary>
    private const int FirstFailures = 6, FailuresPerSuccess = 4;

    private readonly List<int> _shorter = [], _longer = [];
    private readonly IEnumerator<int> _shorterCandidates, _longerCandidates;
    private int _shorterFailures, _longerFailures;
    private readonly Dictionary<(int Delta, int HeadingSpace, double FigureScale, int BandSpace, bool FloatsAtFoot), GroupVariant> _variants = [];
    private readonly double _leading;
    private readonly Dictionary<int, FlowGroup> _joined = [];
    private Dictionary<int, CollectedArticle>? _articleOf;

    /// <summary>Where each paragraph's first line is in the group's runs, and each paragraph set otherwise as a change to
    /// them: made when a length first asks.</summary>
    private Dictionary<int, (RunSegment Segment, int Line)>? _paragraphAt;
    private Dictionary<(int Paragraph, int Looseness), RunEdit>? _paragraphEdits;

    /// <summary>The group's parts as collected, with each part's lines, units and owners: every length shares them.</summary>
    private readonly ImmutableArray<FlowPart> _parts;
    private readonly ImmutableArray<BaseRun> _runs;

    /// <summary>Where each article's own column runs lie in the group's runs.</summary>
    private readonly ImmutableArray<RunSegment> _segments;

    /// <param name="leading">The grid's line pitch, to move what a band draws when the space around it changes.</param>
    public FlowGroup(ImmutableArray<GroupMember> members, double leading)
    {
        Members = members;
        _leading = leading;
        var articles = members.Select(m => m.Article).ToList();
        _shorterCandidates = articles.SelectMany(a => a.Alternatives.ShorterCandidates(a.Paragraphs)).GetEnumerator();
        _longerCandidates = articles.SelectMany(a => a.Alternatives.LongerCandidates(a.Paragraphs)).GetEnumerator();
        (_parts, _runs, _segments) = Collected();
        Base = Materialize(0, [], [], 0, 1, 0, false);
        HasHeadings = articles.Any(a => a.Parts.OfType<ColumnLines>().Any(c => c.Lines.Skip(1).Any(l => l.OpensHeading)));
        FigureScales = [.. articles.SelectMany(a => a.Parts.OfType<ColumnLines>()).SelectMany(c => c.Lines)
            .SelectMany(l => l.Smaller.Select(s => s.Scale)).Distinct().OrderDescending()];
        HasSpacedBands = articles.SelectMany(a => a.Parts).Any(IsSpacedBand);
        HasFloats = articles.Any(a => a.Parts.Any(p => p is SpanningBand));
    }

    public ImmutableArray<GroupMember> Members { get; }
    public IEnumerable<CollectedArticle> Articles => Members.Select(m => m.Article);
    public CollectedArticle First => Members[0].Article;
    public CollectedArticle Last => Members[^1].Article;
    public int Columns => First.Columns;
    public ArticleStart Start => First.Start;

    /// <summary>The smaller sizes the group's figures in a column offer (all of them set at one size, so that they
    /// stay alike).</summary>
    public ImmutableArray<double> FigureScales { get; }

    /// <summary>The group has headings whose space above the planner may change (all of them together, so that they
    /// stay alike).</summary>
    public bool HasHeadings { get; }

    /// <summary>The group has figures or tables across the columns, with blank lines around them that the planner may
    /// change (all of them together).</summary>
    public bool HasSpacedBands { get; }

    /// <summary>The group has floats (figures and tables across the columns), which the planner may set at the foot of
    /// their page.</summary>
    public bool HasFloats { get; }

    /// <summary>The group as collected.</summary>
    public GroupVariant Base { get; }

    /// <summary>This group with <paramref name="next"/> (and the articles that start in a new column after it) run in
    /// under its last line; made once per group.</summary>
    public FlowGroup RunIn(FlowGroup next)
    {
        if (!_joined.TryGetValue(next.First.Index, out var joined))
            _joined[next.First.Index] = joined = new FlowGroup([.. Members, new GroupMember(next.First, JoinMode.RunIn), .. next.Members.Skip(1)], _leading);
        return joined;
    }

    /// <summary>The group with <paramref name="delta"/> paragraphs set a line shorter (negative) or longer, a blank
    /// line more (<paramref name="headingSpace"/> +1) or less (−1) above its headings, its figures in a column at
    /// <paramref name="figureScale"/>, and a blank line more (<paramref name="bandSpace"/> +1: two) above and below its
    /// figures and tables across the columns; null when its paragraphs cannot give (or take) that many lines within
    /// the bar. (None is no choice: a caption or a table's rule would touch the text.) With
    /// <paramref name="floatsAtFoot"/>, its floats (figures and tables across the columns) may go to the foot of the page their
    /// reference is on.</summary>
    public GroupVariant? Variant(int delta, int headingSpace = 0, double figureScale = 1, int bandSpace = 0, bool floatsAtFoot = false)
    {
        if (delta == 0 && headingSpace == 0 && figureScale == 1 && bandSpace == 0 && !floatsAtFoot) return Base;
        if (_variants.TryGetValue((delta, headingSpace, figureScale, bandSpace, floatsAtFoot), out var known)) return known;
        int wanted = Math.Abs(delta);
        if (wanted > MostChanged) return null;
        var found = delta < 0 ? _shorter : _longer;
        var candidates = delta < 0 ? _shorterCandidates : _longerCandidates;
        while (found.Count < wanted)
        {
            ref int failures = ref delta < 0 ? ref _shorterFailures : ref _longerFailures;
            if (failures >= FirstFailures + FailuresPerSuccess * found.Count || !candidates.MoveNext()) return null;
            int paragraph = candidates.Current;
            if (ArticleOf(paragraph).Alternatives.Lines(paragraph, Math.Sign(delta)) is not null) found.Add(paragraph);
            else failures++;
        }
        var chosen = found.Take(wanted).ToImmutableArray();
        var variant = delta < 0 ? Materialize(delta, chosen, [], headingSpace, figureScale, bandSpace, floatsAtFoot)
            : Materialize(delta, [], chosen, headingSpace, figureScale, bandSpace, floatsAtFoot);
        _variants[(delta, headingSpace, figureScale, bandSpace, floatsAtFoot)] = variant;
        return variant;
    }

    private CollectedArticle ArticleOf(int paragraph)
    {
        if (Members.Length == 1) return First;
        if (_articleOf is null)
        {
            _articleOf = [];
            foreach (var article in Articles)
                foreach (var p in article.Paragraphs) _articleOf.TryAdd(p, article);
        }
        return _articleOf[paragraph];
    }

    /// <summary>The group's parts as collected, one after the other: its articles' parts, each joining article's opener
    /// and first column run appended to the run before; each part's lines, units and owners, which every length shares;
    /// and where each article's own column runs lie in them (a length changes those).</summary>
    private (ImmutableArray<FlowPart> Parts, ImmutableArray<BaseRun> Runs, ImmutableArray<RunSegment> Segments) Collected()
    {
        var parts = new List<FlowPart>();
        var lines = new List<List<FlowLine>?>();
        var owners = new List<List<LineOwner>>(); // per part, whose each line is
        var segments = new List<RunSegment>();
        foreach (var (article, join) in Members)
        {
            var owner = new LineOwner(article.Index, false);
            int first = 0;
            if (join != JoinMode.None)
            {
                // The joining article's column-wide opener heads the next column of the run before (new-column) or
                // follows its last line after a blank line (run in), and its first lines follow.
                var keep = join == JoinMode.NewColumn ? Keep.WithNext | Keep.ColumnBreakBefore : Keep.WithNext;
                var joined = lines[^1] ?? throw new InvalidOperationException("an article joins a run that is not a column run");
                var joinedOwners = owners[^1];
                if (join == JoinMode.RunIn)
                {
                    joined.Add(new FlowLine(1, []));
                    joinedOwners.Add(owner);
                }
                joined.Add(new FlowLine(article.ColumnOpener!.Lines, article.ColumnOpener.Fragments, keep));
                joinedOwners.Add(owner with { Opener = true });
                if (article.Parts is [ColumnLines run, ..])
                {
                    segments.Add(new RunSegment(run.Lines, parts.Count - 1, joined.Count, owner));
                    joined.AddRange(run.Lines);
                    joinedOwners.AddRange(Enumerable.Repeat(owner, run.Lines.Count));
                    first = 1;
                }
            }
            for (int k = first; k < article.Parts.Length; k++)
            {
                var part = article.Parts[k];
                if (part is ColumnLines run) segments.Add(new RunSegment(run.Lines, parts.Count, 0, owner));
                parts.Add(part);
                lines.Add(part is ColumnLines c ? [.. c.Lines] : null);
                owners.Add([.. Enumerable.Repeat(owner, part switch
                {
                    ColumnLines column => column.Lines.Count,
                    SpanningRows r => r.Rows.Count,
                    _ => 1,
                })]);
            }
        }
        var runs = new BaseRun[parts.Count];
        for (int p = 0; p < parts.Count; p++)
        {
            FlowLine[] runLines = lines[p] is { } l ? [.. l] : [];
            if (lines[p] is not null) parts[p] = new ColumnLines(runLines);
            runs[p] = new BaseRun(runLines, FlowUnit.From(runLines), [.. owners[p]]);
        }
        return ([.. parts], [.. runs], [.. segments]);
    }

    private GroupVariant Materialize(int delta, ImmutableArray<int> shorter, ImmutableArray<int> longer, int headingSpace, double figureScale,
        int bandSpace, bool floatsAtFoot)
    {
        var replaced = new Dictionary<int, List<FlowLine>>();
        foreach (var p in shorter) replaced[p] = ArticleOf(p).Alternatives.Lines(p, -1)!;
        foreach (var p in longer) replaced[p] = ArticleOf(p).Alternatives.Lines(p, +1)!;
        var parts = _parts.Select(part => part switch
        {
            SpanningBand band => band.Respaced(bandSpace, _leading),
            SpanningRows rows => rows with { Space = rows.Space + bandSpace },
            _ => part,
        }).ToImmutableArray();
        var edits = new List<RunEdit>[parts.Length];
        if (headingSpace != 0 || figureScale != 1)
            foreach (var segment in _segments)
                Edit(segment, edits[segment.Part] ??= [], replaced, headingSpace, figureScale);
        else
        {
            // Only paragraphs set otherwise: each is one change, the same in every length that has it.
            foreach (var p in shorter) AddParagraphEdit(edits, p, -1, replaced[p]);
            foreach (var p in longer) AddParagraphEdit(edits, p, +1, replaced[p]);
            foreach (var list in edits) list?.Sort((a, b) => a.At.CompareTo(b.At));
        }
        // The figures set smaller: those of the group's own runs that offer the size (the edits' lines are their
        // smaller versions, which offer no sizes, so counting the edited runs would find none and charge nothing).
        int figures = 0;
        if (figureScale != 1)
            for (int p = 0; p < parts.Length; p++)
                if (parts[p] is ColumnLines)
                    figures += Count(_runs[p].Lines, figureScale);
        int bands = bandSpace == 0 ? 0 : parts.Count(IsSpacedBand);
        var variant = new GroupVariant(delta, parts, _runs, [.. edits.Select(e => e is null ? [] : e.ToImmutableArray())], shorter, longer)
        {
            Cost = shorter.Length * PlanCost.ShorterParagraph + longer.Length * PlanCost.LongerParagraph
                   + Math.Abs(headingSpace) * PlanCost.HeadingSpace + figures * (1 - figureScale) * PlanCost.FigureSmaller
                   + bands * Math.Abs(bandSpace) * PlanCost.BandSpace,
            HeadingSpace = headingSpace,
            FigureScale = figureScale,
            BandSpace = bandSpace,
            FloatsAtFoot = floatsAtFoot,
        };
        return variant;
    }

    /// <summary>Figures in a column that offer <paramref name="figureScale"/> among <paramref name="lines"/>.</summary>
    private static int Count(ReadOnlySpan<FlowLine> lines, double figureScale)
    {
        int count = 0;
        foreach (var line in lines)
            foreach (var (scale, _) in line.Smaller)
                if (scale == figureScale)
                {
                    count++;
                    break;
                }
        return count;
    }

    /// <summary>A figure or table across the columns, with blank lines around it that lever 2 may widen.</summary>
    private static bool IsSpacedBand(FlowPart part) => part is SpanningRows || part is SpanningBand { Band.SpaceAbove: > 0 };

    /// <summary>Paragraph <paramref name="paragraph"/> set a line shorter (<paramref name="looseness"/> −1) or longer (+1)
    /// where its lines are in the group's runs; made once per group and setting.</summary>
    private void AddParagraphEdit(List<RunEdit>[] edits, int paragraph, int looseness, List<FlowLine> lines)
    {
        if (_paragraphEdits is null)
        {
            _paragraphEdits = [];
            _paragraphAt = [];
            foreach (var segment in _segments)
                for (int i = 0; i < segment.Lines.Count; i++)
                    if (segment.Lines[i] is { Paragraph: >= 0, LineInParagraph: 0 } line) _paragraphAt.TryAdd(line.Paragraph, (segment, i));
        }
        if (!_paragraphAt!.TryGetValue(paragraph, out var at)) return;
        if (!_paragraphEdits.TryGetValue((paragraph, looseness), out var edit))
        {
            var (segment, i) = at;
            _paragraphEdits[(paragraph, looseness)] = edit = new RunEdit(segment.Offset + i, segment.Lines[i].LinesInParagraph, [.. lines], segment.Owner);
        }
        (edits[at.Segment.Part] ??= []).Add(edit);
    }

    /// <summary>The changes a length makes to one article's column run, in order: its paragraphs set a line shorter or
    /// longer (<paramref name="replaced"/>), then a blank grid line more above every heading but one that opens the run
    /// (<paramref name="headingSpace"/> +1) or the blank line above every level-3 heading taken away (−1), then every
    /// figure in a column at <paramref name="figureScale"/>, where it offers that size (a size that saves it no grid
    /// line is not offered, and it keeps its own). A length keeps only these: the lines between them are the group's.</summary>
    private static void Edit(RunSegment segment, List<RunEdit> edits, Dictionary<int, List<FlowLine>> replaced, int headingSpace,
        double figureScale)
    {
        var lines = segment.Lines;
        var output = new List<FlowLine>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // What replaces the collected lines [i, i + taken): the paragraph set otherwise, or the line itself.
            int taken = 1;
            IReadOnlyList<FlowLine> these = [line];
            if (line.Paragraph >= 0 && line.LineInParagraph == 0 && replaced.TryGetValue(line.Paragraph, out var other))
                (these, taken) = (other, line.LinesInParagraph);
            var next = i + taken < lines.Count ? AtPlaceOf(lines[i + taken], replaced) : null;
            output.Clear();
            for (int j = 0; j < these.Count; j++)
            {
                var own = these[j];
                var after = j + 1 < these.Count ? these[j + 1] : next;
                bool spaceAboveHeading = own.Fragments.IsEmpty && after is { OpensHeading: true };
                if (headingSpace < 0 && spaceAboveHeading) continue;
                if (headingSpace > 0 && own.OpensHeading && (i > 0 || j > 0)) output.Add(new FlowLine(1, [], Keep.WithNext));
                output.Add(Rescaled(own, figureScale));
            }
            if (taken != 1 || output.Count != 1 || !ReferenceEquals(output[0], line))
                edits.Add(new RunEdit(segment.Offset + i, taken, [.. output], segment.Owner));
            i += taken - 1;
        }
    }

    /// <summary>The line that stands at a collected line's place once its paragraph is set otherwise.</summary>
    private static FlowLine AtPlaceOf(FlowLine line, Dictionary<int, List<FlowLine>> replaced) =>
        line.Paragraph >= 0 && line.LineInParagraph == 0 && replaced.TryGetValue(line.Paragraph, out var other) ? other[0] : line;

    private static FlowLine Rescaled(FlowLine line, double figureScale)
    {
        if (figureScale == 1) return line;
        foreach (var (scale, smaller) in line.Smaller)
            if (scale == figureScale) return smaller;
        return line;
    }
}

/// <summary>Whose a flow line is: the article, and whether it is the article's column-wide opener.</summary>
internal readonly record struct LineOwner(int Article, bool Opener);

/// <summary>An article's own column run inside one of its group's runs: its lines as collected start at
/// <paramref name="Offset"/> in part <paramref name="Part"/>.</summary>
internal sealed record RunSegment(IReadOnlyList<FlowLine> Lines, int Part, int Offset, LineOwner Owner);
