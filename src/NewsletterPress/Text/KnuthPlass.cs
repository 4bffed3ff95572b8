namespace NewsletterPress.Text;

/// <summary>One line as the breaker chose it: items [Start, Break) plus the break item itself.</summary>
/// <param name="Start">The first item of the line (after the glue and penalties a break drops).</param>
/// <param name="Break">The item the line ends at (glue, dropped; or a penalty, whose width is drawn).</param>
/// <param name="Overfull">The line ends at an emergency cut, or holds a box wider than the measure.</param>
internal readonly record struct LineBreak(int Start, int Break, bool Overfull);

/// <summary>How tolerant one pass of the breaker is.</summary>
/// <param name="MaxRatio">The largest stretch ratio of word and Japanese–Latin spaces a line may have (1 = 150 % spaces).</param>
/// <param name="MaxLastResortRatio">The largest ratio of the inter-character last-resort stretch.</param>
/// <param name="Emergency">Accept anything that is not overfull, and a line holding a single box wider than the measure.</param>
/// <param name="StrictHyphens">Never more than two hyphenated lines in a row.</param>
internal sealed record BreakerPass(double MaxRatio, double MaxLastResortRatio, bool Emergency, bool StrictHyphens = true);

/// <summary>
/// The items of one paragraph with the running sums the breaker measures lines by (Knuth–Plass §4,
/// "computing the line widths"): computed once and shared by every pass that breaks the same items.
/// </summary>
internal sealed class BreakerItems
{
    public IReadOnlyList<Item> Items { get; }
    /// <summary>Sums over items [0, i): width of boxes and glue, shrink, first-choice and last-resort stretch.</summary>
    public double[] Width { get; }
    public double[] Shrink { get; }
    public double[] Stretch { get; }
    public double[] LastResort { get; }
    /// <summary>Counts over items [0, i): fill glue, boxes.</summary>
    public int[] Fill { get; }
    public int[] Boxes { get; }
    /// <summary>Where the line after a break at i starts: glue and penalties after a break are dropped.</summary>
    public int[] StartAfter { get; }
    /// <summary>The legal breaks, in order.</summary>
    public int[] Breaks { get; }
    /// <summary>The widest penalty (a hyphen, a kept half-em blank): the most a break can add to its line.</summary>
    public double MaxPenaltyWidth { get; }
    /// <summary>How far a penalty of negative width (a hanging 、。) can bring a line that is overfull so far back to the measure.</summary>
    public double HangAllowance { get; }

    public BreakerItems(IReadOnlyList<Item> items)
    {
        Items = items;
        int n = items.Count;
        Width = new double[n + 1];
        Shrink = new double[n + 1];
        Stretch = new double[n + 1];
        LastResort = new double[n + 1];
        Fill = new int[n + 1];
        Boxes = new int[n + 1];
        StartAfter = new int[n];
        var breaks = new List<int>(n / 2);
        double hang = 0, widest = 0;
        for (int i = 0; i < n; i++)
        {
            var it = items[i];
            bool box = it.Kind == ItemKind.Box, glue = it.Kind == ItemKind.Glue;
            Width[i + 1] = Width[i] + (box || glue ? it.Width : 0);
            Shrink[i + 1] = Shrink[i] + (glue ? it.Shrink : 0);
            Stretch[i + 1] = Stretch[i] + it.FirstStretch;
            LastResort[i + 1] = LastResort[i] + it.LastResortStretch;
            Fill[i + 1] = Fill[i] + (glue && it.Glue == GlueKind.Fill ? 1 : 0);
            Boxes[i + 1] = Boxes[i] + (box ? 1 : 0);
            if (it.Kind == ItemKind.Penalty)
            {
                hang = Math.Max(hang, -it.Width);
                widest = Math.Max(widest, it.Width);
            }
            if (it.IsLegalBreak) breaks.Add(i);
        }
        HangAllowance = hang;
        MaxPenaltyWidth = widest;
        Breaks = [.. breaks];
        for (int i = n - 1, next = n; i >= 0; i--)
        {
            StartAfter[i] = next;
            if (items[i].Kind == ItemKind.Box || items[i].IsForcedBreak) next = i;
        }
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
    /// <summary>TeX's \linepenalty: keeps the number of lines down.</summary>
    private const double LinePenalty = 10;
    /// <summary>Knuth–Plass γ: two neighbouring lines of very different tightness.</summary>
    private const double FitnessDemerits = 3000;
    /// <summary>Knuth–Plass α: two hyphenated lines in a row (\doublehyphendemerits).</summary>
    private const double DoubleHyphenDemerits = 3000;
    /// <summary>A hyphen on the last line but one (\finalhyphendemerits).</summary>
    private const double FinalHyphenDemerits = 5000;
    /// <summary>typography.md: no more than two hyphens in a row.</summary>
    private const int MaxHyphensInARow = 2;
    /// <summary>Using the inter-character stretch at all costs more than any line that only uses spaces.</summary>
    private const double LastResortBadness = 1000;
    private const double MaxBadness = 10000;

    /// <summary>Fitness classes (Knuth–Plass §3): how much a line's glue had to stretch or shrink.</summary>
    private const int VeryLoose = 0, Loose = 1, Decent = 2, Tight = 3;
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
        public byte Fitness;
        public byte Hyphens;
        public bool Overfull;
        public int Slot => Fitness * (MaxHyphensInARow + 1) + Hyphens;
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
        var items = sums.Items;
        int n = items.Count;
        var (width, shrink, stretch, lastResort, fill, boxes, startAfter) =
            (sums.Width, sums.Shrink, sums.Stretch, sums.LastResort, sums.Fill, sums.Boxes, sums.StartAfter);
        bool byLine = looseness != 0;
        // Most of the lines a node could start are too loose (in Japanese every character is a break): rather than rate
        // them one by one, skip to where a line from the node could first stretch to the measure.
        bool skipLoose = !pass.Emergency && !ragged;
        if (skipLoose) Reach(sums, pass);

        _nodeCount = 0;
        _activeCount = 0;
        var start = new Node { Position = -1, Line = 0, Fitness = Decent, NextMeasure = lineWidth(0), Previous = -1 };
        start.Earliest = skipLoose ? Earliest(sums, start) : 0;
        Activate(AddNode(start));

        foreach (int b in sums.Breaks)
        {
            var item = items[b];
            _candidateCount = 0;
            bool forced = item.IsForcedBreak;
            double penaltyWidth = item.Kind == ItemKind.Penalty ? item.Width : 0;
            bool anyRemoved = false;

            for (int k = _activeCount - 1; k >= 0; k--)
            {
                int index = _active[k];
                ref readonly var a = ref _nodes[index];
                if (b < a.Earliest && !forced) continue;
                int s = a.Position < 0 ? 0 : startAfter[a.Position];
                if (s > b) continue; // nothing between two breaks at the same place
                double measure = a.NextMeasure;
                double natural = width[b] - width[s] + penaltyWidth;
                double excess = measure - natural;
                double y = shrink[b] - shrink[s];
                bool overfull = false, remove = forced;
                double badness, ratio;

                if (excess < -1e-9)
                {
                    ratio = y > 0 ? excess / y : double.NegativeInfinity;
                    if (ratio < -1 - 1e-9)
                    {
                        // Overfull now, and more so at every later break: this node is done (Knuth–Plass §5). Only the
                        // boxes and glue so far count for that: a penalty's own width (a hyphen, a kept blank, a hanging
                        // mark's negative width) is not carried on to later breaks; a later hanging mark may still save it.
                        bool done = natural - penaltyWidth - y > measure + sums.HangAllowance + 1e-9;
                        bool single = boxes[b] - boxes[s] <= 1;
                        if (!(pass.Emergency && single))
                        {
                            if (done || forced) Deactivate(k, ref anyRemoved);
                            continue;
                        }
                        overfull = true;
                        ratio = -1;
                        remove = true;
                    }
                    badness = 100 * Math.Abs(ratio * ratio * ratio);
                }
                else if (fill[b] - fill[s] > 0 || excess <= 1e-9)
                {
                    ratio = 0;
                    badness = 0;
                }
                else if (ragged)
                {
                    ratio = excess / measure;
                    double r = excess / (measure / 4);
                    badness = Math.Min(MaxBadness, 100 * r * r * r);
                }
                else
                {
                    var plan = StretchPlan.For(excess, stretch[b] - stretch[s], lastResort[b] - lastResort[s]);
                    bool tooLoose = plan.FirstRatio > pass.MaxRatio || plan.LastResortRatio > pass.MaxLastResortRatio || !plan.Possible;
                    if (tooLoose && !pass.Emergency) { if (forced) Deactivate(k, ref anyRemoved); continue; }
                    // Badness is not capped (TeX caps it at 10000): in the emergency pass a line twice as loose must
                    // still cost more, or one terrible line is as good as a few poor ones.
                    if (!plan.Possible)
                    {
                        ratio = 2; // nothing can stretch (one long word): its clusters are spread
                        badness = MaxBadness * (1 + excess / measure) * 10;
                    }
                    else if (plan.LastResortRatio > 0)
                    {
                        ratio = 2; // very loose, whatever its spaces do
                        // Linear in the amount, not cubic: the last resort is rated by how much of it a line uses, so
                        // that a paragraph spreads one line a little rather than another a lot (JLREQ prefers pushing
                        // characters in to spreading them out).
                        double f = plan.FirstRatio, l = plan.LastResortRatio;
                        badness = LastResortBadness * (1 + l) + 100 * (f * f * f) + 100 * (l * l * l);
                    }
                    else
                    {
                        ratio = plan.FirstRatio;
                        badness = 100 * ratio * ratio * ratio;
                    }
                }

                int fitness = ratio < -0.5 ? Tight : ratio <= 0.5 ? Decent : ratio <= 1 ? Loose : VeryLoose;
                int hyphens = item.Flagged ? a.Hyphens + 1 : 0;
                // typography.md: never a third hyphen in a row (only the very last fallback may, rather than fail).
                if (hyphens > MaxHyphensInARow && pass.StrictHyphens) { if (remove) Deactivate(k, ref anyRemoved); continue; }
                hyphens = Math.Min(hyphens, MaxHyphensInARow);

                double d = (LinePenalty + badness) * (LinePenalty + badness);
                if (item.Penalty > 0) d += item.Penalty * item.Penalty;
                else if (item.Penalty > -Item.Infinity) d -= item.Penalty * item.Penalty;
                if (item.Flagged && a.Hyphens > 0) d += DoubleHyphenDemerits;
                if (forced && a.Hyphens > 0) d += FinalHyphenDemerits;
                if (Math.Abs(fitness - a.Fitness) > 1) d += FitnessDemerits;
                if (overfull) d += MaxBadness * MaxBadness;
                d += a.Demerits;

                Offer(new Node
                {
                    Position = b, Line = a.Line + 1, Fitness = (byte)fitness, Hyphens = (byte)hyphens, Demerits = d,
                    Previous = index, Overfull = overfull || item.Role == PenaltyRole.Cut,
                }, byLine);
                if (remove) Deactivate(k, ref anyRemoved);
            }

            if (anyRemoved) CompactActive();
            AddCandidates(sums, lineWidth, byLine, skipLoose);
            if (_activeCount == 0) return null;
        }

        // The last item is the forced break; its nodes are the only ones left.
        int end = ChooseEnd(n - 1, looseness, naturalLines);
        if (end < 0) return null;
        var breaks = new List<LineBreak>();
        for (int node = end; _nodes[node].Previous >= 0; node = _nodes[node].Previous)
        {
            ref readonly var prev = ref _nodes[_nodes[node].Previous];
            breaks.Add(new LineBreak(prev.Position < 0 ? 0 : startAfter[prev.Position], _nodes[node].Position, _nodes[node].Overfull));
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
    /// Fills <see cref="_reach"/>. A line is loose enough for the pass only if its excess is at most its first-choice
    /// stretch times the pass's ratio (at least 1: that stretch is used up before the last resort) plus its last-resort
    /// stretch times that ratio (<see cref="StretchPlan"/>), so only if its reach covers the measure.
    /// </summary>
    private void Reach(BreakerItems sums, BreakerPass pass)
    {
        int n = sums.Width.Length;
        if (_reach.Length < n) _reach = new double[Math.Max(n, _reach.Length * 2)];
        double first = Math.Max(1, pass.MaxRatio);
        for (int i = 0; i < n; i++)
            _reach[i] = sums.Width[i] + first * sums.Stretch[i] + pass.MaxLastResortRatio * sums.LastResort[i];
    }

    /// <summary>The first item at which a line from <paramref name="node"/> can reach its measure (with the widest
    /// penalty at its end), or hold fill glue (the last line, never too loose); before it every line from the node is
    /// too loose. Both sums only grow, so a binary search finds it.</summary>
    private int Earliest(BreakerItems sums, in Node node)
    {
        int s = node.Position < 0 ? 0 : sums.StartAfter[node.Position];
        double target = _reach[s] + node.NextMeasure - sums.MaxPenaltyWidth - 1e-6;
        int fill = sums.Fill[s];
        int lo = s, hi = sums.Width.Length - 1;
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
                && other.Demerits + FitnessDemerits < node.Demerits)
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
