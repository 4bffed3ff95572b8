using System.Runtime.InteropServices;

namespace NewsletterPress.Text;

/// <summary>One line as the breaker chose it: items [Start, Break) plus the break item itself.</summary>
/// <param name="Start">The first item of the line (after the glue and penalties a break drops).</param>
/// <param name="Break">The item the line ends at (glue, dropped; or a penalty, whose width is drawn).</param>
/// <param name="Overfull">The line ends at an emergency cut, or holds a box wider than the measure.</param>
/// <param name="Limits">The stretch limits of the pass that chose the line: the justifier stretches it the same way.</param>
internal readonly record struct LineBreak(int Start, int Break, bool Overfull, StretchLimits Limits);

/// <summary>How tolerant one pass of the breaker is.</summary>
/// <param name="Limits">How far each kind of stretch may go in a line.</param>
/// <param name="Emergency">Accept anything that is not overfull, and a line holding a single box wider than the measure.</param>
/// <param name="StrictHyphens">Never more than two hyphenated lines in a row.</param>
internal sealed record BreakerPass(StretchLimits Limits, bool Emergency, bool StrictHyphens = true);

/// <summary>
/// The items of one paragraph with the running sums the breaker measures lines by (Knuth–Plass §4,
/// "computing the line widths"): computed once and shared by every pass that breaks the same items.
/// An instance keeps its arrays from one paragraph to the next (<see cref="Measure"/> fills it again), so that breaking a
/// paragraph allocates none of them: they were a large part of what a build allocated. Use one per thread, and only
/// while the items it was measured from stay as they were.
/// </summary>
internal sealed class BreakerItems
{
    private List<Item> _items = [];
    private double[] _width = [], _shrink = [], _stretch = [], _lastResort = [], _letters = [];
    private int[] _fill = [], _boxes = [], _startAfter = [], _breaks = [];
    private int _breakCount;

    /// <summary>The items, read as a span: the breaker and the justifier read every item of a paragraph several times,
    /// and a list read through an interface cost a call and a copy of the item each time.</summary>
    public ReadOnlySpan<Item> Items => CollectionsMarshal.AsSpan(_items);
    /// <summary>How many items there are (the sums below have one more entry, and may be longer than that).</summary>
    public int Count { get; private set; }
    /// <summary>Sums over items [0, i): width of boxes and glue, shrink, and stretch of spaces, of the inter-character
    /// last resort and of letter spacing.</summary>
    public double[] Width => _width;
    public double[] Shrink => _shrink;
    public double[] Stretch => _stretch;
    public double[] LastResort => _lastResort;
    public double[] Letters => _letters;
    /// <summary>Counts over items [0, i): fill glue, boxes.</summary>
    public int[] Fill => _fill;
    public int[] Boxes => _boxes;
    /// <summary>Where the line after a break at i starts: glue and penalties after a break are dropped.</summary>
    public int[] StartAfter => _startAfter;
    /// <summary>The legal breaks, in order.</summary>
    public ReadOnlySpan<int> Breaks => _breaks.AsSpan(0, _breakCount);
    /// <summary>The widest penalty (a hyphen, a kept half-em blank): the most a break can add to its line.</summary>
    public double MaxPenaltyWidth { get; private set; }
    /// <summary>How far a penalty of negative width (a hanging 、。) can bring a line that is overfull so far back to the measure.</summary>
    public double HangAllowance { get; private set; }

    /// <summary>Measures <paramref name="items"/> (kept, not copied: they must not change while this is in use).</summary>
    public BreakerItems Measure(List<Item> items)
    {
        _items = items;
        var span = CollectionsMarshal.AsSpan(items);
        int n = span.Length;
        Count = n;
        Grow(ref _width, n + 1);
        Grow(ref _shrink, n + 1);
        Grow(ref _stretch, n + 1);
        Grow(ref _lastResort, n + 1);
        Grow(ref _letters, n + 1);
        Grow(ref _fill, n + 1);
        Grow(ref _boxes, n + 1);
        Grow(ref _startAfter, n);
        Grow(ref _breaks, n);
        var (width, shrink, stretch, lastResort, letters, fill, boxes) = (_width, _shrink, _stretch, _lastResort, _letters, _fill, _boxes);
        width[0] = shrink[0] = stretch[0] = lastResort[0] = letters[0] = 0;
        fill[0] = boxes[0] = 0;
        int breakCount = 0;
        double hang = 0, widest = 0;
        for (int i = 0; i < n; i++)
        {
            ref readonly var it = ref span[i];
            bool box = it.Kind == ItemKind.Box, glue = it.Kind == ItemKind.Glue;
            width[i + 1] = width[i] + (box || glue ? it.Width : 0);
            shrink[i + 1] = shrink[i] + (glue ? it.Shrink : 0);
            stretch[i + 1] = stretch[i] + it.FirstStretch;
            lastResort[i + 1] = lastResort[i] + it.LastResortStretch;
            letters[i + 1] = letters[i] + it.LetterStretch;
            fill[i + 1] = fill[i] + (glue && it.Glue == GlueKind.Fill ? 1 : 0);
            boxes[i + 1] = boxes[i] + (box ? 1 : 0);
            if (it.Kind == ItemKind.Penalty)
            {
                hang = Math.Max(hang, -it.Width);
                widest = Math.Max(widest, it.Width);
            }
            if (it.IsLegalBreak) _breaks[breakCount++] = i;
        }
        _breakCount = breakCount;
        HangAllowance = hang;
        MaxPenaltyWidth = widest;
        for (int i = n - 1, next = n; i >= 0; i--)
        {
            _startAfter[i] = next;
            if (span[i].Kind == ItemKind.Box || span[i].IsForcedBreak) next = i;
        }
        return this;
    }

    /// <summary>Measures <paramref name="items"/>, which are <paramref name="natural"/>'s items with only the shrink of some
    /// glue changed (<see cref="ParagraphItems.Tightened"/>, a paragraph set a line shorter): only the sums of shrink are
    /// its own, every other sum is <paramref name="natural"/>'s, shared, which must stay as it is while this is in use. An
    /// instance measured so must never be measured with <see cref="Measure"/>, which would write into the shared arrays.</summary>
    public BreakerItems Tightened(List<Item> items, BreakerItems natural)
    {
        var span = CollectionsMarshal.AsSpan(items);
        if (span.Length != natural.Count) throw new ArgumentException("the tightened items are not the natural ones", nameof(items));
        _items = items;
        Count = natural.Count;
        (_width, _stretch, _lastResort, _letters, _fill, _boxes, _startAfter, _breaks, _breakCount) = (natural._width,
            natural._stretch, natural._lastResort, natural._letters, natural._fill, natural._boxes, natural._startAfter,
            natural._breaks, natural._breakCount);
        (MaxPenaltyWidth, HangAllowance) = (natural.MaxPenaltyWidth, natural.HangAllowance);
        Grow(ref _shrink, Count + 1);
        var shrink = _shrink;
        shrink[0] = 0;
        for (int i = 0; i < span.Length; i++) shrink[i + 1] = shrink[i] + (span[i].Kind == ItemKind.Glue ? span[i].Shrink : 0);
        return this;
    }

    /// <summary>An array at least <paramref name="length"/> long; its old contents are not kept (every entry read is written first).</summary>
    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[Math.Max(length, array.Length * 2)];
    }
}

/// <summary>
/// Total-fit line breaking after Knuth and Plass, "Breaking Paragraphs into Lines" (Software—Practice
/// and Experience 11, 1981). Every legal break is a candidate; the breaker keeps, for each break
/// already reached, the cheapest way to get there per fitness class and per count of hyphenated
/// lines in a row ("active nodes"), and picks the sequence with the least total demerits. A node is
/// dropped as soon as the line from it would be overfull, so only nodes within about one line of
/// the current position stay active, and a way to a break is not kept when another way there costs
/// less by more than any line after it could make up (TeX §836, minimal_demerits): the cost is
/// near-linear in the paragraph's length.
/// The breaker knows nothing about scripts: JLREQ and English rules arrive as items.
/// An instance keeps its node buffers from one paragraph to the next; use one per thread.
/// </summary>
internal sealed class KnuthPlass
{
    /// <summary>typography.md: no more than two hyphens in a row.</summary>
    private const int MaxHyphensInARow = 2;
    private const int Slots = 4 * (MaxHyphensInARow + 1);

    /// <summary>A way to reach a break: the break, the line count so far, the last line's fitness, the hyphenated
    /// lines in a row, the total demerits, and the node it came from.</summary>
    private struct Node
    {
        public double Demerits;
        /// <summary>The measure of the line that starts after this break.</summary>
        public double NextMeasure;
        public int Position;
        public int Line;
        public int Previous;
        /// <summary>No line from this node can be loose enough for the pass before this item (see <see cref="Reach"/>).</summary>
        public int Earliest;
        public Fitness Fitness;
        public byte Hyphens;
        public bool Overfull;
        public int Slot => (int)Fitness * (MaxHyphensInARow + 1) + Hyphens;
    }

    private Node[] _nodes = new Node[256];
    private int _nodeCount;
    private int[] _active = new int[64];
    private int _activeCount;
    /// <summary>The best new node per slot (and per line count when looseness is asked for) at the current break.</summary>
    private Node[] _candidates = new Node[Slots];
    private int _candidateCount;
    /// <summary>Per item, the width of items [0, i) at the most this pass lets them stretch.</summary>
    private double[] _reach = [];

    /// <summary>Breaks the items into lines; null when this pass finds no feasible breaks.</summary>
    /// <param name="lineWidth">The measure of line n (0-based).</param>
    /// <param name="ragged">Lines are set ragged: they never need to stretch, so underfull lines only cost
    /// in proportion to how short they are (an even rag), and only shrinking is limited.</param>
    /// <param name="looseness">TeX's \looseness: 0 for the optimum; −1 for the best sequence of one line fewer when this
    /// pass has one (−2 two fewer, or else one fewer), +1 for one line more. Ways with different line counts are then
    /// kept apart (TeX §875).</param>
    /// <param name="naturalLines">The line count looseness counts from (the optimum of an earlier pass), or 0 for this
    /// pass's optimum.</param>
    public List<LineBreak>? Break(BreakerItems sums, Func<int, double> lineWidth, bool ragged, BreakerPass pass,
        int looseness = 0, int naturalLines = 0)
    {
        bool byLine = looseness != 0;
        // Most of the lines a node could start are too loose (in Japanese every character is a break): rather than rate
        // them one by one, skip to where a line from the node could first stretch to the measure.
        bool skipLoose = !pass.Emergency && !ragged;
        if (skipLoose) Reach(sums, pass.Limits);

        _nodeCount = 0;
        _activeCount = 0;
        var start = new Node { Position = -1, Line = 0, Fitness = Fitness.Decent, NextMeasure = lineWidth(0), Previous = -1 };
        start.Earliest = skipLoose ? Earliest(sums, start) : 0;
        Activate(AddNode(start));

        foreach (int b in sums.Breaks)
        {
            _candidateCount = 0;
            if (TryLinesTo(b, sums, ragged, pass, byLine)) CompactActive();
            AddCandidates(sums, lineWidth, byLine, skipLoose);
            if (_activeCount == 0) return null;
        }

        // The last item is the forced break; its nodes are the only ones left.
        int end = ChooseEnd(sums.Count - 1, looseness, naturalLines);
        return end < 0 ? null : Lines(sums, end, pass.Limits);
    }

    /// <summary>Rates the line from every active node to the break <paramref name="b"/> and offers the ways that can be
    /// set as candidates; returns whether any active node was deactivated (and so needs compacting).</summary>
    private bool TryLinesTo(int b, BreakerItems sums, bool ragged, BreakerPass pass, bool byLine)
    {
        ref readonly var item = ref sums.Items[b];
        bool forced = item.IsForcedBreak;
        double penaltyWidth = item.Kind == ItemKind.Penalty ? item.Width : 0;
        bool anyRemoved = false;
        for (int k = _activeCount - 1; k >= 0; k--)
        {
            int index = _active[k];
            ref readonly var a = ref _nodes[index];
            if (b < a.Earliest && !forced) continue;
            int s = a.Position < 0 ? 0 : sums.StartAfter[a.Position];
            if (s > b) continue; // nothing between two breaks at the same place

            var line = LineRating.Rate(sums, s, b, penaltyWidth, a.NextMeasure, ragged, pass);
            // A forced break ends every line: a node that cannot reach it is of no more use.
            bool remove = forced || line.Fit is LineFit.TooTightForGood or LineFit.Overfull;
            int hyphens = item.Flagged ? a.Hyphens + 1 : 0;
            // typography.md: never a third hyphen in a row (only the very last fallback may, rather than fail).
            bool tooManyHyphens = hyphens > MaxHyphensInARow && pass.StrictHyphens;
            if (line.Fit is LineFit.Feasible or LineFit.Overfull && !tooManyHyphens)
                Offer(new Node
                {
                    Position = b, Line = a.Line + 1, Fitness = line.Fitness, Hyphens = (byte)Math.Min(hyphens, MaxHyphensInARow),
                    Demerits = a.Demerits + Demerits.Of(item, line, a.Fitness, a.Hyphens), Previous = index,
                    Overfull = line.Fit == LineFit.Overfull || item.Role == PenaltyRole.Cut,
                }, byLine);
            if (remove) Deactivate(k, ref anyRemoved);
        }
        return anyRemoved;
    }

    /// <summary>The lines of the way that ends at node <paramref name="end"/>, first to last.</summary>
    private List<LineBreak> Lines(BreakerItems sums, int end, StretchLimits limits)
    {
        var breaks = new List<LineBreak>();
        for (int node = end; _nodes[node].Previous >= 0; node = _nodes[node].Previous)
        {
            ref readonly var prev = ref _nodes[_nodes[node].Previous];
            breaks.Add(new LineBreak(prev.Position < 0 ? 0 : sums.StartAfter[prev.Position], _nodes[node].Position,
                _nodes[node].Overfull, limits));
        }
        breaks.Reverse();
        return breaks;
    }

    /// <summary>Keeps the cheapest new node per slot (and per line count when <paramref name="byLine"/>).</summary>
    private void Offer(in Node node, bool byLine)
    {
        int slot = node.Slot;
        for (int c = 0; c < _candidateCount; c++)
        {
            ref var other = ref _candidates[c];
            if (other.Slot != slot || (byLine && other.Line != node.Line)) continue;
            if (node.Demerits < other.Demerits) other = node;
            return;
        }
        if (_candidateCount == _candidates.Length) Array.Resize(ref _candidates, _candidates.Length * 2);
        _candidates[_candidateCount++] = node;
    }

    /// <summary>
    /// Makes the new nodes active, in slot order, except those that can never win (TeX §836): a node costs more
    /// than another at the same break (with as few hyphens in a row, and as many lines when they are kept apart) by
    /// more than the fitness demerits, the only thing a later line can charge one and not the other.
    /// </summary>
    private void AddCandidates(BreakerItems sums, Func<int, double> lineWidth, bool byLine, bool skipLoose)
    {
        for (int slot = 0; slot < Slots; slot++)
        {
            for (int c = 0; c < _candidateCount; c++)
            {
                ref var node = ref _candidates[c];
                if (node.Slot != slot || Dominated(node, byLine)) continue;
                node.NextMeasure = lineWidth(node.Line);
                node.Earliest = skipLoose ? Earliest(sums, node) : 0;
                Activate(AddNode(node));
            }
        }
    }

    /// <summary>
    /// Fills <see cref="_reach"/>. A line is loose enough for the pass only if its excess is at most what each kind of
    /// stretch may give within the pass's limits (<see cref="StretchPlan"/>), so only if its reach covers the measure.
    /// </summary>
    private void Reach(BreakerItems sums, StretchLimits limits)
    {
        int n = sums.Count + 1;
        if (_reach.Length < n) _reach = new double[Math.Max(n, _reach.Length * 2)];
        double spaces = Math.Max(1, limits.Spaces);
        for (int i = 0; i < n; i++)
            _reach[i] = sums.Width[i] + spaces * sums.Stretch[i] + limits.InterCharacter * sums.LastResort[i]
                        + limits.Letters * sums.Letters[i];
    }

    /// <summary>The first item at which a line from <paramref name="node"/> can reach its measure (with the widest
    /// penalty at its end), or hold fill glue (the last line, never too loose); before it every line from the node is
    /// too loose. Both sums only grow, so a binary search finds it.</summary>
    private int Earliest(BreakerItems sums, in Node node)
    {
        int s = node.Position < 0 ? 0 : sums.StartAfter[node.Position];
        double target = _reach[s] + node.NextMeasure - sums.MaxPenaltyWidth - 1e-6;
        int fill = sums.Fill[s];
        int lo = s, hi = sums.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_reach[mid] >= target || sums.Fill[mid] > fill) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private bool Dominated(in Node node, bool byLine)
    {
        for (int c = 0; c < _candidateCount; c++)
        {
            ref readonly var other = ref _candidates[c];
            if (other.Hyphens <= node.Hyphens && (!byLine || other.Line == node.Line)
                && other.Demerits + Demerits.AdjacentFitness < node.Demerits)
                return true;
        }
        return false;
    }

    /// <summary>
    /// The node the paragraph ends at: the least demerits, or for a looseness other than 0 the line count nearest to
    /// the natural one plus the looseness, no further than it, and the least demerits at that count (TeX §875).
    /// </summary>
    private int ChooseEnd(int last, int looseness, int naturalLines)
    {
        int best = -1;
        for (int k = 0; k < _activeCount; k++)
        {
            int index = _active[k];
            if (_nodes[index].Position == last && (best < 0 || _nodes[index].Demerits < _nodes[best].Demerits)) best = index;
        }
        if (best < 0 || looseness == 0) return best;
        int natural = naturalLines > 0 ? naturalLines : _nodes[best].Line;
        int chosen = -1, actual = 0;
        for (int k = 0; k < _activeCount; k++)
        {
            int index = _active[k];
            ref readonly var node = ref _nodes[index];
            if (node.Position != last) continue;
            int diff = node.Line - natural;
            bool within = looseness < 0 ? diff >= looseness && diff <= 0 : diff <= looseness && diff >= 0;
            if (!within) continue;
            if (chosen < 0 || Math.Abs(diff) > Math.Abs(actual) || (diff == actual && node.Demerits < _nodes[chosen].Demerits))
            {
                chosen = index;
                actual = diff;
            }
        }
        return chosen >= 0 ? chosen : best;
    }

    private int AddNode(in Node node)
    {
        if (_nodeCount == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        _nodes[_nodeCount] = node;
        return _nodeCount++;
    }

    private void Activate(int node)
    {
        if (_activeCount == _active.Length) Array.Resize(ref _active, _active.Length * 2);
        _active[_activeCount++] = node;
    }

    /// <summary>Marks an active node for removal; <see cref="CompactActive"/> takes the marked ones out, keeping the order.</summary>
    private void Deactivate(int k, ref bool anyRemoved)
    {
        _active[k] = -1;
        anyRemoved = true;
    }

    private void CompactActive()
    {
        int kept = 0;
        for (int k = 0; k < _activeCount; k++)
            if (_active[k] >= 0) _active[kept++] = _active[k];
        _activeCount = kept;
    }
}
