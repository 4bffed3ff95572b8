using System.Globalization;
using NewsletterPress.Diagnostics;
using NewsletterPress.Shared;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Manifest;

/// <summary>
/// Typed reading of a YAML representation tree, with every error pointing at the node
/// (file:line:col) and, for unknown keys, at the key the editor most likely meant.
/// </summary>
/// <param name="file">The file as displayed in messages.</param>
/// <param name="text">The YAML text, for the plain-words explanation of a slip (an unquoted '#').</param>
/// <param name="firstLine">The file's line the text starts on (front matter starts below its '---').</param>
internal sealed class YamlNodes(string file, string text, int firstLine = 1)
{
    private readonly InputErrors _errors = new();

    public string File { get; } = file;

    /// <summary>The YAML text's lines, for messages that explain a slip.</summary>
    public string[] Lines { get; } = text.Split('\n');

    public SourcePosition At(YamlNode node) =>
        At(node.Start) with { Length = node.End.Line == node.Start.Line ? (int)(node.End.Column - node.Start.Column) : 0 };
    public SourcePosition At(Mark mark) => new(File, (int)mark.Line + firstLine - 1, (int)mark.Column);

    public InputException Error(YamlNode node, string message) => new(At(node), message);

    /// <summary>Records an error and goes on reading, so that one run reports every error of the file.</summary>
    public void Report(InputException error) => _errors.Add(error);

    /// <summary>Runs <paramref name="read"/>; an input error is recorded and <paramref name="fallback"/> returned,
    /// so that the keys after it are still read and checked.</summary>
    public T Try<T>(Func<T> read, T fallback) => _errors.Try(read, fallback);

    public void Try(Action read) => _errors.Try(read);

    /// <summary>Reads a whole file with <paramref name="read"/>, then throws every error recorded on the way
    /// (and the one that stopped it, if any) as one, in file order.</summary>
    public T ReadAll<T>(Func<T> read)
    {
        var (result, errors) = ReadCollecting(read);
        if (errors is not null) throw errors;
        return result!;
    }

    /// <summary>As <see cref="ReadAll"/>, but returns what was read along with the errors (null when none), for a
    /// caller that goes on to find the errors of other files.</summary>
    public (T? Result, InputException? Errors) ReadCollecting<T>(Func<T> read)
    {
        var result = Try(read, default(T));
        return (result, _errors.Combined);
    }

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping of keys to values");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list (lines starting with '- ')");

    public string String(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } v } && (v.Length > 0 || node is YamlScalarNode { Style: not ScalarStyle.Plain }))
        {
            // An escape such as "\a" or "\0" writes a control character the file itself may not hold.
            var control = Files.SourceText.IndexOfForbiddenControl(v);
            if (control >= 0)
                throw Error(node, $"{what} holds the control character U+{(int)v[control]:X4}; remove it");
            return v;
        }
        if (UnquotedHash(node) is { } hash)
            throw new InputException(At(node) with { Column = hash + 1 },
                $"{what} is empty because YAML reads '#' after a space as the start of a comment; quote the value, e.g. \"{YamlSlips.Word(Lines[(int)node.Start.Line - 1], hash)}\"");
        throw Error(node, $"{what} must be text");
    }

    /// <summary>The column (0-based) of a '#' that a plain empty value lost to a comment: "rgb: #8f1f5a".</summary>
    private int? UnquotedHash(YamlNode node)
    {
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" } || node.Start.Line < 1 || node.Start.Line > Lines.Length)
            return null;
        var line = Lines[(int)node.Start.Line - 1];
        int hash = line.IndexOf(" #", (int)Math.Max(0, node.Start.Column - 2), StringComparison.Ordinal);
        return hash >= 0 ? hash + 1 : null;
    }

    public int Integer(YamlNode node, string what, int min, int max)
    {
        var text = String(node, what);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            return v;
        throw Error(node, $"{what} must be a whole number from {min} to {max}, not '{text}'");
    }

    public double Number(YamlNode node, string what)
    {
        var text = String(node, what);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw Error(node, $"{what} must be a number, not '{text}'");
    }

    public DateOnly Date(YamlNode node, string what)
    {
        var text = String(node, what);
        // The dashes quoted: .NET tries an unquoted separator as the word "GMT" too, with a case-blind comparison that
        // makes ICU build a collator first (a tenth of vol-11's build); quoted, it is matched as the character it is.
        if (DateOnly.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        throw Error(node, $"{what} must be a date written YYYY-MM-DD, not '{text}'");
    }

    public Length Length(YamlNode node, string what)
    {
        var text = String(node, what);
        if (Shared.Length.TryParse(text, out var length) && double.IsFinite(length.Value)) return length;
        throw Error(node, $"{what} must be a length such as 18mm, 9.5pt, 40Q or 2zw, not '{text}'");
    }

    /// <summary>A length that must lie between <paramref name="min"/> and <paramref name="max"/> points
    /// once resolved with the body size <paramref name="em"/>: a body of 0 pt or a page of 100 m is
    /// refused here, at its key, rather than failing somewhere in the layout.</summary>
    public double LengthInPoints(YamlNode node, string what, double em, double min, double max)
    {
        var length = Length(node, what);
        var points = length.ToPoints(em);
        if (points >= min && points <= max) return points;
        throw Error(node, $"{what} must be from {Describe(min)} to {Describe(max)}, not {length}");
    }

    private static string Describe(double points) =>
        points == 0 ? "0" : $"{points.ToString("0.##", CultureInfo.InvariantCulture)}pt ({(points / Shared.Length.PointsPerMillimetre).ToString("0.#", CultureInfo.InvariantCulture)}mm)";

    public T Choice<T>(YamlNode node, string what, IReadOnlyDictionary<string, T> choices)
    {
        var text = String(node, what);
        if (choices.TryGetValue(text, out var v)) return v;
        throw Error(node, $"{what} must be one of {string.Join(" | ", choices.Keys)}, not '{text}'; "
            + Suggestions.DidYouMean(text, choices.Keys));
    }

    /// <summary>The mapping's known entries by key. An unknown or repeated key is recorded (<see cref="Report"/>)
    /// and left out, so that the rest is still read; a missing required key is thrown, as the caller cannot go on.</summary>
    public Dictionary<string, YamlNode> Entries(YamlMappingNode map, string what, IReadOnlyCollection<string> known,
        params string[] required)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Try<string?>(() => String(keyNode, $"a key of {what}"), null);
            if (key is null) continue;
            if (!known.Contains(key))
            {
                Report(Error(keyNode, $"unknown key '{key}' in {what}; {Suggestions.DidYouMean(key, known)}"));
                // A typo is read as the key it most likely means, so that its value is checked too and the key
                // is not also reported missing.
                if (Suggestions.Nearest(key, known) is { } meant && !map.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == meant))
                    result.TryAdd(meant, value);
            }
            else if (!result.TryAdd(key, value))
                Report(Error(keyNode, $"the key '{key}' appears twice in {what}"));
        }
        var missing = required.Where(k => !result.ContainsKey(k)).ToList();
        foreach (var key in missing.Skip(1))
            Report(Error(map, $"{what} needs the key '{key}'"));
        if (missing.Count > 0)
            throw Error(map, $"{what} needs the key '{missing[0]}'");
        return result;
    }
}
