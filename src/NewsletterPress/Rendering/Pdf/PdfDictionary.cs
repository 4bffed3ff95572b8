using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// A dictionary object (ISO 32000-1 §7.3.7) being written. Keys keep the order in which
/// the code sets them, which is fixed, so the output is deterministic; setting a key twice
/// is a bug and throws. The object-kind writers (catalog, page, font…) build on this.
/// </summary>
internal sealed class PdfDictionary
{
    private readonly List<(string Key, string Value)> _entries = [];

    public PdfDictionary() { }

    public PdfDictionary(string type) => Name("Type", type);

    public int Count => _entries.Count;

    /// <summary>An already-written value; private, so every caller goes through a typed method.</summary>
    private PdfDictionary Raw(string key, string value)
    {
        foreach (var (k, _) in _entries)
        {
            if (k == key)
                throw new InvalidOperationException($"Key /{key} set twice.");
        }
        _entries.Add((key, value));
        return this;
    }

    public PdfDictionary Name(string key, string name) => Raw(key, PdfSyntax.Name(name));
    public PdfDictionary Number(string key, double value) => Raw(key, PdfSyntax.Number(value));
    public PdfDictionary Integer(string key, long value) => Raw(key, PdfSyntax.Integer(value));
    public PdfDictionary Bool(string key, bool value) => Raw(key, value ? "true" : "false");
    public PdfDictionary Ref(string key, PdfRef value) => Raw(key, value.ToString());
    public PdfDictionary TextString(string key, string text) => Raw(key, PdfSyntax.TextString(text));
    public PdfDictionary LiteralString(string key, string ascii) => Raw(key, PdfSyntax.LiteralString(ascii));
    public PdfDictionary HexString(string key, ReadOnlySpan<byte> bytes) => Raw(key, PdfSyntax.HexString(bytes));
    public PdfDictionary Dict(string key, PdfDictionary value) => Raw(key, value.ToString());
    public PdfDictionary Array(string key, PdfArray value) => Raw(key, value.ToString());

    public override string ToString()
    {
        var sb = new StringBuilder("<<");
        foreach (var (key, value) in _entries)
            sb.Append(' ').Append(PdfSyntax.Name(key)).Append(' ').Append(value);
        return sb.Append(" >>").ToString();
    }
}
