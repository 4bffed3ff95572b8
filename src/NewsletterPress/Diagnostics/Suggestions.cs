namespace NewsletterPress.Diagnostics;

/// <summary>Finds the valid key an editor most likely meant when they typed an unknown one.</summary>
internal static class Suggestions
{
    public static string? Nearest(string typed, IEnumerable<string> valid)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in valid)
        {
            int d = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) { bestDistance = d; best = candidate; }
        }
        // Beyond about a third of the word, a "did you mean" is noise rather than help.
        return best is not null && bestDistance <= Math.Max(2, typed.Length / 3) ? best : null;
    }

    /// <summary>Up to <paramref name="count"/> of <paramref name="valid"/>, nearest to <paramref name="typed"/> first
    /// (a font family's name, say, among the installed ones).</summary>
    public static IReadOnlyList<string> NearestFew(string typed, IEnumerable<string> valid, int count) =>
        [.. valid.OrderBy(v => Distance(typed.ToLowerInvariant(), v.ToLowerInvariant())).ThenBy(v => v, StringComparer.Ordinal).Take(count)];

    public static string DidYouMean(string typed, IEnumerable<string> valid)
    {
        var list = valid.ToList();
        var nearest = Nearest(typed, list);
        return nearest is null
            ? $"valid keys here: {string.Join(", ", list)}"
            : $"did you mean '{nearest}'?";
    }

    // Levenshtein distance; the key lists are tiny, so the quadratic table is fine.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1),
                    d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
