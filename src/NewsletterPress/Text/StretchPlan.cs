namespace NewsletterPress.Text;

/// <summary>
/// How a line that is too short takes up its excess, shared by the breaker (to rate a line) and
/// the justifier (to set it), so that both agree. Word spaces and the Japanese–Latin space go
/// first, up to their full stretch (150 % spaces, a half-em Japanese–Latin gap: typography.md);
/// whatever is left goes between the characters, the last resort (JLREQ 3.8.3; for Latin text,
/// letter spacing). Only a line with no character spacing at all lets its spaces go further.
/// </summary>
/// <param name="FirstRatio">The ratio of the first-choice glue's stretch used (1 = all of it).</param>
/// <param name="LastResortRatio">The ratio of the inter-character stretch used.</param>
/// <param name="Possible">False when the line has no stretchable glue at all.</param>
internal readonly record struct StretchPlan(double FirstRatio, double LastResortRatio, bool Possible)
{
    public static StretchPlan For(double excess, double first, double lastResort)
    {
        if (excess <= 0) return new(0, 0, true);
        if (first >= excess) return new(excess / first, 0, true);
        if (lastResort > 0) return new(first > 0 ? 1 : 0, (excess - first) / lastResort, true);
        if (first > 0) return new(excess / first, 0, true);
        return new(0, 0, false);
    }
}
