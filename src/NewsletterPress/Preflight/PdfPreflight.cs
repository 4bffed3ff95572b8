using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace NewsletterPress.Preflight;

/// <summary>
/// The same preflight on any PDF, from any tool, read with PdfPig: fonts from the page
/// resources, images at their placed size, and the typographic rules on the characters'
/// positions. Lets an editor check a file made elsewhere against the same bar.
/// </summary>
public static class PdfPreflight
{
    /// <summary>How long a chain of objects that are only a reference to another object may be.</summary>
    private const int MaxReferenceChain = 32;

    public static PreflightReport Check(string path, PreflightRules rules)
    {
        var where = SourcePosition.WholeFile(path);
        var bytes = InputFiles.Read(path, FileRule.Pdf, where, Path.GetFileName(path));
        var filters = GuardedFilters.Create();
        try
        {
            return Check(path, bytes, rules, filters);
        }
        catch (InputException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig reads untrusted bytes; whatever it throws is about the file, not about us.
            throw new InputException(where, $"the file cannot be read as a PDF: {filters.Refused ?? e.Message}");
        }
    }

    private static PreflightReport Check(string path, byte[] bytes, PreflightRules rules, GuardedFilters filters)
    {
        var where = SourcePosition.WholeFile(path);
        // PdfPig guards nesting while parsing (MaxStackDepth) but follows an object that is only a
        // reference to another without a cycle check, into a stack overflow nothing can catch.
        using var document = PdfDocument.Open(bytes, new ParsingOptions { MaxStackDepth = 64, FilterProvider = filters });
        CheckReferenceChains(document, where);
        int pages = document.NumberOfPages;
        if (pages <= 0)
            throw new InputException(where, "the file has no pages its page tree leads to (an empty page tree, or one that loops)");
        var findings = new List<Finding>();
        var fonts = new Dictionary<string, FontReport>(StringComparer.Ordinal);
        var images = new List<ImageReport>();
        var lines = new List<CheckedLine>();
        foreach (var page in document.GetPages())
        {
            foreach (var font in PageFonts(document, page)) fonts.TryAdd(font.Name, font);
            foreach (var image in page.GetImages())
            {
                double w = image.BoundingBox.Width, h = image.BoundingBox.Height;
                double dpi = Math.Min(image.WidthInSamples / (w / 72), image.HeightInSamples / (h / 72));
                string colour = image.ColorSpaceDetails?.Type.ToString() ?? "unknown";
                images.Add(new ImageReport($"image on page {page.Number}", page.Number, image.WidthInSamples, image.HeightInSamples,
                    Math.Round(w, 1), Math.Round(h, 1), Math.Round(dpi, 1), colour));
                if (dpi < rules.MinimumImageDpi)
                    findings.Add(new Finding(Severity.Warning, "image", $"an image prints at {dpi:0} dpi, under {rules.MinimumImageDpi:0} dpi for {rules.Profile}", $"page {page.Number}"));
                if (rules.RgbImagesAreErrors && colour.Contains("RGB", StringComparison.OrdinalIgnoreCase))
                    findings.Add(new Finding(Severity.Error, "image", "an RGB image: PDF/X-1a allows only CMYK and grey", $"page {page.Number}"));
            }
            // PDF space has y upwards; lines are grouped on the baseline, read top to bottom.
            lines.AddRange(LineReader.Split(page.Number, page.Letters.Select(l =>
                (Y: page.Height - l.StartBaseLine.Y,
                 Char: new PlacedChar(l.Value, l.StartBaseLine.X, l.EndBaseLine.X, l.PointSize)))));
        }
        foreach (var f in fonts.Values)
        {
            if (!f.Embedded) findings.Add(new Finding(Severity.Error, "font", $"{f.Name} is not embedded"));
            if (f.Outlines == "Type3") findings.Add(new Finding(Severity.Error, "font", $"{f.Name} is a Type 3 font (glyphs as drawings): print shops and text search handle it badly"));
            if (!f.ToUnicode) findings.Add(new Finding(Severity.Warning, "font", $"{f.Name} has no ToUnicode map: its text may not search or copy correctly"));
        }
        var text = TextChecks.Measure(lines, findings);
        if (filters.Refused is { } refused)
            throw new InputException(where, $"the file is not checked: {refused}");
        return new PreflightReport(Path.GetFileName(path), rules.Profile, pages,
            [.. fonts.Values.OrderBy(f => f.Name, StringComparer.Ordinal)], images, text, findings);
    }

    /// <summary>Follows every object that is only a reference to another (legal, rare) and refuses a
    /// chain that loops or runs on: PdfPig would follow it until the stack overflows.</summary>
    private static void CheckReferenceChains(PdfDocument document, SourcePosition where)
    {
        foreach (var start in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            var seen = new HashSet<long>();
            var current = start;
            while (document.Structure.GetObject(current)?.Data is IndirectReferenceToken next)
            {
                if (!seen.Add(current.ObjectNumber) || seen.Count > MaxReferenceChain)
                    throw new InputException(where,
                        $"object {start.ObjectNumber} {start.Generation} R refers to itself through a chain of references; the file is damaged");
                current = next.Data;
            }
        }
    }

    private static IEnumerable<FontReport> PageFonts(PdfDocument document, UglyToad.PdfPig.Content.Page page)
    {
        if (Resolve(document, page.Dictionary.Data.GetValueOrDefault(NameToken.Resources.Data)) is not DictionaryToken resources
            || Resolve(document, resources.Data.GetValueOrDefault(NameToken.Font.Data)) is not DictionaryToken fonts)
            yield break;
        foreach (var entry in fonts.Data.Values)
        {
            if (Resolve(document, entry) is not DictionaryToken font) continue;
            string name = (Resolve(document, font.Data.GetValueOrDefault(NameToken.BaseFont.Data)) as NameToken)?.Data ?? "(unnamed)";
            string subtype = (Resolve(document, font.Data.GetValueOrDefault(NameToken.Subtype.Data)) as NameToken)?.Data ?? "";
            var described = font;
            if (subtype == "Type0" && Resolve(document, font.Data.GetValueOrDefault(NameToken.DescendantFonts.Data)) is ArrayToken { Length: > 0 } kids
                && Resolve(document, kids.Data[0]) is DictionaryToken descendant)
            {
                described = descendant;
                subtype = (Resolve(document, descendant.Data.GetValueOrDefault(NameToken.Subtype.Data)) as NameToken)?.Data ?? subtype;
            }
            var descriptor = Resolve(document, described.Data.GetValueOrDefault(NameToken.FontDescriptor.Data)) as DictionaryToken;
            bool embedded = subtype == "Type3" || descriptor is not null && (descriptor.Data.ContainsKey("FontFile")
                || descriptor.Data.ContainsKey("FontFile2") || descriptor.Data.ContainsKey("FontFile3"));
            string outlines = subtype switch
            {
                "Type3" => "Type3",
                "CIDFontType2" or "TrueType" => "TrueType",
                "CIDFontType0" or "Type1C" => "CFF",
                _ => subtype,
            };
            yield return new FontReport(name, "", outlines, embedded, name.Length > 7 && name[6] == '+',
                font.Data.ContainsKey(NameToken.ToUnicode.Data));
        }
    }

    private static IToken? Resolve(PdfDocument document, IToken? token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
}
