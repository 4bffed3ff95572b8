using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsletterPress.Text.Phrases;

/// <summary>
/// Where Japanese text divides into phrases (文節), by Google's BudouX model (Apache-2.0; see README.md here): the
/// boundaries a designer breaks a display line at. A port of BudouX's <c>Parser.parseBoundaries</c>, written by hand
/// because no .NET package of it exists; the model, a table of weights, is the published one, read from
/// <c>budoux-ja.json</c>.
/// </summary>
internal sealed class PhraseBoundaries
{
    private static readonly Lazy<PhraseBoundaries> LazyJapanese = new(() => Load("budoux-ja.json"));

    /// <summary>The Japanese model.</summary>
    public static PhraseBoundaries Japanese => LazyJapanese.Value;

    /// <summary>The feature groups of the model: which characters around a position each one looks at, as offsets
    /// [from, to) from the position (BudouX's UW1–UW6 unigrams, BW1–BW3 bigrams, TW1–TW4 trigrams).</summary>
    private static readonly (string Name, int From, int To)[] Features =
    [
        ("UW1", -3, -2), ("UW2", -2, -1), ("UW3", -1, 0), ("UW4", 0, 1), ("UW5", 1, 2), ("UW6", 2, 3),
        ("BW1", -2, 0), ("BW2", -1, 1), ("BW3", 0, 2),
        ("TW1", -3, 0), ("TW2", -2, 1), ("TW3", -1, 2), ("TW4", 0, 3),
    ];

    private readonly Dictionary<string, int>[] _weights;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _lookups;
    private readonly double _baseScore;

    private PhraseBoundaries(Dictionary<string, Dictionary<string, int>> model)
    {
        _weights = [.. Features.Select(f => model.GetValueOrDefault(f.Name) ?? [])];
        _lookups = [.. _weights.Select(w => w.GetAlternateLookup<ReadOnlySpan<char>>())];
        // BudouX: the base score is minus half the sum of every weight, so a position needs more than half for a boundary.
        _baseScore = -0.5 * model.Values.SelectMany(group => group.Values).Sum(w => (double)w);
    }

    private static PhraseBoundaries Load(string resource)
    {
        var assembly = typeof(PhraseBoundaries).Assembly;
        using var stream = assembly.GetManifestResourceStream($"NewsletterPress.Text.Phrases.{resource}")
            ?? throw new InvalidOperationException($"the phrase model {resource} is missing from the build");
        var model = JsonSerializer.Deserialize(stream, PhraseModelJsonContext.Default.DictionaryStringDictionaryStringInt32)
            ?? throw new InvalidOperationException($"the phrase model {resource} is empty");
        return new PhraseBoundaries(model);
    }

    /// <summary>Per UTF-16 index of <paramref name="text"/> (its length plus one), whether a phrase starts there; never at
    /// 0 or at the end.</summary>
    public bool[] Find(string text)
    {
        var result = new bool[text.Length + 1];
        for (int i = 1; i < text.Length; i++)
        {
            double score = _baseScore;
            for (int f = 0; f < Features.Length; f++)
            {
                var window = Window(text, i + Features[f].From, i + Features[f].To);
                if (!window.IsEmpty && _lookups[f].TryGetValue(window, out int weight)) score += weight;
            }
            result[i] = score > 0;
        }
        return result;
    }

    /// <summary>JavaScript's <c>substring(from, to)</c>, which BudouX's model was made with: the indices clamped to the
    /// text (so a window reaching before its start is shorter, not empty).</summary>
    private static ReadOnlySpan<char> Window(string text, int from, int to)
    {
        from = Math.Clamp(from, 0, text.Length);
        to = Math.Clamp(to, 0, text.Length);
        return from <= to ? text.AsSpan(from, to - from) : text.AsSpan(to, from - to);
    }
}

/// <summary>The model's JSON (feature group → feature → weight), read by a source-generated reader: no reflection, so
/// the Native AOT build needs no runtime code for it.</summary>
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, int>>))]
internal sealed partial class PhraseModelJsonContext : JsonSerializerContext;
