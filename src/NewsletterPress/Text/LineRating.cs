using System.Runtime.CompilerServices;

namespace NewsletterPress.Text;

/// <summary>Fitness classes (Knuth–Plass §3, TeX §817): how much a line's glue had to stretch or shrink. Two neighbouring
/// lines more than one class apart cost <see cref="Demerits.AdjacentFitness"/>.</summary>
internal enum Fitness : byte { VeryLoose, Loose, Decent, Tight }

/// <summary>Whether a line can be set in the pass that rates it.</summary>
internal enum LineFit : byte
{
    /// <summary>Within the pass's limits.</summary>
    Feasible,
    /// <summary>Too loose for the pass; a later break from the same start may do.</summary>
    TooLoose,
    /// <summary>Too tight at this break only: the penalty's own width (a hyphen, a kept blank) made it so, or a hanging
    /// mark at a later break may still bring it back.</summary>
    TooTight,
    /// <summary>Too tight by its boxes and glue alone: every later break from the same start is too (Knuth–Plass §5).</summary>
    TooTightForGood,
    /// <summary>Overfull, accepted by an emergency pass because the line holds a single box wider than the measure.</summary>
    Overfull,
}

/// <summary>How one line, from the item after a break to the next break, rates: TeX's badness, 100·r³ for a line whose
/// glue is at ratio r of its stretch or shrink (§108), and its fitness class.</summary>
internal readonly record struct LineRating(LineFit Fit, double Badness, Fitness Fitness)
{
    /// <summary>TeX's inf_bad: the badness of a line that can hardly be set. The emergency pass rates lines worse than it
    /// without a cap, so that a line twice as bad still costs more.</summary>
    public const double InfiniteBadness = 10000;

    /// <summary>Using the last resort at all (JLREQ's inter-character spacing, Latin letter spacing) costs more than
    /// any line that only uses its spaces within their limit.</summary>
    private const double LastResortBadness = 1000;

    /// <summary>Stretched spaces are rated against as much stretch as they may shrink (a third of the space, not half):
    /// a space a tenth of an em too wide is rated as badly as one a tenth too narrow. With TeX's own asymmetric rating
    /// the breaker preferred loose lines to tight ones, and the median space of a text sat near 110 % of natural.</summary>
    private const double StretchRating = 1.5;

    /// <summary>Fitness class boundaries on the glue's ratio (TeX §817: badness 12 and 99).</summary>
    private const double DecentRatio = 0.5, LooseRatio = 1;

    /// <summary>A ragged line is rated by how short it is against a quarter of the measure: an even rag.</summary>
    private const double RaggedScale = 0.25;

    private const double Epsilon = 1e-9;

    /// <summary>Rates the line of items [<paramref name="start"/>, <paramref name="end"/>) ending at the break
    /// <paramref name="end"/>, to be set to <paramref name="measure"/>.</summary>
    /// <param name="penaltyWidth">The width the break adds to its line (a hyphen, a kept blank), if it is a penalty.</param>
    /// <param name="ragged">The line is set ragged: it never stretches, and only how short it is counts.</param>
    // Inlined: the breaker rates a line for every active node at every break (in Japanese, every character).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LineRating Rate(BreakerItems sums, int start, int end, double penaltyWidth, double measure, bool ragged, BreakerPass pass)
    {
        double natural = sums.Width[end] - sums.Width[start] + penaltyWidth;
        double excess = measure - natural;
        if (excess < -Epsilon) return Shrunk(sums, start, end, measure, excess, penaltyWidth, pass);
        if (sums.Fill[end] - sums.Fill[start] > 0 || excess <= Epsilon) return new(LineFit.Feasible, 0, Fitness.Decent);
        if (ragged)
        {
            double r = excess / (measure * RaggedScale);
            return new(LineFit.Feasible, Math.Min(InfiniteBadness, Cubed(r)), FitnessOf(excess / measure));
        }

        var plan = StretchPlan.For(excess, sums.Stretch[end] - sums.Stretch[start], sums.LastResort[end] - sums.LastResort[start],
            sums.Letters[end] - sums.Letters[start], pass.Limits);
        if (!plan.Within && !pass.Emergency) return new(LineFit.TooLoose, 0, Fitness.VeryLoose);
        if (!plan.Possible)
            // Nothing can stretch (one long word): its clusters are spread, the worst there is.
            return new(LineFit.Feasible, InfiniteBadness * (1 + excess / measure) * 10, Fitness.VeryLoose);
        double lastResort = plan.InterCharacterRatio + plan.LetterRatio;
        if (lastResort > 0)
            // Linear in the amount, not only cubic: the last resort is rated by how much of it a line uses, so that a
            // paragraph spreads one line a little rather than another a lot (JLREQ prefers pushing characters in to
            // spreading them out).
            return new(LineFit.Feasible, LastResortBadness * (1 + lastResort) + Cubed(plan.SpaceRatio) + Cubed(lastResort),
                Fitness.VeryLoose);
        return new(LineFit.Feasible, Cubed(plan.SpaceRatio * StretchRating), FitnessOf(plan.SpaceRatio));
    }

    private static LineRating Shrunk(BreakerItems sums, int start, int end, double measure, double excess, double penaltyWidth,
        BreakerPass pass)
    {
        double shrink = sums.Shrink[end] - sums.Shrink[start];
        double ratio = shrink > 0 ? excess / shrink : double.NegativeInfinity;
        if (ratio >= -1 - Epsilon) return new(LineFit.Feasible, Cubed(-ratio), FitnessOf(ratio));
        if (pass.Emergency && sums.Boxes[end] - sums.Boxes[start] <= 1)
            return new(LineFit.Overfull, Cubed(1), Fitness.Tight);
        // Only the boxes and glue count for later breaks: a penalty's own width (a hyphen, a kept blank, a hanging mark's
        // negative width) is not carried on, and a later hanging mark may still save the line.
        double natural = measure - excess - penaltyWidth;
        bool forGood = natural - shrink > measure + sums.HangAllowance + Epsilon;
        return new(forGood ? LineFit.TooTightForGood : LineFit.TooTight, 0, Fitness.Tight);
    }

    private static Fitness FitnessOf(double ratio) =>
        ratio < -DecentRatio ? Fitness.Tight : ratio <= DecentRatio ? Fitness.Decent : ratio <= LooseRatio ? Fitness.Loose : Fitness.VeryLoose;

    private static double Cubed(double ratio) => 100 * Math.Abs(ratio * ratio * ratio);
}

/// <summary>The demerits of a line (Knuth–Plass §3, TeX §859): (\linepenalty + badness)², plus the square of the break's
/// penalty, plus the extra costs below.</summary>
internal static class Demerits
{
    /// <summary>TeX's \linepenalty: keeps the number of lines down.</summary>
    public const double LinePenalty = 10;
    /// <summary>Knuth–Plass γ, TeX's \adjdemerits: two neighbouring lines of very different tightness.</summary>
    public const double AdjacentFitness = 3000;
    /// <summary>Knuth–Plass α, TeX's \doublehyphendemerits: two hyphenated lines in a row.</summary>
    public const double DoubleHyphen = 3000;
    /// <summary>TeX's \finalhyphendemerits: a hyphen on the last line but one.</summary>
    public const double FinalHyphen = 5000;
    /// <summary>A line an emergency pass had to leave overfull.</summary>
    public const double Overfull = LineRating.InfiniteBadness * LineRating.InfiniteBadness;

    /// <summary>The demerits of a line rated <paramref name="line"/> that ends at <paramref name="breakItem"/>, after a
    /// line of fitness <paramref name="previousFitness"/> that ended <paramref name="previousHyphens"/> hyphenated lines in a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(in Item breakItem, LineRating line, Fitness previousFitness, int previousHyphens)
    {
        double d = (LinePenalty + line.Badness) * (LinePenalty + line.Badness);
        if (breakItem.Penalty > 0) d += breakItem.Penalty * breakItem.Penalty;
        else if (breakItem.Penalty > -Item.Infinity) d -= breakItem.Penalty * breakItem.Penalty;
        if (breakItem.Flagged && previousHyphens > 0) d += DoubleHyphen;
        if (breakItem.IsForcedBreak && previousHyphens > 0) d += FinalHyphen;
        if (Math.Abs((int)line.Fitness - (int)previousFitness) > 1) d += AdjacentFitness;
        if (line.Fit == LineFit.Overfull) d += Overfull;
        return d;
    }
}
