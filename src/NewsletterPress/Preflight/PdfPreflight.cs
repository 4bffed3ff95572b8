using NewsletterPress.Diagnostics;
using NewsletterPress.Files;

namespace NewsletterPress.Preflight;

/// <summary>
/// The preflight of a PDF file, from any tool, read with PdfPig: what the print shop's preflight
/// and the archive's validator would reject, clause by clause, for the profile it is checked as
/// (PDF/X-4, PDF/X-1a:2001, PDF/A-3u, PDF/UA-1, and the Tagged PDF nesting rules for any tagged
/// file); the fonts and images as measured in the file; and the typographic rules on the
/// characters' positions. Our own builds are checked by the same code (see <see cref="Preflight"/>).
/// </summary>
public static class PdfPreflight
{
    public static PreflightReport Check(string path, PreflightRules rules)
    {
        var where = SourcePosition.WholeFile(path);
        var bytes = InputFiles.Read(path, FileRule.Pdf, where, Path.GetFileName(path));
        var result = Measure(bytes, Path.GetFileName(path), rules, where: where);
        var text = TextChecks.Measure(result.Lines, result.Findings);
        return new PreflightReport(Path.GetFileName(path), rules.Profile, result.Pages, result.Fonts, result.Images, text, result.Findings);
    }

    /// <summary>What <see cref="Measure"/> read from a file.</summary>
    internal sealed record Measured(int Pages, List<FontReport> Fonts, List<ImageReport> Images, List<CheckedLine> Lines, List<Finding> Findings);

    /// <summary>
    /// Every check of the file for the profile. <paramref name="imageName"/> names an image from its
    /// page and placed box (PDF user space) when the caller knows where it came from.
    /// </summary>
    internal static Measured Measure(byte[] bytes, string name, PreflightRules rules, Func<int, double[], string?>? imageName = null,
        SourcePosition? where = null)
    {
        using var file = PdfFile.Open(bytes, name, where);
        try
        {
            var measured = MeasureOpen(file, rules, imageName);
            if (file.Refused is { } refused) throw new InputException(where, $"the file is not checked: {refused}");
            return measured;
        }
        catch (InputException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig reads untrusted bytes; whatever it throws is about the file, not about us.
            throw new InputException(where, $"'{name}' cannot be read as a PDF: {file.Refused ?? e.Message}");
        }
    }

    private static Measured MeasureOpen(PdfFile file, PreflightRules rules, Func<int, double[], string?>? imageName)
    {
        var findings = new List<Finding>();
        var content = ContentScan.Of(file);
        var fonts = FontMeasurements.Of(file, content);
        var tree = StructureReader.Read(file);
        var structure = new StructureChecks(file, tree, findings);
        var conformance = new ConformanceChecks(file, content, fonts, findings, imageName);
        if (tree.Root is not null)
            structure.Nesting();
        switch (rules.Profile)
        {
            case "print":
                conformance.PdfX4();
                break;
            case "print-x1a":
                conformance.PdfX1a();
                break;
            case "archive":
                conformance.PdfA3U();
                conformance.PdfUa1(structure);
                break;
            default:
                conformance.PdfUa1(structure);
                break;
        }
        if (rules.IsPrint)
            PageCount.Check(file, rules.PageMultiple, findings);

        foreach (var font in fonts.Where(f => f.Report.Outlines == "Type3"))
            findings.Add(new Finding(Severity.Warning, "font", $"{font.Report.Name} is a Type 3 font (glyphs as drawings): print shops and text search handle it badly", $"page {font.FirstPage}"));
        var images = Images(file, content, rules, findings, imageName);
        var lines = new List<CheckedLine>();
        foreach (var page in file.Pages)
        {
            // PDF space has y upwards; lines are grouped on the baseline, read top to bottom.
            lines.AddRange(LineReader.Split(page.Number, page.Letters.Select(l =>
                (Y: page.Height - l.StartBaseLine.Y, Char: new PlacedChar(l.Value, l.StartBaseLine.X, l.EndBaseLine.X, l.PointSize)))));
        }
        findings = MergePages(findings);
        var fontReports = fonts.Select(f => f.Report).GroupBy(f => f.Name, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        return new Measured(file.Pages.Count, fontReports, images, lines, findings);
    }

    /// <summary>The same finding on several pages is one finding naming them all ("pages 1–4, 6"), so a long
    /// document's report stays readable; the first occurrence keeps its place.</summary>
    private static List<Finding> MergePages(List<Finding> findings)
    {
        var merged = new List<Finding>();
        foreach (var group in findings.GroupBy(f => (f.Severity, f.Category, f.Message, f.Clause, OnPage: f.Where?.StartsWith("page ", StringComparison.Ordinal) == true)))
        {
            if (!group.Key.OnPage)
            {
                merged.AddRange(group.DistinctBy(f => f.Where));
                continue;
            }
            var pages = group.Select(f => int.Parse(f.Where!.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
            merged.Add(group.First() with { Where = pages.Count == 1 ? $"page {pages[0]}" : "pages " + Ranges(pages) });
        }
        return merged;
    }

    private static string Ranges(List<int> pages)
    {
        var parts = new List<string>();
        for (var i = 0; i < pages.Count;)
        {
            var j = i;
            while (j + 1 < pages.Count && pages[j + 1] == pages[j] + 1)
                j++;
            parts.Add(j == i ? pages[i].ToString(System.Globalization.CultureInfo.InvariantCulture)
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pages[i]}–{pages[j]}"));
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    /// <summary>
    /// The one image check: each image's effective resolution at its placed size (the lower of the
    /// two directions), and its colour space as the file gives it. Conformance of the colour space is
    /// judged with the profile's other colour rules.
    /// </summary>
    private static List<ImageReport> Images(PdfFile file, ContentScan content, PreflightRules rules, List<Finding> findings,
        Func<int, double[], string?>? imageName)
    {
        var images = new List<ImageReport>();
        foreach (var page in file.Pages)
        {
            foreach (var image in page.GetImages())
            {
                var box = image.BoundingBox;
                double w = box.Width, h = box.Height;
                if (w <= 0 || h <= 0)
                    continue;
                double dpi = Math.Min(image.WidthInSamples / (w / 72), image.HeightInSamples / (h / 72));
                var colour = content.Family(image.ImageDictionary.Data.GetValueOrDefault("ColorSpace") ?? image.ImageDictionary.Data.GetValueOrDefault("CS"));
                var label = imageName?.Invoke(page.Number, [box.Left, box.Bottom, box.Right, box.Top]) ?? $"image on page {page.Number}";
                images.Add(new ImageReport(label, page.Number, image.WidthInSamples, image.HeightInSamples,
                    Math.Round(w, 1), Math.Round(h, 1), Math.Round(dpi, 1), colour));
                // Compared as reported, to a tenth of a dpi: an image of exactly 150 ppi is not "under 150".
                if (Math.Round(dpi, 1) < rules.MinimumImageDpi)
                    findings.Add(new Finding(Severity.Warning, "image",
                        $"{Path.GetFileName(label)} prints at {dpi:0.#} dpi, under {rules.MinimumImageDpi:0} dpi for {rules.Profile}: use a larger image or place it smaller",
                        $"page {page.Number}"));
            }
        }
        return images;
    }
}
