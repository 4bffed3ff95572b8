using NewsletterPress.Shared;

namespace NewsletterPress.Text;

/// <summary>Where a piece of a paragraph may break, per UTF-16 index of its text.</summary>
/// <param name="MayBreak">Whether a line may start there (<see cref="BreakOpportunities"/>, <see cref="Addresses"/>).</param>
/// <param name="SoftHyphen">Whether the editor put a soft hyphen before it (one longer than the text).</param>
/// <param name="InAddress">Whether the character belongs to a URL or e-mail address, which is never hyphenated; null
/// when the piece has none.</param>
internal sealed record PieceBreaks(bool[] MayBreak, bool[] SoftHyphen, bool[]? InAddress = null);

/// <summary>
/// Where a line may break: UAX #14 from ICU (strict Japanese rules for Japanese text), with
/// the JLREQ prohibitions of typography.md applied on top so that they hold whatever ICU
/// version the system has.
/// </summary>
internal static class BreakOpportunities
{
    /// <summary>Returns, for each UTF-16 index, whether a line may start there.</summary>
    public static bool[] Find(string text, string lang)
    {
        IcuLibrary.EnsureLoaded();
        var allowed = new bool[text.Length + 1];
        if (text.Length == 0) return allowed;
        LineBreaker(lang.StartsWith("ja", StringComparison.Ordinal) ? "ja@lb=strict" : lang)(text, allowed);

        for (int i = 1; i < text.Length; i++)
        {
            if (!allowed[i]) continue;
            int before = PreviousCodepoint(text, i);
            int after = char.ConvertToUtf32(text, i) is var a ? a : 0;
            if (JlreqClasses.MayNotStartLine(after) || JlreqClasses.MayNotEndLine(before)
                || JlreqClasses.IsInseparablePair(before, after))
                allowed[i] = false;
        }
        return allowed;
    }

    /// <summary>Marks where ICU allows a line break inside a text (not at its end).</summary>
    private delegate void MarkBreaks(string text, bool[] allowed);

    /// <summary>A line breaker per locale and thread (ICU iterators are not thread-safe; opening one loads its
    /// rules, which costs more than breaking a paragraph).</summary>
    [ThreadStatic] private static Dictionary<string, MarkBreaks>? t_breakers;

    private static MarkBreaks LineBreaker(string locale)
    {
        var breakers = t_breakers ??= new Dictionary<string, MarkBreaks>(StringComparer.Ordinal);
        if (breakers.TryGetValue(locale, out var breaker)) return breaker;
        return breakers[locale] = IcuLineIterator.Create(locale).MarkBreaks;
    }

    private static int PreviousCodepoint(string text, int i) =>
        i >= 2 && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2])
            ? char.ConvertToUtf32(text[i - 2], text[i - 1]) : text[i - 1];
}
