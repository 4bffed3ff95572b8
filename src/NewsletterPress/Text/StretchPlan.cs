using System.Runtime.CompilerServices;

namespace NewsletterPress.Text;

/// <summary>How far each kind of stretch may go in one pass of the breaker, as ratios of its stretch (1 = all of it).</summary>
/// <param name="Spaces">How far word and Japanese–Latin spaces may stretch: 1 is their limit (150 %, a half em); more
/// is a loose line, taken only when the paragraph cannot be set otherwise (TeX's second pass, \tolerance).</param>
/// <param name="InterCharacter">How far JLREQ's inter-character last resort may go (Japanese paragraphs).</param>
/// <param name="Letters">How far Latin letter spacing may go (English paragraphs): 0 in every pass but the last ones.</param>
internal readonly record struct StretchLimits(double Spaces, double InterCharacter, double Letters);

/// <summary>
/// How a line that is too short takes up its excess, shared by the breaker (to rate a line) and the justifier (to set
/// it), so that both agree. The stretch is taken in this order, each up to the pass's limit:
/// <list type="number">
/// <item>word spaces and the Japanese–Latin space, to their full stretch (150 %, a half em: typography.md);</item>
/// <item>between the characters of a Japanese paragraph, JLREQ's last resort (3.8.3);</item>
/// <item>word spaces beyond that, up to <see cref="StretchLimits.Spaces"/> (a loose line, TeX's \tolerance);</item>
/// <item>Latin letter spacing of an English paragraph, the emergency measure.</item>
/// </list>
/// What is left when every kind is at its limit goes to the last kind the line has (letters, else spaces, else
/// characters), and the plan is not <see cref="Within"/> the limits: only an emergency pass accepts it.
/// </summary>
/// <param name="SpaceRatio">The ratio of the word and Japanese–Latin spaces' stretch used (1 = 150 %).</param>
/// <param name="InterCharacterRatio">The ratio of the inter-character stretch used.</param>
/// <param name="LetterRatio">The ratio of the letter-spacing stretch used.</param>
/// <param name="Possible">False when the line has no stretchable glue at all (its boxes are then spread).</param>
/// <param name="Within">Every ratio is within the limits the plan was made for.</param>
internal readonly record struct StretchPlan(double SpaceRatio, double InterCharacterRatio, double LetterRatio, bool Possible, bool Within)
{
    /// <param name="excess">How much the line is short of its measure.</param>
    /// <param name="spaces">The stretch of its word and Japanese–Latin spaces at ratio 1.</param>
    /// <param name="interCharacter">Its inter-character stretch at ratio 1.</param>
    /// <param name="letters">Its letter-spacing stretch at ratio 1.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StretchPlan For(double excess, double spaces, double interCharacter, double letters, StretchLimits limits)
    {
        if (excess <= 0) return new(0, 0, 0, true, true);
        // The usual line: its spaces take it all within their limit.
        if (excess <= spaces * Math.Min(1, limits.Spaces)) return new(excess / spaces, 0, 0, true, true);
        // The usual Japanese line: no spaces, its characters take it all.
        if (spaces <= 0 && letters <= 0 && interCharacter > 0)
            return new(0, excess / interCharacter, 0, true, excess <= interCharacter * limits.InterCharacter + 1e-9);
        double left = excess;
        double fromSpaces = Take(ref left, spaces, Math.Min(1, limits.Spaces));
        double fromCharacters = Take(ref left, interCharacter, limits.InterCharacter);
        fromSpaces += Take(ref left, spaces, Math.Max(0, limits.Spaces - 1));
        double fromLetters = Take(ref left, letters, limits.Letters);
        bool within = left <= 1e-9;
        if (!within)
        {
            if (letters > 0) fromLetters += left;
            else if (spaces > 0) fromSpaces += left;
            else if (interCharacter > 0) fromCharacters += left;
            else return new(0, 0, 0, false, false);
        }
        return new(Ratio(fromSpaces, spaces), Ratio(fromCharacters, interCharacter), Ratio(fromLetters, letters), true, within);
    }

    /// <summary>Takes up to <paramref name="limit"/> times <paramref name="stretch"/> from what is <paramref name="left"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Take(ref double left, double stretch, double limit)
    {
        if (stretch <= 0 || limit <= 0 || left <= 0) return 0;
        double taken = double.IsPositiveInfinity(limit) ? left : Math.Min(left, stretch * limit);
        left -= taken;
        return taken;
    }

    private static double Ratio(double amount, double stretch) => stretch > 0 ? amount / stretch : 0;
}
