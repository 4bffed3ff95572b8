using System.Text;
using System.Text.Json;

namespace NewsletterPress.Tests.Pdf;

/// <summary>
/// Reads a PDF's objects back through qpdf's JSON (qpdf --json=2), so that tests check the
/// structure a real reader sees rather than strings in our own output.
/// </summary>
internal sealed class PdfInspector
{
    private readonly Dictionary<string, JsonElement> _objects = new(StringComparer.Ordinal);

    public PdfInspector(string path)
    {
        Path = path;
        using var json = JsonDocument.Parse(PdfTools.Ok("qpdf", "--json=2", "--json-key=qpdf", path));
        var objects = json.RootElement.GetProperty("qpdf")[1];
        foreach (var property in objects.EnumerateObject())
        {
            var key = property.Name.StartsWith("obj:", StringComparison.Ordinal) ? property.Name[4..] : property.Name;
            var value = property.Value.TryGetProperty("stream", out var stream) ? stream.GetProperty("dict") : property.Value.GetProperty("value");
            _objects[key] = value.Clone();
        }
    }

    public string Path { get; }

    public JsonElement Trailer => _objects["trailer"];

    public JsonElement Catalog => Get(Trailer.GetProperty("/Root"));

    public JsonElement Info => Get(Trailer.GetProperty("/Info"));

    /// <summary>Follows an indirect reference ("12 0 R"); any other value is returned as is.</summary>
    public JsonElement Get(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.EndsWith(" R", StringComparison.Ordinal)
            ? _objects[value.GetString()!]
            : value;

    public JsonElement Get(JsonElement dictionary, string key) => Get(dictionary.GetProperty(key));

    public bool Has(JsonElement dictionary, string key) =>
        dictionary.ValueKind == JsonValueKind.Object && dictionary.TryGetProperty(key, out _);

    public IEnumerable<string> References => _objects.Keys.Where(k => k.EndsWith(" R", StringComparison.Ordinal));

    public JsonElement Object(string reference) => _objects[reference];

    /// <summary>The page objects' references in page order (flat page tree).</summary>
    public IReadOnlyList<string> Pages =>
        [.. Get(Catalog, "/Pages").GetProperty("/Kids").EnumerateArray().Select(k => k.GetString()!)];

    /// <summary>A stream's decoded data.</summary>
    public byte[] StreamData(string reference)
    {
        var number = reference.Split(' ')[0];
        var output = Path + "." + number + ".bin";
        PdfTools.Ok("sh", "-c", $"qpdf --show-object={number} --filtered-stream-data '{Path}' > '{output}'");
        return File.ReadAllBytes(output);
    }

    /// <summary>The page's content stream as text (our content streams are ASCII).</summary>
    public string PageContent(string pageReference)
    {
        var contents = Object(pageReference).GetProperty("/Contents");
        var refs = contents.ValueKind == JsonValueKind.Array ? contents.EnumerateArray().Select(c => c.GetString()!).ToList() : [contents.GetString()!];
        return string.Concat(refs.Select(r => Encoding.Latin1.GetString(StreamData(r))));
    }

    /// <summary>A text string as qpdf shows it ("u:…" or "b:…" prefixes removed).</summary>
    public static string Text(JsonElement value)
    {
        var s = value.GetString()!;
        return s.Length > 2 && s[1] == ':' ? s[2..] : s;
    }

    public static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
