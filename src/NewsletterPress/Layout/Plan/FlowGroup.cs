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

    /// <param name="leading">The grid's line pitch, to move what a band draws when the space around it changes.</param>
    public FlowGroup(ImmutableArray<GroupMember> members, double leading)
    {
        Members = members;
        _leading = leading;
        var articles = members.Select(m => m.Article).ToList();
        _shorterCandidates = articles.SelectMany(a => a.Alternatives.ShorterCandidates(a.Paragraphs)).GetEnumerator();
        _longerCandidates = articles.SelectMany(a => a.Alternatives.LongerCandidates(a.Paragraphs)).GetEnumerator();
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

    private CollectedArticle ArticleOf(int paragraph) => Articles.First(a => a.Paragraphs.Contains(paragraph));

    private GroupVariant Materialize(int delta, ImmutableArray<int> shorter, ImmutableArray<int> longer, int headingSpace, double figureScale,
        int bandSpace, bool floatsAtFoot)
    {
        var replaced = new Dictionary<int, List<FlowLine>>();
        foreach (var p in shorter) replaced[p] = ArticleOf(p).Alternatives.Lines(p, -1)!;
        foreach (var p in longer) replaced[p] = ArticleOf(p).Alternatives.Lines(p, +1)!;
        var parts = new List<FlowPart>();
        var owners = new List<LineOwner[]>(); // per part, whose each line is
        foreach (var (article, join) in Members)
        {
            var own = article.Parts.Select(part => part switch
            {
                ColumnLines c when replaced.Count > 0 || headingSpace != 0 || figureScale != 1 =>
                    new ColumnLines(Rescale(Respace(Replace(c.Lines, replaced), headingSpace), figureScale)),
                SpanningBand band => band.Respaced(bandSpace, _leading),
                SpanningRows rows => rows with { Space = rows.Space + bandSpace },
                _ => part,
            }).ToList();
            var owner = new LineOwner(article.Index, false);
            if (join == JoinMode.None)
            {
                foreach (var part in own)
                {
                    parts.Add(part);
                    owners.Add(Owners(part, owner));
                }
                continue;
            }
            // The joining article's column-wide opener heads the next column of the run before (new-column) or follows
            // its last line after a blank line (run in), and its first lines follow.
            var keep = join == JoinMode.NewColumn ? Keep.WithNext | Keep.ColumnBreakBefore : Keep.WithNext;
            var opener = new FlowLine(article.ColumnOpener!.Lines, article.ColumnOpener.Fragments, keep);
            var joined = new List<FlowLine>(((ColumnLines)parts[^1]).Lines);
            var joinedOwners = new List<LineOwner>(owners[^1]);
            if (join == JoinMode.RunIn)
            {
                joined.Add(new FlowLine(1, []));
                joinedOwners.Add(owner);
            }
            joined.Add(opener);
            joinedOwners.Add(owner with { Opener = true });
            if (own is [ColumnLines first, ..])
            {
                joined.AddRange(first.Lines);
                joinedOwners.AddRange(first.Lines.Select(_ => owner));
                own.RemoveAt(0);
            }
            parts[^1] = new ColumnLines(joined);
            owners[^1] = [.. joinedOwners];
            foreach (var part in own)
            {
                parts.Add(part);
                owners.Add(Owners(part, owner));
            }
        }
        int figures = parts.OfType<ColumnLines>().Sum(c => c.Lines.Count(l => l.Smaller.Any(s => s.Scale == figureScale)));
        int bands = bandSpace == 0 ? 0 : parts.Count(IsSpacedBand);
        double cost = shorter.Length * PlanCost.ShorterParagraph + longer.Length * PlanCost.LongerParagraph
                      + Math.Abs(headingSpace) * PlanCost.HeadingSpace + figures * (1 - figureScale) * PlanCost.FigureSmaller
                      + bands * Math.Abs(bandSpace) * PlanCost.BandSpace;
        return new GroupVariant(delta, [.. parts], [.. owners], cost, shorter, longer)
        {
            HeadingSpace = headingSpace,
            FigureScale = figureScale,
            BandSpace = bandSpace,
            FloatsAtFoot = floatsAtFoot,
        };
    }

    /// <summary>A figure or table across the columns, with blank lines around it that lever 2 may widen.</summary>
    private static bool IsSpacedBand(FlowPart part) => part is SpanningRows || part is SpanningBand { Band.SpaceAbove: > 0 };

    private static LineOwner[] Owners(FlowPart part, LineOwner owner) => part switch
    {
        ColumnLines c => [.. c.Lines.Select(_ => owner)],
        SpanningRows r => [.. r.Rows.Select(_ => owner)],
        _ => [owner],
    };

    /// <summary>A blank grid line more above every heading but one that opens the run, or the blank line above
    /// every level-3 heading taken away.</summary>
    private static IReadOnlyList<FlowLine> Respace(IReadOnlyList<FlowLine> lines, int headingSpace)
    {
        if (headingSpace == 0) return lines;
        var result = new List<FlowLine>(lines.Count + 8);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            bool spaceAboveHeading = line.Fragments.IsEmpty && i + 1 < lines.Count && lines[i + 1].OpensHeading;
            if (headingSpace < 0 && spaceAboveHeading) continue;
            if (headingSpace > 0 && line.OpensHeading && i > 0) result.Add(new FlowLine(1, [], Keep.WithNext));
            result.Add(line);
        }
        return result;
    }

    /// <summary>Every figure in a column at the smaller size, where it offers that size (a size that saves it no grid
    /// line is not offered, and it keeps its own).</summary>
    private static IReadOnlyList<FlowLine> Rescale(IReadOnlyList<FlowLine> lines, double figureScale)
    {
        if (figureScale == 1) return lines;
        return [.. lines.Select(l => l.Smaller.FirstOrDefault(s => s.Scale == figureScale).Line ?? l)];
    }

    private static IReadOnlyList<FlowLine> Replace(IReadOnlyList<FlowLine> lines, Dictionary<int, List<FlowLine>> replaced)
    {
        if (replaced.Count == 0) return lines;
        var result = new List<FlowLine>(lines.Count + 4);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Paragraph >= 0 && line.LineInParagraph == 0 && replaced.TryGetValue(line.Paragraph, out var other))
            {
                result.AddRange(other);
                i += line.LinesInParagraph - 1;
            }
            else result.Add(line);
        }
        return result;
    }
}

/// <summary>Whose a flow line is: the article, and whether it is the article's column-wide opener.</summary>
internal readonly record struct LineOwner(int Article, bool Opener);

/// <summary>One length of a group: its parts with some paragraphs set a line shorter or longer, whose each line is,
/// and what that costs. <see cref="Units"/> are what the planner reads of each column run.</summary>
internal sealed class GroupVariant(int delta, ImmutableArray<FlowPart> parts, ImmutableArray<LineOwner[]> owners, double cost,
    ImmutableArray<int> shorter, ImmutableArray<int> longer)
{
    private readonly FlowUnit[]?[] _units = new FlowUnit[]?[parts.Length];

    public int Delta { get; } = delta;
    public ImmutableArray<FlowPart> Parts { get; } = parts;
    public double Cost { get; } = cost;
    public ImmutableArray<int> Shorter { get; } = shorter;
    public ImmutableArray<int> Longer { get; } = longer;

    /// <summary>A blank line more (+1) or less (−1) above the group's headings.</summary>
    public int HeadingSpace { get; init; }

    /// <summary>The size of the group's figures in a column, as a share of the size asked for.</summary>
    public double FigureScale { get; init; } = 1;

    /// <summary>A blank line more (+1) around the group's figures and tables across the columns.</summary>
    public int BandSpace { get; init; }

    /// <summary>The group's floats (figures and tables across the columns) go to the foot of the page their reference
    /// is on (the flow costs each one there), not where the reference is, one at a time.</summary>
    public bool FloatsAtFoot { get; init; }

    /// <summary>Whose each line (or row, or the band) of a part is.</summary>
    public LineOwner[] Owners(int part) => owners[part];

    public FlowUnit[] Units(int part) => _units[part] ??= FlowUnit.From(((ColumnLines)Parts[part]).Lines);

    /// <summary>This length with lines of text added at the end of its last column run, or taken from the end of its
    /// column runs, last first (a run keeps its first line): lines that are not there, only planned to see what a page
    /// target needs of the editor (the copyfit).</summary>
    public GroupVariant WithVirtualLines(int lines)
    {
        var copy = new GroupVariant(Delta, Parts, owners, Cost, Shorter, Longer)
        {
            HeadingSpace = HeadingSpace,
            FigureScale = FigureScale,
            BandSpace = BandSpace,
            FloatsAtFoot = FloatsAtFoot,
        };
        var text = new FlowUnit(1, Keep.None, Blank: false, OpensParagraph: false, ClosesParagraph: false, NoteHeight: 0, HeadLines: 0,
            Text: true);
        for (int part = Parts.Length - 1; part >= 0 && lines != 0; part--)
        {
            if (Parts[part] is not ColumnLines) continue;
            var units = Units(part).ToList();
            if (lines > 0)
            {
                units.AddRange(Enumerable.Repeat(text, lines));
                lines = 0;
            }
            // Taken by height (a figure or a table row is several grid lines), and with them the notes they call.
            while (lines < 0 && units.Count > 1)
            {
                lines += units[^1].Lines;
                units.RemoveAt(units.Count - 1);
            }
            copy._units[part] = [.. units];
        }
        return copy;
    }
}
