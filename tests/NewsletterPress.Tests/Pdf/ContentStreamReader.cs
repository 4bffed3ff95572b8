using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsletterPress.Tests.Pdf;

/// <summary>
/// Reads back the operators of our own content streams (one operator per line) far enough
/// for tests: the fill colour in force at each text-showing operator, path segments, and
/// marked-content identifiers.
/// </summary>
internal static partial class ContentStreamReader
{
    /// <summary>The fill-colour operator line in force at every TJ/Tj, following q/Q.</summary>
    public static List<string> FillColourOfText(string content)
    {
        var result = new List<string>();
        var stack = new Stack<string>();
        var fill = "0 g"; // §8.4.1: initial fill colour is DeviceGray black
        foreach (var line in content.Split('\n'))
        {
            if (line == "q")
                stack.Push(fill);
            else if (line == "Q")
                fill = stack.Pop();
            else if (FillOperator().IsMatch(line))
                fill = line;
            else if (line.EndsWith(" TJ", StringComparison.Ordinal) || line.EndsWith(" Tj", StringComparison.Ordinal))
                result.Add(fill);
        }
        return result;
    }

    /// <summary>Straight segments "x1 y1 m" + "x2 y2 l" in <paramref name="content"/>.</summary>
    public static List<(double X1, double Y1, double X2, double Y2)> Segments(string content)
    {
        var result = new List<(double, double, double, double)>();
        (double X, double Y)? start = null;
        foreach (var line in content.Split('\n'))
        {
            var parts = line.Split(' ');
            if (parts.Length == 3 && parts[2] == "m")
                start = (Parse(parts[0]), Parse(parts[1]));
            else if (parts.Length == 3 && parts[2] == "l" && start is { } s)
                result.Add((s.X, s.Y, Parse(parts[0]), Parse(parts[1])));
        }
        return result;
    }

    /// <summary>Every /MCID in BDC operators, in order.</summary>
    public static List<int> Mcids(string content) =>
        [.. McidPattern().Matches(content).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(.* (k|g|rg|sc|scn)|/\S+ cs .*)$")]
    private static partial Regex FillOperator();

    [GeneratedRegex(@"<< /MCID (\d+) >> BDC")]
    private static partial Regex McidPattern();
}
