using NewsletterPress.Shared;

namespace NewsletterPress.Preflight;

/// <summary>The measurable rules of typography.md, on lines of placed characters.</summary>
internal static class TextChecks
{
    public static TextReport Measure(IReadOnlyList<CheckedLine> lines, List<Finding> findings)
    {
        int badStarts = 0, badEnds = 0;
        foreach (var line in lines)
        {
            var text = line.Text.Trim();
            if (text.Length == 0) continue;
            int first = char.ConvertToUtf32(text, 0);
            // A paragraph's first line may start with a bullet (・) or a label; closing brackets,
            // stops, commas and small kana are never right at a line start.
            if (JlreqClasses.MayNotStartLine(first) && first is not ('・' or '：' or '；'))
            {
                badStarts++;
                findings.Add(new Finding(Severity.Error, "kinsoku", $"line starts with '{char.ConvertFromUtf32(first)}': {Excerpt(text)}", $"page {line.Page}"));
            }
            if (JlreqClasses.MayNotEndLine(text[^1]))
            {
                badEnds++;
                findings.Add(new Finding(Severity.Error, "kinsoku", $"line ends with '{text[^1]}': {Excerpt(text)}", $"page {line.Page}"));
            }
        }
        var gaps = JapaneseLatinGaps(lines);
        return new TextReport(lines.Count, badStarts, badEnds, gaps.Count == 0 ? null : Math.Round(Median(gaps), 3), gaps.Count);
    }

    /// <summary>Gaps between a Japanese character and a Latin letter or digit next to it, in ems of the smaller size.</summary>
    private static List<double> JapaneseLatinGaps(IEnumerable<CheckedLine> lines)
    {
        var gaps = new List<double>();
        foreach (var line in lines)
            for (int i = 1; i < line.Chars.Count; i++)
            {
                var a = line.Chars[i - 1];
                var b = line.Chars[i];
                if (a.Text.Trim().Length == 0 || b.Text.Trim().Length == 0) continue;
                int ca = char.ConvertToUtf32(a.Text, a.Text.Length - 1 - (char.IsLowSurrogate(a.Text[^1]) ? 1 : 0));
                int cb = char.ConvertToUtf32(b.Text, 0);
                bool jaLatin = Script.JapaneseLatinSpaceBetween(ca, cb);
                if (jaLatin) gaps.Add((b.X - a.Right) / Math.Min(a.Size, b.Size));
            }
        return gaps;
    }

    private static string Excerpt(string text) => text.Length <= 30 ? text : text[..30] + "…";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
