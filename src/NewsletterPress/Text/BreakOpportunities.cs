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
        string locale = lang.StartsWith("ja", StringComparison.Ordinal) ? "ja@lb=strict" : lang;
        if (NativeIterator(locale) is { } native) native.MarkBreaks(text, allowed);
        else
        {
            var iterator = LineIterator(locale);
            iterator.SetText(text);
            for (int end = iterator.MoveNext(); end != BreakIterator.DONE && end < text.Length; end = iterator.MoveNext())
                allowed[end] = true;
        }

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

    /// <summary>Line break iterators by locale, one set per thread (ICU iterators are not thread-safe): opening one
    /// loads its rules, which costs more than breaking a paragraph.</summary>
    [ThreadStatic] private static Dictionary<string, BreakIterator>? t_iterators;

    [ThreadStatic] private static Dictionary<string, IcuLineIterator?>? t_native;

    private static IcuLineIterator? NativeIterator(string locale)
    {
        var iterators = t_native ??= new Dictionary<string, IcuLineIterator?>(StringComparer.Ordinal);
        if (!iterators.TryGetValue(locale, out var iterator))
            iterators[locale] = iterator = IcuLineIterator.TryCreate(locale);
        return iterator;
    }

    private static BreakIterator LineIterator(string locale)
    {
        var iterators = t_iterators ??= new Dictionary<string, BreakIterator>(StringComparer.Ordinal);
        if (!iterators.TryGetValue(locale, out var iterator))
            iterators[locale] = iterator = BreakIterator.CreateLineInstance(new Locale(locale));
        return iterator;
    }

    private static int PreviousCodepoint(string text, int i) =>
        i >= 2 && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2])
            ? char.ConvertToUtf32(text[i - 2], text[i - 1]) : text[i - 1];
}
