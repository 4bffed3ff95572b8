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
internal sealed class YamlNodes(string file)
{
    public string File { get; } = file;

    public SourcePosition At(YamlNode node) => At(node.Start);
    public SourcePosition At(Mark mark) => new(File, (int)mark.Line, (int)mark.Column);

    public InputException Error(YamlNode node, string message) => new(At(node), message);

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
        throw Error(node, $"{what} must be text");
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
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
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

    /// <summary>The mapping's entries by key, after checking that every key is one we know.</summary>
    public Dictionary<string, YamlNode> Entries(YamlMappingNode map, string what, IReadOnlyCollection<string> known,
        params string[] required)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = String(keyNode, $"a key of {what}");
            if (!known.Contains(key))
                throw Error(keyNode, $"unknown key '{key}' in {what}; {Suggestions.DidYouMean(key, known)}");
            if (!result.TryAdd(key, value))
                throw Error(keyNode, $"the key '{key}' appears twice in {what}");
        }
        foreach (var key in required)
            if (!result.ContainsKey(key))
                throw Error(map, $"{what} needs the key '{key}'");
        return result;
    }
}
