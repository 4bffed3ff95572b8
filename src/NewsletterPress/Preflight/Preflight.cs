using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using SkiaSharp;

namespace NewsletterPress.Preflight;

/// <summary>
/// Checks a laid-out volume the way a print shop's preflight and an archivist would: fonts,
/// image resolution and colour, the typographic rules of typography.md, links, and the
/// warnings the build raised. Reads our own layout results (the display list), not a PDF.
/// </summary>
public static class Preflight
{
    public static PreflightReport Check(string subject, DisplayDocument document, IReadOnlyList<Warning> buildWarnings,
        PreflightRules rules)
    {
        var findings = buildWarnings.Select(w => new Finding(Severity.Warning, "build", w.Message, w.Position?.ToString())).ToList();
        var images = Images(document, rules, findings);
        var text = TextFigures(document, findings);
        Links(document, findings);
        return new PreflightReport(subject, rules.Profile, document.Pages.Length, Fonts(document), images, text, findings);
    }

    private static List<FontReport> Fonts(DisplayDocument document) =>
        document.Pages.SelectMany(p => p.Items.OfType<GlyphRun>()).Select(r => r.Font).Distinct()
            .OrderBy(f => f.FilePath, StringComparer.Ordinal)
            .Select(f => new FontReport(Path.GetFileNameWithoutExtension(f.FilePath), f.FilePath, Outlines(f.FilePath),
                Embedded: true, Subset: true, ToUnicode: true))
            .ToList();

    /// <summary>TrueType (glyf) or CFF outlines, from the font's table directory.</summary>
    private static string Outlines(string path)
    {
        using var face = new HarfBuzzSharp.Face(FontFiles.Read(path), 0);
        return face.Tables.Any(t => t.ToString() == "CFF ") ? "CFF" : "TrueType";
    }

    private static List<ImageReport> Images(DisplayDocument document, PreflightRules rules, List<Finding> findings)
    {
        var result = new List<ImageReport>();
        for (int p = 0; p < document.Pages.Length; p++)
            foreach (var image in document.Pages[p].Items.OfType<ImageItem>())
            {
                using var codec = SKCodec.Create(image.Path);
                int w = codec?.Info.Width ?? 0, h = codec?.Info.Height ?? 0;
                double dpi = Math.Min(w / (image.Width / 72), h / (image.Height / 72));
                string colour = codec is null ? "unknown"
                    : codec.EncodedFormat == SKEncodedImageFormat.Jpeg && codec.Info.ColorType == SKColorType.Gray8 ? "Gray"
                    : codec.Info.ColorType is SKColorType.Gray8 or SKColorType.Alpha8 ? "Gray" : "RGB";
                var report = new ImageReport(image.Path, p + 1, w, h, image.Width, image.Height, Math.Round(dpi, 1), colour);
                result.Add(report);
                if (dpi < rules.MinimumImageDpi)
                    findings.Add(new Finding(Severity.Warning, "image",
                        $"{Path.GetFileName(image.Path)} prints at {dpi:0} dpi, under {rules.MinimumImageDpi:0} dpi for {rules.Profile}: use a larger image or place it smaller",
                        $"page {p + 1}"));
                if (rules.RgbImagesAreErrors && colour == "RGB")
                    findings.Add(new Finding(Severity.Error, "image",
                        $"{Path.GetFileName(image.Path)} is RGB; PDF/X-1a allows only CMYK and grey images: convert it, or use --profile print (PDF/X-4)",
                        $"page {p + 1}"));
            }
        return result;
    }

    private static TextReport TextFigures(DisplayDocument document, List<Finding> findings) =>
        TextChecks.Measure(LineReader.FromDisplay(document).ToList(), findings);

    private static void Links(DisplayDocument document, List<Finding> findings)
    {
        var anchors = document.Pages.SelectMany(p => p.Items.OfType<Anchor>()).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        for (int p = 0; p < document.Pages.Length; p++)
            foreach (var link in document.Pages[p].Items.OfType<LinkArea>())
            {
                if (link.Destination is { } d && !anchors.Contains(d))
                    findings.Add(new Finding(Severity.Error, "link", $"a link points to '{d}', which is nowhere in the document", $"page {p + 1}"));
                if (link.Uri is { } u && !Uri.TryCreate(u, UriKind.Absolute, out _))
                    findings.Add(new Finding(Severity.Warning, "link", $"'{u}' is not a complete address (add https:// or mailto:)", $"page {p + 1}"));
            }
    }
}
