using System.Collections.Immutable;

namespace NewsletterPress.Layout.Plan;

/// <summary>One part of a group as collected: a column run's lines and what the planner reads of them
/// (<see cref="FlowUnit"/>), and whose each line (or row, or the band) is. All the group's lengths share it.</summary>
internal sealed record BaseRun(FlowLine[] Lines, FlowUnit[] Units, LineOwner[] Owners);

/// <summary>A change a length makes to a column run of its group: the collected lines [<paramref name="At"/>,
/// <paramref name="At"/> + <paramref name="Removed"/>) give way to <paramref name="Lines"/>, all of
/// <paramref name="Owner"/>'s article.</summary>
internal sealed record RunEdit(int At, int Removed, FlowLine[] Lines, LineOwner Owner)
{
    public FlowUnit[] Units { get; } = FlowUnit.From(Lines);
}

/// <summary>
/// One length of a group: its parts with some paragraphs set a line shorter or longer (and the other levers), and
/// what that costs. A group has some thirty lengths and the planner keeps them all while it plans, so a length does not
/// copy its column runs: it keeps the group's (<see cref="BaseRun"/>, shared) and only what it changes in them
/// (<see cref="RunEdit"/>: a few paragraphs, the blank lines above headings, figures set smaller). The planner puts a
/// run together when it flows it (<see cref="AppendRun"/>, into storage it reuses), and memory stays the document's.
/// </summary>
internal sealed class GroupVariant
{
    private readonly ImmutableArray<BaseRun> _runs;
    private readonly ImmutableArray<ImmutableArray<RunEdit>> _edits;

    /// <summary>For lines planned but not there (the copyfit): the units each part keeps of its own, and the lines of
    /// text added at the end of one part.</summary>
    private readonly int[]? _kept;
    private readonly int _added, _addedTo = -1;
    private Dictionary<int, GroupVariant>? _virtual;

    /// <param name="shape">The parts: bands and rows as this length sets them, column runs as collected.</param>
    /// <param name="runs">The group's parts as collected, shared.</param>
    /// <param name="edits">Per part, this length's changes to it, in order.</param>
    public GroupVariant(int delta, ImmutableArray<FlowPart> shape, ImmutableArray<BaseRun> runs, ImmutableArray<ImmutableArray<RunEdit>> edits,
        ImmutableArray<int> shorter, ImmutableArray<int> longer)
    {
        Delta = delta;
        Shape = shape;
        (_runs, _edits) = (runs, edits);
        (Shorter, Longer) = (shorter, longer);
    }

    private GroupVariant(GroupVariant of, int[] kept, int added, int addedTo) : this(of.Delta, of.Shape, of._runs, of._edits, of.Shorter, of.Longer)
    {
        (_kept, _added, _addedTo) = (kept, added, addedTo);
        (Cost, HeadingSpace, FigureScale, BandSpace, FloatsAtFoot) = (of.Cost, of.HeadingSpace, of.FigureScale, of.BandSpace, of.FloatsAtFoot);
    }

    public int Delta { get; }
    public double Cost { get; init; }
    public ImmutableArray<int> Shorter { get; }
    public ImmutableArray<int> Longer { get; }

    /// <summary>The parts, for what kind each is and for the bands and rows as this length sets them; a column run here
    /// is as collected (<see cref="AppendRun"/> gives this length's).</summary>
    public ImmutableArray<FlowPart> Shape { get; }

    /// <summary>A blank line more (+1) or less (−1) above the group's headings.</summary>
    public int HeadingSpace { get; init; }

    /// <summary>The size of the group's figures in a column, as a share of the size asked for.</summary>
    public double FigureScale { get; init; } = 1;

    /// <summary>A blank line more (+1) around the group's figures and tables across the columns.</summary>
    public int BandSpace { get; init; }

    /// <summary>The group's floats (figures and tables across the columns) go to the foot of the page their reference
    /// is on (the flow costs each one there), not where the reference is, one at a time.</summary>
    public bool FloatsAtFoot { get; init; }

    /// <summary>The parts with this length's column runs, put together whole (for reading a length, not for planning).</summary>
    public ImmutableArray<FlowPart> Parts
    {
        get
        {
            var parts = Shape.ToBuilder();
            var run = new RunBuffer();
            for (int p = 0; p < parts.Count; p++)
            {
                if (parts[p] is not ColumnLines) continue;
                run.Clear(withLines: true);
                AppendRun(p, run);
                parts[p] = new ColumnLines(run.Lines!);
            }
            return parts.MoveToImmutable();
        }
    }

    /// <summary>Whose part <paramref name="part"/> (a band, or a table's rows) is.</summary>
    public LineOwner Owner(int part) => _runs[part].Owners[0];

    /// <summary>The column run of part <paramref name="part"/> as the group collected it, when this length leaves it so
    /// (the planner reads it in place); else null.</summary>
    public BaseRun? Unchanged(int part) => _edits[part].IsEmpty && (_kept is null || (_kept[part] == _runs[part].Units.Length && _addedTo != part))
        ? _runs[part] : null;

    /// <summary>Puts this length's column run of part <paramref name="part"/> at the end of <paramref name="run"/>: the
    /// group's lines with this length's changes. With lines planned but not there (the copyfit) the units are cut or
    /// added, while the lines and owners stay those that are there.</summary>
    public void AppendRun(int part, RunBuffer run)
    {
        var collected = _runs[part];
        int start = run.Units.Length, at = 0;
        foreach (var edit in _edits[part])
        {
            run.Add(collected, at, edit.At - at);
            run.Add(edit);
            at = edit.At + edit.Removed;
        }
        run.Add(collected, at, collected.Units.Length - at);
        if (_kept is not null)
        {
            run.CutUnits(start + _kept[part]);
            if (_addedTo == part) run.AddUnits(VirtualText, _added);
        }
    }

    /// <summary>A line of text that is not there.</summary>
    private static readonly FlowUnit VirtualText = new(1, Keep.None, Blank: false, OpensParagraph: false, ClosesParagraph: false, NoteHeight: 0,
        HeadLines: 0, Text: true);

    /// <summary>This length with lines of text added at the end of its last column run, or taken from the end of its
    /// column runs, last first (a run keeps its first line): lines that are not there, only planned to see what a page
    /// target needs of the editor (the copyfit). Made once per count.</summary>
    public GroupVariant WithVirtualLines(int lines)
    {
        _virtual ??= [];
        if (_virtual.TryGetValue(lines, out var known)) return known;
        int asked = lines;
        var kept = new int[Shape.Length];
        var run = new RunBuffer();
        for (int part = 0; part < Shape.Length; part++)
        {
            run.Clear(withLines: false);
            if (Shape[part] is ColumnLines) AppendRun(part, run);
            kept[part] = run.Units.Length;
        }
        int added = 0, addedTo = -1;
        for (int part = Shape.Length - 1; part >= 0 && lines != 0; part--)
        {
            if (Shape[part] is not ColumnLines) continue;
            if (lines > 0)
            {
                (added, addedTo, lines) = (lines, part, 0);
                continue;
            }
            // Taken by height (a figure or a table row is several grid lines), and with them the notes they call.
            run.Clear(withLines: false);
            AppendRun(part, run);
            var units = run.Units;
            while (lines < 0 && kept[part] > 1) lines += units[--kept[part]].Lines;
        }
        return _virtual[asked] = new GroupVariant(this, kept, added, addedTo);
    }
}
