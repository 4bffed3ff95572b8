namespace NewsletterPress.Layout.Plan;

/// <summary>
/// A column run as one length of a group flows it, put together from the group's runs and the length's changes
/// (<see cref="GroupVariant.AppendRun"/>), a float's runs on either side of it joined. The planner flows thousands of
/// runs; their units and owners go into storage that is kept from one to the next, so planning copies into it and keeps
/// nothing. The lines, which a recorded plan keeps, are new for every run.
/// </summary>
internal sealed class RunBuffer
{
    private FlowUnit[] _units = [];
    private LineOwner[] _owners = [];
    private int _unitCount, _ownerCount;
    private List<FlowLine>? _lines;

    public ReadOnlySpan<FlowUnit> Units => _units.AsSpan(0, _unitCount);

    /// <summary>Whose each line is (as many as there are lines, however many units lines planned but not there add or
    /// take).</summary>
    public ReadOnlySpan<LineOwner> Owners => _owners.AsSpan(0, _ownerCount);

    /// <summary>The lines, when asked for (to record a plan): a new list for every run.</summary>
    public IReadOnlyList<FlowLine>? Lines => _lines;

    /// <summary>Each unit is a line that is there: no line planned but not there was added or taken (the copyfit's).</summary>
    public bool Real => _unitCount == _ownerCount;

    public void Clear(bool withLines)
    {
        (_unitCount, _ownerCount) = (0, 0);
        _lines = withLines ? [] : null;
    }

    /// <summary>The run's <paramref name="count"/> lines from <paramref name="from"/> on.</summary>
    public void Add(BaseRun run, int from, int count)
    {
        Append(ref _units, ref _unitCount, run.Units.AsSpan(from, count));
        Append(ref _owners, ref _ownerCount, run.Owners.AsSpan(from, count));
        _lines?.AddRange(run.Lines.AsSpan(from, count));
    }

    public void Add(RunEdit edit)
    {
        Append(ref _units, ref _unitCount, edit.Units);
        Grow(ref _owners, _ownerCount + edit.Lines.Length);
        _owners.AsSpan(_ownerCount, edit.Lines.Length).Fill(edit.Owner);
        _ownerCount += edit.Lines.Length;
        _lines?.AddRange(edit.Lines);
    }

    /// <summary>Units planned that are not there: <paramref name="count"/> more of <paramref name="unit"/>.</summary>
    public void AddUnits(FlowUnit unit, int count)
    {
        Grow(ref _units, _unitCount + count);
        _units.AsSpan(_unitCount, count).Fill(unit);
        _unitCount += count;
    }

    /// <summary>Units planned not there: the run's units from <paramref name="count"/> on.</summary>
    public void CutUnits(int count) => _unitCount = Math.Min(_unitCount, count);

    private static void Append<T>(ref T[] items, ref int count, ReadOnlySpan<T> more)
    {
        Grow(ref items, count + more.Length);
        more.CopyTo(items.AsSpan(count));
        count += more.Length;
    }

    private static void Grow<T>(ref T[] items, int needed)
    {
        if (needed > items.Length) Array.Resize(ref items, Math.Max(needed, Math.Max(256, items.Length * 2)));
    }
}
