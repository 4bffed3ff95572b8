using System.Globalization;
using System.Xml.Linq;
using UglyToad.PdfPig.Tokens;

namespace NewsletterPress.Preflight;

/// <summary>
/// The clauses of PDF/X-4, PDF/X-1a:2001, PDF/A-3u and PDF/UA-1 that concern the whole file: its
/// version and keys, identification, output intent, page boxes, annotations, colour, transparency,
/// fonts, embedded files and actions. Everything is read from the file; each finding names its clause.
/// </summary>
internal sealed class ConformanceChecks(PdfFile file, ContentScan content, IReadOnlyList<FontMeasurement> fonts, List<Finding> findings,
    Func<int, double[], string?>? imageName = null)
{
    private static readonly XNamespace PdfXId = "http://www.npes.org/pdfx/ns/id/";
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace PdfUaId = "http://www.aiim.org/pdfua/ns/id/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace PdfASchema = "http://www.aiim.org/pdfa/ns/schema#";
    private static readonly XNamespace PdfAType = "http://www.aiim.org/pdfa/ns/type#";
    private static readonly XNamespace PdfAExtension = "http://www.aiim.org/pdfa/ns/extension/";

    /// <summary>PDF 1.4 and later keys of the catalog and pages (ISO 32000-1 Tables 28, 30) that a PDF 1.3 file must not have.</summary>
    private static readonly (string Key, string Version)[] CatalogKeysAfter13 =
    [
        ("Version", "1.4"), ("AA", "1.4"), ("Metadata", "1.4"), ("MarkInfo", "1.4"), ("Lang", "1.4"), ("PieceInfo", "1.4"),
        ("OCProperties", "1.5"), ("Perms", "1.5"), ("Legal", "1.5"), ("Requirements", "1.7"), ("Collection", "1.7"), ("NeedsRendering", "1.7"), ("AF", "2.0"),
    ];

    private static readonly (string Key, string Version)[] PageKeysAfter13 =
        [("Group", "1.4"), ("Metadata", "1.4"), ("Tabs", "1.5"), ("TemplateInstantiated", "1.5"), ("PresSteps", "1.5"), ("UserUnit", "1.6"), ("VP", "1.6")];

    public void PdfX4()
    {
        Version("1.6", Clauses.PdfX4.Version);
        NotEncrypted(Clauses.PdfX4.Encryption);
        var xmp = file.Xmp;
        var version = xmp?.Descendants(PdfXId + "GTS_PDFXVersion").FirstOrDefault()?.Value ?? xmp?.Descendants().Attributes(PdfXId + "GTS_PDFXVersion").FirstOrDefault()?.Value;
        if (version is null || !version.StartsWith("PDF/X-4", StringComparison.Ordinal))
            Error("identification", version is null ? "the XMP metadata does not name PDF/X-4 (pdfxid:GTS_PDFXVersion)" : $"the XMP metadata names {version}, not PDF/X-4", Clauses.PdfX4.Identification);
        Trapped(Clauses.PdfX4.Trapped);
        var intentSpace = PrintOutputIntent(Clauses.PdfX4.OutputIntent);
        Boxes(Clauses.PdfX4.Boxes);
        AnnotationsOutsideBleed(Clauses.PdfX4.Annotations);
        FontsEmbedded(Clauses.PdfX4.Fonts);
        // §6.2.4.3: device RGB only with an RGB output intent; CMYK and gray are the intent's own values.
        if (intentSpace != "RGB ")
            DeviceColour("DeviceRGB", $"DeviceRGB is used but the output intent is {Describe(intentSpace)}", Clauses.PdfX4.Colour);
        foreach (var image in ImageSpaces().Where(i => i.Space == "DeviceRGB" && intentSpace != "RGB "))
            Error("colour", $"{image.Label} is DeviceRGB but the output intent is {Describe(intentSpace)}", Clauses.PdfX4.Colour, $"page {image.Page}");
    }

    public void PdfX1a()
    {
        Version("1.3", Clauses.PdfX1a.Version);
        if (file.HasCrossReferenceStream || file.HasObjectStreams)
            Error("version", "the file uses cross-reference or object streams, which PDF 1.3 does not have", Clauses.PdfX1a.Version);
        foreach (var (key, version) in CatalogKeysAfter13.Where(k => file.Catalog.Data.ContainsKey(k.Key)))
            Error("version", $"the catalog has /{key}, a key of PDF {version}", Clauses.PdfX1a.Version);
        if (file.Dictionary(file.Catalog, "ViewerPreferences") is { } preferences && preferences.Data.ContainsKey("DisplayDocTitle"))
            Error("version", "the viewer preferences have /DisplayDocTitle, a key of PDF 1.4", Clauses.PdfX1a.Version);
        for (var i = 0; i < file.Pages.Count; i++)
        {
            foreach (var (key, version) in PageKeysAfter13.Where(k => file.Pages[i].Dictionary.Data.ContainsKey(k.Key)))
                Error("version", $"the page has /{key}, a key of PDF {version}", Clauses.PdfX1a.Version, $"page {i + 1}");
        }
        NotEncrypted(Clauses.PdfX1a.Encryption);
        var info = file.Info;
        if (file.Text(info, "GTS_PDFXVersion") is not "PDF/X-1:2001" || file.Text(info, "GTS_PDFXConformance") is not "PDF/X-1a:2001")
            Error("identification", "the Info dictionary does not say /GTS_PDFXVersion (PDF/X-1:2001) and /GTS_PDFXConformance (PDF/X-1a:2001)", Clauses.PdfX1a.Identification);
        Trapped(Clauses.PdfX1a.Trapped);
        PrintOutputIntent(Clauses.PdfX1a.OutputIntent);
        Boxes(Clauses.PdfX1a.Boxes);
        AnnotationsOutsideBleed(Clauses.PdfX1a.Annotations);
        FontsEmbedded(Clauses.PdfX1a.Fonts);
        foreach (var (page, what) in content.Transparency.Distinct())
            Error("transparency", $"{what}: PDF/X-1a allows no transparency", Clauses.PdfX1a.Transparency, $"page {page}");
        // §6.2.3: CMYK, gray, and separations or DeviceN (and Indexed or patterns of them) only.
        foreach (var use in content.Colours.Where(c => !IsX1aSpace(c.Space)).DistinctBy(c => (c.Page, c.Space)))
            Error("colour", $"{use.How} is painted in {use.Space}; PDF/X-1a allows only CMYK, gray and spot colours", Clauses.PdfX1a.Colour, $"page {use.Page}");
        foreach (var image in ImageSpaces().Where(i => !IsX1aSpace(i.Space)))
            Error("colour", $"{image.Label} is {image.Space}; PDF/X-1a allows only CMYK, gray and spot colours: convert it, or use --profile print (PDF/X-4)",
                Clauses.PdfX1a.Colour, $"page {image.Page}");
    }

    public void PdfA3U()
    {
        if (file.HeaderVersion.Length != 3 || !file.HeaderVersion.StartsWith("1.", StringComparison.Ordinal) || !file.HasBinaryComment)
            Error("version", $"the header is not %PDF-1.n followed by a comment of four binary bytes (it says {file.HeaderVersion})", Clauses.PdfA3.Header);
        if (file.Trailer.Identifier is not { Count: 2 })
            Error("file", "the trailer has no /ID", Clauses.PdfA3.Trailer);
        NotEncrypted(Clauses.PdfA3.Trailer);
        var xmp = file.Xmp;
        if (xmp is null)
        {
            Error("identification", "the catalog has no XMP metadata stream", Clauses.PdfA3.Metadata);
        }
        else
        {
            var part = Property(xmp, PdfAId, "part");
            var conformance = Property(xmp, PdfAId, "conformance");
            if (part != "3" || conformance is not ("U" or "A"))
                Error("identification", part is null ? "the XMP metadata has no PDF/A identification (pdfaid:part)" : $"the XMP metadata says PDF/A-{part}{conformance}, not PDF/A-3u", Clauses.PdfA3.Identification);
            XmpSchemas(xmp);
        }
        var intent = OutputIntents().FirstOrDefault(i => file.Name(i, "S") == "GTS_PDFA1");
        string? intentSpace = null;
        if (intent is null)
            Error("output intent", "there is no /GTS_PDFA1 output intent", Clauses.PdfA3.OutputIntent);
        else if (IccHeader(file.Get(intent, "DestOutputProfile") as StreamToken) is not { } header)
            Error("output intent", "the PDF/A output intent has no ICC profile as /DestOutputProfile", Clauses.PdfA3.OutputIntent);
        else if (header.DeviceClass is not ("prtr" or "mntr") || header.Space is not ("RGB " or "CMYK" or "GRAY") || header.Major >= 5)
            Error("output intent", $"the output profile is device class '{header.DeviceClass}', colour space '{header.Space.Trim()}', version {header.Major}", Clauses.PdfA3.OutputIntent);
        else
            intentSpace = header.Space;
        foreach (var (space, needs) in new[] { ("DeviceRGB", "RGB "), ("DeviceCMYK", "CMYK") })
        {
            if (intentSpace != needs)
                DeviceColour(space, $"{space} is used but the PDF/A output intent is {Describe(intentSpace)}", Clauses.PdfA3.DeviceColour);
            foreach (var image in ImageSpaces().Where(i => i.Space == space && intentSpace != needs))
                Error("colour", $"{image.Label} is {space} but the PDF/A output intent is {Describe(intentSpace)}", Clauses.PdfA3.DeviceColour, $"page {image.Page}");
        }
        if (intentSpace is null)
            DeviceColour("DeviceGray", "DeviceGray is used without a PDF/A output intent", Clauses.PdfA3.DeviceColour);
        FontsEmbedded(Clauses.PdfA3.FontEmbedding);
        FontsMapped(Clauses.PdfA3.ToUnicode);
        FontWidths(Clauses.PdfA3.FontWidths);
        Annotations(pdfA: true);
        EmbeddedFiles(Clauses.PdfA3.EmbeddedFiles, pdfA: true);
        Actions();
        foreach (var filtered in file.Dictionaries().Where(d => FilterNames(d.Dictionary).Contains("LZWDecode")).Take(1))
            Error("file", "a stream is LZW-compressed", Clauses.PdfA3.Filters);
    }

    public void PdfUa1(StructureChecks structure)
    {
        var xmp = file.Xmp;
        if (xmp is null || Property(xmp, PdfUaId, "part") != "1")
            Error("identification", "the XMP metadata has no PDF/UA identification (pdfuaid:part 1)", Clauses.PdfUa1.Identification);
        if (file.Dictionary(file.Catalog, "MarkInfo") is not { } markInfo || file.Get(markInfo, "Marked") is not BooleanToken { Data: true })
            Error("structure", "the catalog's /MarkInfo does not say /Marked true", Clauses.PdfUa1.MarkInfo);
        else if (file.Get(markInfo, "Suspects") is BooleanToken { Data: true })
            Error("structure", "/MarkInfo says /Suspects true", Clauses.PdfUa1.General);
        if (xmp is null || !xmp.Descendants(Dc + "title").Any())
            Error("metadata", "the XMP metadata has no dc:title", Clauses.PdfUa1.General);
        if (file.Dictionary(file.Catalog, "ViewerPreferences") is not { } preferences || file.Get(preferences, "DisplayDocTitle") is not BooleanToken { Data: true })
            Error("metadata", "the viewer preferences do not say /DisplayDocTitle true", Clauses.PdfUa1.General);
        if (string.IsNullOrWhiteSpace(file.Text(file.Catalog, "Lang")))
            Error("language", "the catalog has no /Lang, so the language of the text cannot be determined", Clauses.PdfUa1.Language);
        foreach (var (page, how) in content.Unmarked.DistinctBy(u => u.Page))
            Error("structure", $"{how} is neither tagged nor marked as an artifact", Clauses.PdfUa1.General, $"page {page}");
        foreach (var (page, what) in content.BadNesting.DistinctBy(u => u.Page))
            Error("structure", what, Clauses.PdfUa1.General, $"page {page}");
        structure.UniversalAccessibility();
        FontsEmbedded(Clauses.PdfUa1.FontEmbedding);
        FontsMapped(Clauses.PdfUa1.ToUnicode);
        FontWidths(Clauses.PdfUa1.FontWidths);
        for (var i = 0; i < file.Pages.Count; i++)
        {
            var page = file.Pages[i].Dictionary;
            if (file.Array(page, "Annots") is not { Length: > 0 } annotations)
                continue;
            if (file.Name(page, "Tabs") != "S")
                Error("annotation", "a page with annotations has no /Tabs /S", Clauses.PdfUa1.TabOrder, $"page {i + 1}");
            foreach (var annotation in annotations.Data.Select(file.Resolve).OfType<DictionaryToken>())
            {
                var subtype = file.Name(annotation, "Subtype");
                if (subtype is "Widget" or "Popup")
                    continue;
                if (string.IsNullOrWhiteSpace(file.Text(annotation, "Contents")))
                    Error("annotation", $"a {subtype} annotation has no /Contents describing it", subtype == "Link" ? Clauses.PdfUa1.Links : Clauses.PdfUa1.Annotations, $"page {i + 1}");
            }
        }
        EmbeddedFiles(Clauses.PdfUa1.EmbeddedFiles, pdfA: false);
    }

    private void Version(string highest, string clause)
    {
        var header = file.HeaderVersion;
        if (string.CompareOrdinal(header, highest) > 0 || header.Length == 0)
            Error("version", $"the file is PDF {(header.Length == 0 ? "of no version" : header)}; this profile allows PDF {highest} at most", clause);
        if (file.Name(file.Catalog, "Version") is { } catalogVersion && string.CompareOrdinal(catalogVersion, highest) > 0)
            Error("version", $"the catalog's /Version says PDF {catalogVersion}; this profile allows PDF {highest} at most", clause);
    }

    private void NotEncrypted(string clause)
    {
        if (file.Document.IsEncrypted)
            Error("file", "the file is encrypted", clause);
    }

    private void Trapped(string clause)
    {
        if (file.Name(file.Info, "Trapped") is not ("True" or "False"))
            Error("identification", "the Info dictionary's /Trapped is not True or False", clause);
    }

    /// <summary>One /GTS_PDFX output intent with an identifier and an embedded output profile; returns the profile's colour space.</summary>
    private string? PrintOutputIntent(string clause)
    {
        var intents = OutputIntents().Where(i => file.Name(i, "S") == "GTS_PDFX").ToList();
        if (intents.Count != 1)
        {
            Error("output intent", intents.Count == 0 ? "there is no /GTS_PDFX output intent" : "there is more than one /GTS_PDFX output intent", clause);
            return null;
        }
        var intent = intents[0];
        if (string.IsNullOrWhiteSpace(file.Text(intent, "OutputConditionIdentifier")))
            Error("output intent", "the output intent has no /OutputConditionIdentifier", clause);
        var header = IccHeader(file.Get(intent, "DestOutputProfile") as StreamToken);
        if (header is null)
        {
            Error("output intent", "the output intent embeds no ICC profile (/DestOutputProfile)", clause);
            return null;
        }
        if (header.DeviceClass != "prtr")
            Error("output intent", $"the output intent's profile is device class '{header.DeviceClass}', not an output (prtr) profile", clause);
        return header.Space;
    }

    private IEnumerable<DictionaryToken> OutputIntents() =>
        file.Array(file.Catalog, "OutputIntents")?.Data.Select(file.Resolve).OfType<DictionaryToken>() ?? [];

    private sealed record IccHeaderFields(string DeviceClass, string Space, int Major);

    private IccHeaderFields? IccHeader(StreamToken? profile)
    {
        if (profile is null || file.Decode(profile) is not { Length: >= 128 } icc || System.Text.Encoding.ASCII.GetString(icc, 36, 4) != "acsp")
            return null;
        return new IccHeaderFields(System.Text.Encoding.ASCII.GetString(icc, 12, 4), System.Text.Encoding.ASCII.GetString(icc, 16, 4), icc[8]);
    }

    /// <summary>Every page has a TrimBox (or an ArtBox), inside its BleedBox, inside its MediaBox.</summary>
    private void Boxes(string clause)
    {
        for (var i = 0; i < file.Pages.Count; i++)
        {
            var page = file.Pages[i];
            var where = $"page {i + 1}";
            var media = file.Box(page, "MediaBox");
            var trim = file.Box(page, "TrimBox");
            var art = file.Box(page, "ArtBox");
            var bleed = file.Box(page, "BleedBox");
            if (trim is null && art is null)
                Error("boxes", "the page has no TrimBox (nor ArtBox)", clause, where);
            if (trim is not null && art is not null)
                Error("boxes", "the page has both a TrimBox and an ArtBox", clause, where);
            if (media is not null && bleed is not null && !Inside(bleed, media))
                Error("boxes", "the BleedBox reaches outside the MediaBox", clause, where);
            if (trim is not null && !Inside(trim, bleed ?? media ?? trim))
                Error("boxes", "the TrimBox reaches outside the BleedBox", clause, where);
        }
    }

    private static bool Inside(double[] inner, double[] outer) =>
        inner[0] >= outer[0] - 0.01 && inner[1] >= outer[1] - 0.01 && inner[2] <= outer[2] + 0.01 && inner[3] <= outer[3] + 0.01;

    /// <summary>No annotation but TrapNet and PrinterMark may lie on or inside the BleedBox (the TrimBox without one).</summary>
    private void AnnotationsOutsideBleed(string clause)
    {
        for (var i = 0; i < file.Pages.Count; i++)
        {
            var page = file.Pages[i];
            var printed = file.Box(page, "BleedBox") ?? file.Box(page, "TrimBox") ?? file.Box(page, "ArtBox") ?? file.Box(page, "MediaBox");
            if (printed is null || file.Array(page.Dictionary, "Annots") is not { } annotations)
                continue;
            var inside = annotations.Data.Select(file.Resolve).OfType<DictionaryToken>()
                .Where(a => file.Name(a, "Subtype") is not ("TrapNet" or "PrinterMark"))
                .Where(a => file.Array(a, "Rect") is { Length: 4 } r && Overlaps(r.Data.Select(t => (file.Resolve(t) as NumericToken)?.Double ?? 0).ToArray(), printed))
                .GroupBy(a => file.Name(a, "Subtype") ?? "?");
            foreach (var group in inside)
                Error("annotation", $"{group.Count()} {group.Key} annotation(s) inside the printed area (bleed box); print files carry none", clause, $"page {i + 1}");
        }
    }

    private static bool Overlaps(double[] rect, double[] box) =>
        Math.Min(rect[0], rect[2]) < box[2] && Math.Max(rect[0], rect[2]) > box[0] && Math.Min(rect[1], rect[3]) < box[3] && Math.Max(rect[1], rect[3]) > box[1];

    private void FontsEmbedded(string clause)
    {
        foreach (var font in fonts.Where(f => !f.Report.Embedded))
            Error("font", $"{font.Report.Name} is not embedded", clause, $"page {font.FirstPage}");
    }

    private void FontsMapped(string clause)
    {
        foreach (var font in fonts.Where(f => f.UnmappedCodes.Count > 0))
            Error("font", $"{font.Report.Name}: {font.UnmappedCodes.Count} character code(s) shown have no ToUnicode mapping (e.g. {Codes(font.UnmappedCodes)})", clause, $"page {font.FirstPage}");
        foreach (var font in fonts.Where(f => f.BadUnicode.Count > 0))
            Error("font", $"{font.Report.Name}: ToUnicode maps code(s) {Codes(font.BadUnicode)} to U+0000, U+FEFF or U+FFFE", clause, $"page {font.FirstPage}");
    }

    private void FontWidths(string clause)
    {
        foreach (var font in fonts.Where(f => f.WidthMismatches is { Count: > 0 }))
        {
            var (code, dictionary, program) = font.WidthMismatches![0];
            Error("font", $"{font.Report.Name}: {font.WidthMismatches.Count} glyph width(s) in the font dictionary differ from the font program (code {code:X4}: {dictionary.ToString(CultureInfo.InvariantCulture)} against {program.ToString(CultureInfo.InvariantCulture)})", clause, $"page {font.FirstPage}");
        }
    }

    private static string Codes(IEnumerable<uint> codes) => string.Join(", ", codes.Take(3).Select(c => "<" + c.ToString("X4", CultureInfo.InvariantCulture) + ">"));

    /// <summary>A device colour space used to paint, reported once per page.</summary>
    private void DeviceColour(string space, string message, string clause)
    {
        foreach (var use in content.Colours.Where(c => c.Space == space).DistinctBy(c => c.Page))
            Error("colour", $"{message} ({use.How})", clause, $"page {use.Page}");
    }

    /// <summary>Each image's colour space family, and what to call it: its source file when known.</summary>
    private IEnumerable<(int Page, string Space, string Label)> ImageSpaces()
    {
        for (var i = 0; i < file.Pages.Count; i++)
        {
            foreach (var image in file.Pages[i].GetImages())
            {
                if (image.IsImageMask)
                    continue;
                var box = image.BoundingBox;
                var label = imageName?.Invoke(i + 1, [box.Left, box.Bottom, box.Right, box.Top]) is { } path ? Path.GetFileName(path) : "an image";
                yield return (i + 1, content.Family(image.ImageDictionary.Data.GetValueOrDefault("ColorSpace") ?? image.ImageDictionary.Data.GetValueOrDefault("CS")), label);
            }
        }
    }

    private static bool IsX1aSpace(string space) => space is "DeviceCMYK" or "DeviceGray" or "Separation" or "DeviceN" or "Pattern";

    private static string Describe(string? iccSpace) => iccSpace switch
    {
        null => "missing",
        "RGB " => "RGB",
        "GRAY" => "gray",
        _ => iccSpace.Trim(),
    };

    /// <summary>ISO 19005-3 §6.3: allowed annotation types, the Print flag and no hidden ones.</summary>
    private void Annotations(bool pdfA)
    {
        for (var i = 0; i < file.Pages.Count; i++)
        {
            if (file.Array(file.Pages[i].Dictionary, "Annots") is not { } annotations)
                continue;
            foreach (var annotation in annotations.Data.Select(file.Resolve).OfType<DictionaryToken>())
            {
                var subtype = file.Name(annotation, "Subtype");
                if (pdfA && subtype is "3D" or "Sound" or "Screen" or "Movie")
                    Error("annotation", $"a {subtype} annotation", Clauses.PdfA3.AnnotationTypes, $"page {i + 1}");
                if (subtype == "Popup")
                    continue;
                var flags = (int)(file.Number(annotation, "F") ?? -1);
                if (flags < 0 || (flags & 4) == 0 || (flags & (1 | 2 | 32 | 256)) != 0)
                    Error("annotation", $"a {subtype} annotation {(flags < 0 ? "has no /F flags" : "is not set to print, or is hidden")}", Clauses.PdfA3.AnnotationFlags, $"page {i + 1}");
            }
        }
    }

    private void EmbeddedFiles(string clause, bool pdfA)
    {
        var associated = new HashSet<DictionaryToken>(file.Array(file.Catalog, "AF")?.Data.Select(file.Resolve).OfType<DictionaryToken>() ?? []);
        foreach (var (_, spec) in file.Dictionaries().Where(d => d.Dictionary.Data.ContainsKey("EF")))
        {
            var name = file.Text(spec, "UF") ?? file.Text(spec, "F") ?? "(unnamed)";
            if (string.IsNullOrEmpty(file.Text(spec, "F")) || string.IsNullOrEmpty(file.Text(spec, "UF")))
                Error("embedded file", $"the embedded file {name} lacks /F or /UF", clause);
            if (!pdfA)
                continue;
            if (file.Name(spec, "AFRelationship") is null)
                Error("embedded file", $"the embedded file {name} has no /AFRelationship", clause);
            if (!associated.Contains(spec) && !associated.Any(a => a.Equals(spec)))
                Error("embedded file", $"the embedded file {name} is not an associated file (/AF)", clause);
            var stream = file.Dictionary(file.Dictionary(spec, "EF"), "F");
            if (file.Name(stream, "Subtype") is not { } mime || !mime.Contains('/'))
                Error("embedded file", $"the embedded file {name} has no MIME type (/Subtype)", clause);
        }
    }

    /// <summary>ISO 19005-3 §6.5: no forbidden action anywhere, no additional actions on the catalog or pages.</summary>
    private void Actions()
    {
        if (file.Catalog.Data.ContainsKey("AA"))
            Error("action", "the catalog has additional actions (/AA)", Clauses.PdfA3.AdditionalActions);
        for (var i = 0; i < file.Pages.Count; i++)
        {
            if (file.Pages[i].Dictionary.Data.ContainsKey("AA"))
                Error("action", "the page has additional actions (/AA)", Clauses.PdfA3.AdditionalActions, $"page {i + 1}");
        }
        string[] forbidden = ["Launch", "Sound", "Movie", "ResetForm", "ImportData", "Hide", "SetOCGState", "Rendition", "Trans", "GoTo3DView", "JavaScript"];
        foreach (var kind in file.Dictionaries().Where(d => file.Name(d.Dictionary, "Type") is null or "Action")
                     .Select(d => file.Name(d.Dictionary, "S")).Where(s => s is not null && forbidden.Contains(s)).Distinct())
            Error("action", $"a {kind} action", Clauses.PdfA3.Actions);
        if (file.Dictionary(file.Catalog, "Names") is { } names && names.Data.ContainsKey("JavaScript"))
            Error("action", "document JavaScript (/Names /JavaScript)", Clauses.PdfA3.Actions);
    }

    /// <summary>ISO 19005-3 §6.6.2.3.1: every XMP property is of a predefined schema or of one the file describes.</summary>
    private void XmpSchemas(XDocument xmp)
    {
        string[] predefined =
        [
            "http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/xap/1.0/", "http://ns.adobe.com/xap/1.0/rights/",
            "http://ns.adobe.com/xap/1.0/mm/", "http://ns.adobe.com/xap/1.0/bj/", "http://ns.adobe.com/xap/1.0/t/pg/",
            "http://ns.adobe.com/xmp/1.0/DynamicMedia/", "http://ns.adobe.com/pdf/1.3/", "http://ns.adobe.com/photoshop/1.0/",
            "http://ns.adobe.com/camera-raw-settings/1.0/", "http://ns.adobe.com/exif/1.0/", "http://ns.adobe.com/exif/1.0/aux/",
            "http://ns.adobe.com/tiff/1.0/", "http://www.aiim.org/pdfa/ns/id/", "http://www.aiim.org/pdfa/ns/extension/",
            "http://www.aiim.org/pdfa/ns/schema#", "http://www.aiim.org/pdfa/ns/property#", "http://www.aiim.org/pdfa/ns/type#",
            "http://www.aiim.org/pdfa/ns/field#", "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#", "http://ns.adobe.com/xap/1.0/sType/ResourceRef#",
            "http://ns.adobe.com/xap/1.0/sType/Version#", Rdf.NamespaceName, "adobe:ns:meta/",
        ];
        var described = xmp.Descendants(PdfASchema + "namespaceURI").Select(e => e.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var description = xmp.Descendants(Rdf + "Description");
        var used = description.Elements().Select(e => e.Name.NamespaceName)
            .Concat(description.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != XNamespace.None).Select(a => a.Name.NamespaceName));
        foreach (var ns in used.Distinct().Where(ns => !predefined.Contains(ns) && !described.Contains(ns)))
            Error("metadata", $"the XMP uses the schema {ns}, which is not predefined and not described by an extension schema", Clauses.PdfA3.XmpSchemas);
        // The fields of a structure value (rdf:parseType="Resource") need a pdfaType that describes their namespace.
        var types = xmp.Descendants(PdfAType + "namespaceURI").Select(e => e.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var fields = description.Elements().Where(e => e.Name.Namespace != PdfAExtension).Descendants()
            .Where(e => e.Parent?.Attribute(Rdf + "parseType")?.Value == "Resource").Select(e => e.Name.NamespaceName);
        foreach (var ns in fields.Distinct().Where(ns => !predefined.Contains(ns) && !types.Contains(ns)))
            Error("metadata", $"the XMP has structure fields of {ns}, which no extension schema describes as a value type (pdfaType)", Clauses.PdfA3.XmpSchemas);
    }

    private static string? Property(XDocument xmp, XNamespace ns, string name) =>
        xmp.Descendants(ns + name).FirstOrDefault()?.Value.Trim()
        ?? xmp.Descendants(Rdf + "Description").Attributes(ns + name).FirstOrDefault()?.Value.Trim();

    private List<string> FilterNames(DictionaryToken dictionary) => file.Get(dictionary, "Filter") switch
    {
        NameToken n => [n.Data],
        ArrayToken a => [.. a.Data.Select(file.Resolve).OfType<NameToken>().Select(n => n.Data)],
        _ => [],
    };

    private void Error(string category, string message, string clause, string? where = null) =>
        findings.Add(new Finding(Severity.Error, category, message, where, clause));
}
