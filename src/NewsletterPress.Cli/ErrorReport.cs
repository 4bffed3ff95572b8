using System.Text;
using NewsletterPress.Diagnostics;
using NewsletterPress.Files;

/// <summary>
/// Input errors as the editor reads them, in the manner of rustc and Typst: for each error the
/// "file:line:col: error: message" line, then the source line with a caret under the column; after
/// several, how many there were.
/// </summary>
public static class ErrorReport
{
    /// <summary>Files are read again to show their lines; past this size a file is not shown.</summary>
    private const long LargestShown = 4 * 1024 * 1024;

    public static string Format(InputException error)
    {
        var text = new StringBuilder();
        var files = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var one in error.All)
        {
            text.Append(one.Position is null ? $"error: {one.Message}" : $"{one.Position}: error: {one.Message}").Append('\n');
            if (one.Position is { Line: > 0 } at && Line(files, at) is { } line)
                AppendSnippet(text, at, line);
        }
        if (error.All.Count > 1) text.Append($"{error.All.Count} errors\n");
        return text.ToString();
    }

    private static string? Line(Dictionary<string, string[]?> files, SourcePosition at)
    {
        if (!files.TryGetValue(at.File, out var lines))
        {
            lines = null;
            try
            {
                var info = new FileInfo(at.File);
                if (info.Exists && info.Length <= LargestShown && FileKinds.Of(at.File).Kind == FileKind.Regular)
                    lines = File.ReadAllText(info.FullName).Split('\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            files[at.File] = lines;
        }
        return lines is not null && at.Line <= lines.Length ? lines[at.Line - 1].TrimEnd('\r') : null;
    }

    /// <summary>
    ///   |
    /// 2 | volumen: 11
    ///   | ^
    /// </summary>
    private static void AppendSnippet(StringBuilder text, SourcePosition at, string line)
    {
        var number = at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        // Tabs are shown as one space each, so that the caret stays under its column.
        var shown = new string(line.Select(c => c == '\t' ? ' ' : char.IsControl(c) ? '?' : c).ToArray());
        var before = shown[..Math.Clamp(at.Column - 1, 0, shown.Length)];
        var span = shown[before.Length..Math.Clamp(before.Length + at.Length, before.Length, shown.Length)];
        text.Append($"{gutter} |\n{number} | {shown}\n{gutter} | {new string(' ', Width(before))}{new string('^', Math.Max(1, Width(span)))}\n");
    }

    /// <summary>The columns a terminal gives the text, by Unicode's East Asian Width and emoji presentation (Wcwidth, the
    /// table terminals follow): two for wide and full-width characters and emoji, none for combining marks. A hand-made
    /// table of the CJK ranges had emoji one column wide, and a caret after one stood a column short.</summary>
    private static int Width(string text) => text.EnumerateRunes().Sum(r => Math.Max(0, Wcwidth.UnicodeCalculator.GetWidth(r)));
}
