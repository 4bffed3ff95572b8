namespace NewsletterPress.Text.Hyphenation;

/// <summary>
/// Liang's hyphenation patterns ("Word Hy-phen-a-tion by Com-put-er", 1983) read from a TeX
/// pattern file: each pattern is letters with digits between them (".ach4", "4z1z2"); odd
/// digits allow a hyphen at that position, even ones forbid it, and the largest digit of all
/// matching patterns wins. Also reads the file's \hyphenation exception list.
/// </summary>
internal sealed class HyphenationPatterns
{
    private readonly Dictionary<string, byte[]> _patterns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Exceptions: lower-case word → the hyphen positions (offsets of the letter after a hyphen).</summary>
    public IReadOnlyDictionary<string, int[]> Exceptions { get; }

    public int MaxPatternLength { get; }

    public HyphenationPatterns(string texSource)
    {
        var exceptions = new Dictionary<string, int[]>(StringComparer.Ordinal);
        string? group = null;
        foreach (var rawLine in texSource.Split('\n'))
        {
            var line = rawLine;
            int comment = line.IndexOf('%', StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            foreach (var token in line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                var t = token;
                if (t.StartsWith("\\patterns{", StringComparison.Ordinal)) { group = "patterns"; t = t[10..]; }
                else if (t.StartsWith("\\hyphenation{", StringComparison.Ordinal)) { group = "hyphenation"; t = t[13..]; }
                bool closes = t.EndsWith('}');
                if (closes) t = t[..^1];
                if (t.Length > 0 && group == "patterns") AddPattern(t);
                else if (t.Length > 0 && group == "hyphenation") exceptions[t.Replace("-", "", StringComparison.Ordinal)] = ParseException(t);
                if (closes) group = null;
            }
        }
        Exceptions = exceptions;
        MaxPatternLength = _patterns.Keys.Max(k => k.Length);
        _lookup = _patterns.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>"hy-phen-ation" → [2, 6].</summary>
    public static int[] ParseException(string hyphenated)
    {
        var points = new List<int>();
        int letters = 0;
        foreach (var c in hyphenated)
        {
            if (c == '-') points.Add(letters);
            else letters++;
        }
        return [.. points];
    }

    private void AddPattern(string pattern)
    {
        var letters = new System.Text.StringBuilder();
        var values = new List<byte> { 0 };
        foreach (var c in pattern)
        {
            if (c is >= '0' and <= '9') values[^1] = (byte)(c - '0');
            else { letters.Append(c); values.Add(0); }
        }
        _patterns[letters.ToString()] = [.. values];
    }

    /// <summary>The values between the letters of <paramref name="dotted"/> (".word."): element k is the
    /// value before letter k.</summary>
    public byte[] Values(ReadOnlySpan<char> dotted)
    {
        var values = new byte[dotted.Length + 1];
        for (int start = 0; start < dotted.Length; start++)
        {
            int maxLength = Math.Min(MaxPatternLength, dotted.Length - start);
            for (int length = 1; length <= maxLength; length++)
            {
                if (!_lookup.TryGetValue(dotted.Slice(start, length), out var pattern)) continue;
                for (int k = 0; k < pattern.Length; k++)
                    if (pattern[k] > values[start + k]) values[start + k] = pattern[k];
            }
        }
        return values;
    }
}
