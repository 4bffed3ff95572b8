using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.MarkedContent;
using UglyToad.PdfPig.Graphics.Operations.PathPainting;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Graphics.Operations.TextState;
using UglyToad.PdfPig.Tokens;

namespace NewsletterPress.Preflight;

/// <summary>A colour space used to paint (not merely set): which family, on which page, by what.</summary>
internal sealed record ColourUse(int Page, string Space, string How);

/// <summary>The character codes a font was shown with, and what it is called.</summary>
internal sealed class FontUse(string key, string resourceName, DictionaryToken font)
{
    public string Key { get; } = key;
    public string ResourceName { get; } = resourceName;
    public DictionaryToken Font { get; } = font;
    public HashSet<uint> Codes { get; } = [];
    public int FirstPage { get; set; }
}

/// <summary>
/// Walks every page's content, and the forms it draws, operator by operator (ISO 32000-1 §8, §9,
/// §14.6) and records what the conformance checks measure: the colour space of each painting
/// operator (the current fill or stroke space when text, a path or a shading is painted),
/// transparency set through the graphics state, painting outside any marked-content sequence and
/// marked content nested against the rules, and the codes each font is shown with.
/// </summary>
internal sealed class ContentScan
{
    private readonly PdfFile _file;

    private ContentScan(PdfFile file) => _file = file;

    public List<ColourUse> Colours { get; } = [];
    public List<(int Page, string What)> Transparency { get; } = [];
    public List<(int Page, string What)> Unmarked { get; } = [];
    public List<(int Page, string What)> BadNesting { get; } = [];
    public Dictionary<string, FontUse> Fonts { get; } = new(StringComparer.Ordinal);

    public static ContentScan Of(PdfFile file)
    {
        var scan = new ContentScan(file);
        for (var i = 0; i < file.Pages.Count; i++)
        {
            var page = file.Pages[i];
            var resources = file.Resources(page);
            scan.Walk(i + 1, page.Operations, resources, new State(), [], depth: 0);
            if (file.Get(page.Dictionary, "Group") is DictionaryToken group && file.Name(group, "S") == "Transparency")
                scan.Transparency.Add((i + 1, "a transparency group on the page"));
        }
        return scan;
    }

    /// <summary>Fill and stroke colour space families, the font and whether text is painted at all (mode 3 is invisible).</summary>
    private sealed class State
    {
        public string Fill = "DeviceGray", Stroke = "DeviceGray";
        public FontUse? Font;
        public int RenderingMode;
        public State Copy() => (State)MemberwiseClone();
    }

    private void Walk(int page, IReadOnlyList<IGraphicsStateOperation> operations, DictionaryToken? resources, State state,
        List<(string Tag, bool Tagged)> marks, int depth)
    {
        var saved = new Stack<State>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case Push:
                    saved.Push(state.Copy());
                    break;
                case Pop when saved.Count > 0:
                    state = saved.Pop();
                    break;
                case SetNonStrokeColorDeviceGray: state.Fill = "DeviceGray"; break;
                case SetStrokeColorDeviceGray: state.Stroke = "DeviceGray"; break;
                case SetNonStrokeColorDeviceRgb: state.Fill = "DeviceRGB"; break;
                case SetStrokeColorDeviceRgb: state.Stroke = "DeviceRGB"; break;
                case SetNonStrokeColorDeviceCmyk: state.Fill = "DeviceCMYK"; break;
                case SetStrokeColorDeviceCmyk: state.Stroke = "DeviceCMYK"; break;
                case SetNonStrokeColorSpace fill: state.Fill = SpaceFamily(fill.Name.Data, resources); break;
                case SetStrokeColorSpace stroke: state.Stroke = SpaceFamily(stroke.Name.Data, resources); break;
                case SetGraphicsStateParametersFromDictionary gs:
                    GraphicsState(page, gs.Name.Data, resources);
                    break;
                case SetFontAndSize font:
                    state.Font = FontOf(page, font.Font.Data, resources);
                    break;
                case SetTextRenderingMode mode:
                    state.RenderingMode = (int)mode.Mode;
                    break;
                case BeginMarkedContent bmc:
                    Begin(page, marks, bmc.Name.Data, tagged: false);
                    break;
                case BeginMarkedContentWithProperties bdc:
                    Begin(page, marks, bdc.Name.Data, tagged: Mcid(bdc, resources) is not null);
                    break;
                case EndMarkedContent when marks.Count > 0:
                    marks.RemoveAt(marks.Count - 1);
                    break;
                case ShowText tj: Text(page, state, marks, tj.Bytes.ToArray()); break;
                case MoveToNextLineShowText quote: Text(page, state, marks, quote.Bytes.ToArray()); break;
                case MoveToNextLineShowTextWithSpacing quotes: Text(page, state, marks, quotes.Bytes.ToArray()); break;
                case ShowTextsWithPositioning array:
                    foreach (var item in array.Array)
                    {
                        if (item is StringToken s) Text(page, state, marks, s.GetBytes());
                        else if (item is HexToken h) Text(page, state, marks, [.. h.Bytes]);
                    }
                    break;
                case FillPathEvenOddRule or FillPathNonZeroWinding or FillPathNonZeroWindingCompatibility:
                    Paint(page, marks, state.Fill, "a filled path");
                    break;
                case StrokePath or CloseAndStrokePath:
                    Paint(page, marks, state.Stroke, "a stroked path");
                    break;
                case FillPathEvenOddRuleAndStroke or FillPathNonZeroWindingAndStroke or CloseFillPathEvenOddRuleAndStroke
                    or CloseFillPathNonZeroWindingAndStroke:
                    Paint(page, marks, state.Fill, "a filled path");
                    Paint(page, marks, state.Stroke, "a stroked path");
                    break;
                case PaintShading shading:
                    Paint(page, marks, ShadingSpace(shading.Name.Data, resources), "a shading");
                    break;
                case InvokeNamedXObject xObject:
                    XObject(page, xObject.Name.Data, resources, state, marks, depth);
                    break;
            }
        }
    }

    private void Begin(int page, List<(string Tag, bool Tagged)> marks, string tag, bool tagged)
    {
        var insideArtifact = marks.Any(m => m.Tag == "Artifact");
        var insideTagged = marks.Any(m => m.Tagged);
        if (tag == "Artifact" && insideTagged)
            BadNesting.Add((page, "an artifact inside tagged content"));
        else if (tagged && insideArtifact)
            BadNesting.Add((page, "tagged content inside an artifact"));
        marks.Add((tag, tagged));
    }

    private static int? Mcid(BeginMarkedContentWithProperties bdc, DictionaryToken? resources)
    {
        var properties = bdc.Properties;
        if (properties is null && bdc.PropertyDictionaryName is { } name && resources is not null
            && resources.Data.TryGetValue("Properties", out var list) && list is DictionaryToken named
            && named.Data.TryGetValue(name.Data, out var found))
            properties = found as DictionaryToken;
        return properties is not null && properties.Data.TryGetValue("MCID", out var mcid) && mcid is NumericToken n ? n.Int : null;
    }

    private void Text(int page, State state, List<(string Tag, bool Tagged)> marks, byte[] bytes)
    {
        if (state.Font is { } font)
        {
            var twoByte = font.Font.Data.TryGetValue("Subtype", out var subtype) && subtype is NameToken { Data: "Type0" };
            for (var i = 0; i + (twoByte ? 1 : 0) < bytes.Length; i += twoByte ? 2 : 1)
                font.Codes.Add(twoByte ? (uint)((bytes[i] << 8) | bytes[i + 1]) : bytes[i]);
        }
        if (state.RenderingMode != 3 && bytes.Length > 0)
            Paint(page, marks, state.Fill, "text");
    }

    private void Paint(int page, List<(string Tag, bool Tagged)> marks, string space, string how)
    {
        if (marks.Count == 0)
            Unmarked.Add((page, how));
        Colours.Add(new ColourUse(page, space, how));
    }

    private FontUse? FontOf(int page, string name, DictionaryToken? resources)
    {
        var fonts = _file.Dictionary(resources, "Font");
        if (fonts is null || !fonts.Data.TryGetValue(name, out var entry) || _file.Resolve(entry) is not DictionaryToken font)
            return null;
        var key = entry is IndirectReferenceToken r ? $"{r.Data.ObjectNumber} {r.Data.Generation}" : $"page {page} /{name}";
        if (!Fonts.TryGetValue(key, out var use))
            Fonts[key] = use = new FontUse(key, name, font) { FirstPage = page };
        return use;
    }

    private void GraphicsState(int page, string name, DictionaryToken? resources)
    {
        var state = _file.Dictionary(_file.Dictionary(resources, "ExtGState"), name);
        if (state is null)
            return;
        if (_file.Get(state, "SMask") is { } mask && mask is not NameToken { Data: "None" })
            Transparency.Add((page, "a soft mask in the graphics state"));
        foreach (var key in new[] { "CA", "ca" })
        {
            if (_file.Number(state, key) is { } alpha && alpha < 1)
                Transparency.Add((page, $"/{key} {alpha:0.###} (constant opacity)"));
        }
        if (_file.Get(state, "BM") is { } blend && blend is not NameToken { Data: "Normal" or "Compatible" })
            Transparency.Add((page, "a blend mode other than Normal"));
    }

    private void XObject(int page, string name, DictionaryToken? resources, State state, List<(string Tag, bool Tagged)> marks, int depth)
    {
        var xObjects = _file.Dictionary(resources, "XObject");
        if (xObjects is null || !xObjects.Data.TryGetValue(name, out var entry) || _file.Resolve(entry) is not StreamToken stream)
            return;
        var dictionary = stream.StreamDictionary;
        var subtype = _file.Name(dictionary, "Subtype");
        if (subtype == "Image")
        {
            // Colour and resolution of images are measured from PdfPig's image list; here only whether it is marked.
            if (marks.Count == 0)
                Unmarked.Add((page, "an image"));
            if (_file.Get(dictionary, "SMask") is StreamToken)
                Transparency.Add((page, "an image with a soft mask (/SMask)"));
            return;
        }
        if (subtype != "Form" || depth > 8)
            return;
        if (_file.Get(dictionary, "Group") is DictionaryToken group && _file.Name(group, "S") == "Transparency")
            Transparency.Add((page, "a transparency group (form XObject)"));
        var formResources = _file.Dictionary(dictionary, "Resources") ?? resources;
        Walk(page, _file.FormOperations(stream), formResources, state.Copy(), [.. marks], depth + 1);
    }

    /// <summary>The family of a named colour space (§8.6): the resource's first name, with Indexed's base.</summary>
    private string SpaceFamily(string name, DictionaryToken? resources)
    {
        if (name is "DeviceGray" or "DeviceRGB" or "DeviceCMYK" or "Pattern")
            return name;
        return Family(_file.Get(_file.Dictionary(resources, "ColorSpace"), name));
    }

    public string Family(IToken? space)
    {
        switch (_file.Resolve(space))
        {
            case NameToken n:
                return n.Data;
            case ArrayToken { Length: > 0 } a when _file.Resolve(a.Data[0]) is NameToken family:
                if (family.Data == "Indexed" && a.Length > 1)
                    return Family(a.Data[1]);
                if (family.Data == "ICCBased" && a.Length > 1 && _file.Resolve(a.Data[1]) is StreamToken profile)
                    return "ICCBased " + (_file.Number(profile.StreamDictionary, "N") switch { 1 => "Gray", 3 => "RGB", 4 => "CMYK", var n => n?.ToString() ?? "?" });
                return family.Data;
            default:
                return "unknown";
        }
    }

    private string ShadingSpace(string name, DictionaryToken? resources) =>
        Family(_file.Get(_file.Dictionary(_file.Dictionary(resources, "Shading"), name), "ColorSpace"));
}
