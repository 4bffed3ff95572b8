using Icu;

namespace NewsletterPress.Text;

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
        var locale = new Locale(lang.StartsWith("ja", StringComparison.Ordinal) ? "ja@lb=strict" : lang);
        foreach (var boundary in BreakIterator.GetBoundaries(BreakIterator.UBreakIteratorType.LINE, locale, text))
            if (boundary.End < text.Length) allowed[boundary.End] = true;

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

    private static int PreviousCodepoint(string text, int i) =>
        i >= 2 && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2])
            ? char.ConvertToUtf32(text[i - 2], text[i - 1]) : text[i - 1];
}
