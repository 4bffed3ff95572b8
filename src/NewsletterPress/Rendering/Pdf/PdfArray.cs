using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>An array object (ISO 32000-1 §7.3.6) being written.</summary>
internal sealed class PdfArray
{
    private readonly List<string> _items = [];

    public int Count => _items.Count;

    /// <summary>An already-written token; private, so every caller goes through a typed method.</summary>
    private PdfArray Raw(string value)
    {
        _items.Add(value);
        return this;
    }

    public PdfArray Number(double value) => Raw(PdfSyntax.Number(value));
    public PdfArray Integer(long value) => Raw(PdfSyntax.Integer(value));
    public PdfArray Name(string name) => Raw(PdfSyntax.Name(name));
    public PdfArray Ref(PdfRef value) => Raw(value.ToString());
    public PdfArray TextString(string text) => Raw(PdfSyntax.TextString(text));
    public PdfArray LiteralString(string ascii) => Raw(PdfSyntax.LiteralString(ascii));
    public PdfArray HexString(ReadOnlySpan<byte> bytes) => Raw(PdfSyntax.HexString(bytes));
    /// <summary>The null object (§7.3.9), e.g. "leave unchanged" in an /XYZ destination.</summary>
    public PdfArray Null() => Raw("null");
    public PdfArray Dict(PdfDictionary value) => Raw(value.ToString());
    public PdfArray Array(PdfArray value) => Raw(value.ToString());

    public static PdfArray Of(params double[] numbers)
    {
        var array = new PdfArray();
        foreach (var n in numbers)
            array.Number(n);
        return array;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < _items.Count; i++)
        {
            if (i > 0)
                sb.Append(' ');
            sb.Append(_items[i]);
        }
        return sb.Append(']').ToString();
    }
}
