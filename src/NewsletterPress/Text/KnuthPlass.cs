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
/// Total-fit line breaking after Knuth and Plass, "Breaking Paragraphs into Lines" (Software—Practice
/// and Experience 11, 1981). Every legal break is a candidate; the breaker keeps, for each break
/// already reached, the cheapest way to get there per fitness class and per count of hyphenated
/// lines in a row ("active nodes"), and picks the sequence with the least total demerits. A node is
/// dropped as soon as the line from it would be overfull, so only nodes within about one line of
/// the current position stay active and the cost is near-linear in the paragraph's length.
/// The breaker knows nothing about scripts: JLREQ and English rules arrive as items.
/// </summary>
internal static class KnuthPlass
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

    private sealed class Node(int position, int line, int fitness, int hyphens, double demerits, Node? previous, bool overfull)
    {
        public int Position { get; } = position;
        public int Line { get; } = line;
        public int Fitness { get; } = fitness;
        public int Hyphens { get; } = hyphens;
        public double Demerits { get; } = demerits;
        public Node? Previous { get; } = previous;
        public bool Overfull { get; } = overfull;
    }

    /// <summary>Breaks the items into lines; null when this pass finds no feasible breaks.</summary>
    /// <param name="lineWidth">The measure of line n (0-based).</param>
    /// <param name="ragged">Lines are set ragged: they never need to stretch, so underfull lines only cost
    /// in proportion to how short they are (an even rag), and only shrinking is limited.</param>
    public static List<LineBreak>? Break(IReadOnlyList<Item> items, Func<int, double> lineWidth, bool ragged, BreakerPass pass)
    {
        int n = items.Count;
        // Prefix sums (Knuth–Plass §4 "computing the line widths"): sum[i] is over items [0, i).
        var width = new double[n + 1];
        var shrink = new double[n + 1];
        var stretch = new double[n + 1];
        var lastResort = new double[n + 1];
        var fill = new int[n + 1];
        var boxes = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            var it = items[i];
            bool box = it.Kind == ItemKind.Box, glue = it.Kind == ItemKind.Glue;
            width[i + 1] = width[i] + (box || glue ? it.Width : 0);
            shrink[i + 1] = shrink[i] + (glue ? it.Shrink : 0);
            stretch[i + 1] = stretch[i] + it.FirstStretch;
            lastResort[i + 1] = lastResort[i] + it.LastResortStretch;
            fill[i + 1] = fill[i] + (glue && it.Glue == GlueKind.Fill ? 1 : 0);
            boxes[i + 1] = boxes[i] + (box ? 1 : 0);
        }
        // A penalty of negative width (a hanging 、。) can bring a line that is overfull so far back to the measure.
        double hangAllowance = items.Where(it => it.Kind == ItemKind.Penalty).Select(it => -it.Width).DefaultIfEmpty(0).Max();
        hangAllowance = Math.Max(0, hangAllowance);

        // Where the line after a break at i starts: glue and penalties after a break are dropped.
        var startAfter = new int[n];
        for (int i = n - 1, next = n; i >= 0; i--)
        {
            startAfter[i] = next;
            if (items[i].Kind == ItemKind.Box || items[i].IsForcedBreak) next = i;
        }

        var active = new List<Node> { new(-1, 0, Decent, 0, 0, null, false) };
        var best = new Node?[4 * (MaxHyphensInARow + 1)];
        for (int b = 0; b < n; b++)
        {
            var item = items[b];
            if (!item.IsLegalBreak) continue;
            Array.Clear(best);
            bool forced = item.IsForcedBreak;
            double penaltyWidth = item.Kind == ItemKind.Penalty ? item.Width : 0;

            for (int k = active.Count - 1; k >= 0; k--)
            {
                var a = active[k];
                int s = a.Position < 0 ? 0 : startAfter[a.Position];
                if (s > b) continue; // nothing between two breaks at the same place
                double measure = lineWidth(a.Line);
                double natural = width[b] - width[s] + penaltyWidth;
                double excess = measure - natural;
                double y = shrink[b] - shrink[s];
                bool hasFill = fill[b] - fill[s] > 0;
                bool overfull = false, removed = false;
                double badness, ratio;

                if (excess < -1e-9)
                {
                    ratio = y > 0 ? excess / y : double.NegativeInfinity;
                    if (ratio < -1 - 1e-9)
                    {
                        // Overfull now, and more so at every later break: this node is done (Knuth–Plass §5). Only the
                        // boxes and glue so far count for that: a penalty's own width (a hyphen, a kept blank, a hanging
                        // mark's negative width) is not carried on to later breaks; a later hanging mark may still save it.
                        bool done = natural - penaltyWidth - y > measure + hangAllowance + 1e-9;
                        bool single = boxes[b] - boxes[s] <= 1;
                        if (!(pass.Emergency && single))
                        {
                            if (done || forced) active.RemoveAt(k);
                            continue;
                        }
                        overfull = true;
                        ratio = -1;
                        active.RemoveAt(k);
                        removed = true; // a forced break below must not remove it a second time
                    }
                    badness = 100 * Math.Pow(Math.Abs(ratio), 3);
                }
                else if (hasFill || excess <= 1e-9)
                {
                    ratio = 0;
                    badness = 0;
                }
                else if (ragged)
                {
                    ratio = excess / measure;
                    badness = Math.Min(MaxBadness, 100 * Math.Pow(excess / (measure / 4), 3));
                }
                else
                {
                    var plan = StretchPlan.For(excess, stretch[b] - stretch[s], lastResort[b] - lastResort[s]);
                    bool tooLoose = plan.FirstRatio > pass.MaxRatio || plan.LastResortRatio > pass.MaxLastResortRatio || !plan.Possible;
                    if (tooLoose && !pass.Emergency) { if (forced) active.RemoveAt(k); continue; }
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
                        badness = LastResortBadness * (1 + plan.LastResortRatio) + 100 * Math.Pow(plan.FirstRatio, 3)
                                  + 100 * Math.Pow(plan.LastResortRatio, 3);
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
                if (hyphens > MaxHyphensInARow && pass.StrictHyphens) { if (forced && !removed) active.RemoveAt(k); continue; }
                hyphens = Math.Min(hyphens, MaxHyphensInARow);

                double d = (LinePenalty + badness) * (LinePenalty + badness);
                if (item.Penalty > 0) d += item.Penalty * item.Penalty;
                else if (item.Penalty > -Item.Infinity) d -= item.Penalty * item.Penalty;
                if (item.Flagged && a.Hyphens > 0) d += DoubleHyphenDemerits;
                if (forced && a.Hyphens > 0) d += FinalHyphenDemerits;
                if (Math.Abs(fitness - a.Fitness) > 1) d += FitnessDemerits;
                if (overfull) d += MaxBadness * MaxBadness;
                d += a.Demerits;

                int slot = fitness * (MaxHyphensInARow + 1) + hyphens;
                if (best[slot] is null || d < best[slot]!.Demerits)
                    best[slot] = new Node(b, a.Line + 1, fitness, hyphens, d, a, overfull || item.Role == PenaltyRole.Cut);
                if (forced && !removed) active.RemoveAt(k);
            }

            foreach (var node in best)
                if (node is not null) active.Add(node);
            if (active.Count == 0) return null;
        }

        // The last item is the forced break; its nodes are the only ones left.
        var end = active.Where(a => a.Position == n - 1).MinBy(a => a.Demerits);
        if (end is null) return null;
        var breaks = new List<LineBreak>();
        for (var node = end; node.Previous is not null; node = node.Previous)
        {
            var prev = node.Previous;
            breaks.Add(new LineBreak(prev.Position < 0 ? 0 : startAfter[prev.Position], node.Position, node.Overfull));
        }
        breaks.Reverse();
        return breaks;
    }
}
