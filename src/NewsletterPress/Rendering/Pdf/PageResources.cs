namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The resources one page's content stream uses (ISO 32000-1 §7.8.3, Table 33), collected
/// while painting: fonts, image XObjects and colour spaces, each by resource name.
/// </summary>
internal sealed class PageResources
{
    private readonly SortedDictionary<string, PdfRef> _fonts = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PdfRef> _xObjects = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PdfRef> _colourSpaces = new(StringComparer.Ordinal);

    public void Font(string name, PdfRef font) => _fonts.TryAdd(name, font);
    public void XObject(string name, PdfRef xObject) => _xObjects.TryAdd(name, xObject);
    public void ColourSpace(string name, PdfRef colourSpace) => _colourSpaces.TryAdd(name, colourSpace);

    public PdfDictionary ToDictionary()
    {
        var resources = new PdfDictionary();
        Add(resources, "Font", _fonts);
        Add(resources, "XObject", _xObjects);
        Add(resources, "ColorSpace", _colourSpaces);
        return resources;
    }

    private static void Add(PdfDictionary resources, string key, SortedDictionary<string, PdfRef> entries)
    {
        if (entries.Count == 0)
            return;
        var dictionary = new PdfDictionary();
        foreach (var (name, reference) in entries)
            dictionary.Ref(name, reference);
        resources.Dict(key, dictionary);
    }
}
