using NewsletterPress.Diagnostics;

namespace NewsletterPress.Manifest;

/// <summary>
/// The usual YAML slips, found in the text when the parser fails, and said in plain words at the line
/// where the slip is rather than where the parser gave up: a tab in the indentation, a quote never
/// closed, an unquoted '#' that turned the rest of a line into a comment, a key without its colon.
/// YamlDotNet reports these as, for instance, "While scanning a multiline plain scalar…" a line
/// late, or at the end of the file; no YAML library explains them, hence this small scanner.
/// </summary>
internal static class YamlSlips
{
    /// <summary>The first slip in <paramref name="text"/>, or null when none of the usual ones is there.</summary>
    /// <param name="errorLine">The 1-based line where the parser failed: a missing colon is looked for up to it.</param>
    public static InputException? Explain(string text, YamlNodes nodes, int errorLine)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        SourcePosition At(int line, int column) => nodes.At(new YamlDotNet.Core.Mark(0, line + 1, column + 1));

        for (int i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            int tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0 && lines[i].Trim().Length > 0)
                return new InputException(At(i, tab), "this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces");
        }
        for (int i = 0; i < lines.Length; i++)
        {
            var scan = Scan(lines[i]);
            if (scan.UnclosedQuote is { } quote)
                return new InputException(At(i, quote),
                    $"this quote ({lines[i][quote]}) is never closed; end the text with {lines[i][quote]} on the same line");
            if (scan.Comment is { } hash && scan.OpenBrackets > 0)
                return new InputException(At(i, hash),
                    $"YAML reads '#' after a space as the start of a comment, so the rest of this line is lost and its {(lines[i].Contains('{') ? "{" : "[")} is never closed; " +
                    $"quote the value, e.g. \"{Word(lines[i], hash)}\"");
        }
        for (int i = 0; i < lines.Length && i < errorLine; i++)
        {
            var line = lines[i];
            var content = line.TrimStart(' ');
            if (content.Length == 0 || content.StartsWith('#') || content.StartsWith('-') || content.StartsWith("---", StringComparison.Ordinal)) continue;
            int indent = line.Length - content.Length;
            if (Scan(line).Colon || !NeighbourIsKey(lines, i, indent)) continue;
            var words = (Scan(line).Comment is { } c ? line[..c] : line).Trim();
            return new InputException(At(i, indent),
                $"'{words}' has no colon; write a key and its value as 'key: value' (a space after the colon)");
        }
        return null;
    }

    /// <summary>True when the nearest line above or below at this indentation or less (skipping blank lines,
    /// comments and the deeper lines of other keys' values) is a key at the same indentation: a sibling key.</summary>
    private static bool NeighbourIsKey(string[] lines, int at, int indent)
    {
        foreach (var step in new[] { -1, 1 })
            for (int j = at + step; j >= 0 && j < lines.Length; j += step)
            {
                var content = lines[j].TrimStart(' ');
                int depth = lines[j].Length - content.Length;
                if (content.Length == 0 || content.StartsWith('#') || depth > indent) continue;
                if (depth == indent && Scan(lines[j]).Colon) return true;
                break;
            }
        return false;
    }

    private readonly record struct LineScan(bool Colon, int? Comment, int? UnclosedQuote, int OpenBrackets);

    /// <summary>Reads one line outside quoted text: whether it has a mapping colon (':' before a space or the
    /// line's end), where a comment starts, a quote left open, and the brackets left open before the comment.</summary>
    private static LineScan Scan(string line)
    {
        bool colon = false;
        int open = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            bool valueStart = i == 0 || line[i - 1] is ' ' or '[' or '{' or ',';
            if ((c == '"' || c == '\'') && valueStart)
            {
                int close = Closing(line, i);
                if (close < 0) return new LineScan(colon, null, i, open);
                i = close;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
                return new LineScan(colon, i, null, open);
            else if (c == ':' && (i + 1 == line.Length || line[i + 1] == ' ')) colon = true;
            else if (c is '{' or '[') open++;
            else if (c is '}' or ']') open--;
        }
        return new LineScan(colon, null, null, open);
    }

    /// <summary>The index of the quote that closes the one at <paramref name="start"/>, or -1.</summary>
    private static int Closing(string line, int start)
    {
        char quote = line[start];
        for (int i = start + 1; i < line.Length; i++)
        {
            if (quote == '"' && line[i] == '\\') { i++; continue; }
            if (line[i] != quote) continue;
            if (quote == '\'' && i + 1 < line.Length && line[i + 1] == '\'') { i++; continue; } // '' is a quote inside
            return i;
        }
        return -1;
    }

    /// <summary>The word that starts at <paramref name="at"/> ("#00598f"), for the quoted example.</summary>
    public static string Word(string line, int at)
    {
        int end = line.IndexOfAny([' ', ',', '}', ']'], at);
        return end < 0 ? line[at..] : line[at..end];
    }
}
