using System.Text.Json;
using NewsletterPress.Tests.Pdf;

namespace NewsletterPress.Tests.Support;

/// <summary>A PDF's objects as qpdf reads them (<c>qpdf --json=2</c>), with references followed.</summary>
internal sealed class PdfObjects : IDisposable
{
    private readonly JsonDocument _json;
    private readonly JsonElement _objects;

    public PdfObjects(string pdf)
    {
        _json = JsonDocument.Parse(PdfTools.Ok("qpdf", "--json=2", "--json-key=qpdf", pdf));
        _objects = _json.RootElement.GetProperty("qpdf")[1];
        Root = Get(_objects.GetProperty("trailer").GetProperty("value").GetProperty("/Root"));
        PageReferences = Get(Get(Root.GetProperty("/Pages")).GetProperty("/Kids")).EnumerateArray().Select(k => k.GetString()!).ToList();
    }

    /// <summary>The document catalogue.</summary>
    public JsonElement Root { get; }

    /// <summary>The pages, as references ("12 0 R"), in order.</summary>
    public IReadOnlyList<string> PageReferences { get; }

    /// <summary>The page dictionary of page <paramref name="index"/> (0-based).</summary>
    public JsonElement Page(int index) => Get(JsonDocument.Parse($"\"{PageReferences[index]}\"").RootElement);

    /// <summary>The object a reference ("12 0 R") points at, or the value itself when it is not a reference.</summary>
    public JsonElement Get(JsonElement reference) =>
        reference.ValueKind == JsonValueKind.String && reference.GetString()!.EndsWith(" R", StringComparison.Ordinal)
            ? _objects.GetProperty("obj:" + reference.GetString()).GetProperty("value")
            : reference;

    public void Dispose() => _json.Dispose();
}
