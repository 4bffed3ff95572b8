using System.Collections.Concurrent;

namespace NewsletterPress.Text.Hyphenation;

/// <summary>
/// Finds where an English word may take a hyphen: an exception list first (the issue's, then
/// the pattern file's), otherwise Liang's patterns, keeping TeX's minimums of two letters
/// before and three after a hyphen.
/// </summary>
internal static class Hyphenator
{
    public const int LeftMin = 2, RightMin = 3;

    private static readonly Lazy<HyphenationPatterns> EnglishPatterns = new(() => new HyphenationPatterns(PlainTexPatterns.Source));

    /// <summary>The patterns' points per lower-case word, found once: a paragraph is itemized again for each pass of the
    /// breaker and each setting the planner asks for, and an issue repeats its words (profiled: matching patterns was a
    /// fifth of a build). The patterns never change, so the cache needs no invalidation; it holds one entry per distinct
    /// word of the issue.</summary>
    private static readonly ConcurrentDictionary<string, int[]> PatternPoints = new(StringComparer.Ordinal);

    /// <summary>Positions in <paramref name="word"/> (offsets of the letter after the hyphen) where it may break.</summary>
    /// <param name="exceptions">The exceptions: word → "hy-phen-ation" (matched case-insensitively).</param>
    public static IReadOnlyList<int> Points(string word, IReadOnlyDictionary<string, string>? exceptions = null)
    {
        var lower = word.ToLowerInvariant();
        if (exceptions is not null && (exceptions.TryGetValue(word, out var given) || exceptions.TryGetValue(lower, out given)))
            return HyphenationPatterns.ParseException(given);

        return PatternPoints.TryGetValue(lower, out var known) ? known : PatternPoints.GetOrAdd(lower, FromPatterns);
    }

    private static int[] FromPatterns(string lower)
    {
        var patterns = EnglishPatterns.Value;
        if (patterns.Exceptions.TryGetValue(lower, out var listed)) return listed;
        if (lower.Length < LeftMin + RightMin) return [];

        var values = patterns.Values("." + lower + ".");
        var points = new List<int>();
        // values[k + 1] is the value between word[k - 1] and word[k] (the leading dot shifts by one).
        for (int k = LeftMin; k <= lower.Length - RightMin; k++)
            if (values[k + 1] % 2 == 1) points.Add(k);
        return [.. points];
    }

    /// <summary>The word with hyphens at its break points, for tests and the check report: "hy-phen-ation".</summary>
    public static string Hyphenate(string word, IReadOnlyDictionary<string, string>? exceptions = null)
    {
        var points = Points(word, exceptions);
        var sb = new System.Text.StringBuilder(word.Length + points.Count);
        int p = 0;
        for (int i = 0; i < word.Length; i++)
        {
            if (p < points.Count && points[p] == i) { sb.Append('-'); p++; }
            sb.Append(word[i]);
        }
        return sb.ToString();
    }
}
