using NewsletterPress.Shared;

namespace NewsletterPress.Text;

/// <summary>
/// The blank that a full-width Japanese punctuation glyph carries in its em box, and the
/// adjustment kind of the glue it becomes. JLREQ 3.1.2 and appendix A: the ink of 、。 and of
/// closing brackets sits in the left half (the blank follows), of opening brackets in the right
/// half (the blank precedes), and middle dots ・：； sit in the middle with a quarter em each side.
/// </summary>
/// <param name="Leading">Blank before the ink, in points.</param>
/// <param name="Trailing">Blank after the ink, in points.</param>
/// <param name="TrailingKind">How the trailing blank may be adjusted.</param>
internal readonly record struct PunctuationBlank(double Leading, double Trailing, GlueKind LeadingKind, GlueKind TrailingKind)
{
    public static readonly PunctuationBlank None = new(0, 0, GlueKind.BracketOrComma, GlueKind.BracketOrComma);

    public bool IsPunctuation => Leading > 0 || Trailing > 0;

    /// <summary>The blank of a cluster, or <see cref="None"/> when it is not a full-width JLREQ punctuation glyph
    /// (a proportional Latin parenthesis carries no blank to take away).</summary>
    public static PunctuationBlank Of(Cluster cluster)
    {
        if (cluster.Text.Length != 1 || cluster.Advance < cluster.Size * 0.9) return None;
        int c = cluster.FirstCodepoint;
        double half = cluster.Size / 2, quarter = cluster.Size / 4;
        if (c is '。' or '．') return new(0, half, GlueKind.FullStop, GlueKind.FullStop);
        if (c is '、' or '，' || JlreqClasses.IsClosing(c)) return new(0, half, GlueKind.BracketOrComma, GlueKind.BracketOrComma);
        if (JlreqClasses.IsOpening(c)) return new(half, 0, GlueKind.BracketOrComma, GlueKind.BracketOrComma);
        if (c is '・' or '：' or '；') return new(quarter, quarter, GlueKind.MiddleDot, GlueKind.MiddleDot);
        return None;
    }

    /// <summary>
    /// The space left between two neighbours. In a run of punctuation only one blank remains
    /// (JLREQ 3.1.4–3.1.6: 。」 and ）、 close up, 」「 keep one half em, 」・ a quarter em), which is
    /// the smaller of the first one's trailing and the second one's leading blank.
    /// </summary>
    public static (double Width, GlueKind Kind) Between(PunctuationBlank before, PunctuationBlank after)
    {
        if (before.IsPunctuation && after.IsPunctuation)
            return before.Trailing <= after.Leading ? (before.Trailing, before.TrailingKind) : (after.Leading, after.LeadingKind);
        if (before.Trailing > 0) return (before.Trailing, before.TrailingKind);
        return (after.Leading, after.LeadingKind);
    }
}
