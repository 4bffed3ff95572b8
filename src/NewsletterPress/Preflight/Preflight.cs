using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Text;
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
        using var blob = HarfBuzzSharp.Blob.FromFile(path);
        using var face = new HarfBuzzSharp.Face(blob, 0);
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

    private static TextReport TextFigures(DisplayDocument document, List<Finding> findings)
    {
        var lines = LineReader.Lines(document).ToList();
        int badStarts = 0, badEnds = 0;
        foreach (var line in lines)
        {
            var text = line.Text.Trim();
            if (text.Length == 0) continue;
            int first = char.ConvertToUtf32(text, 0);
            // A line that is a paragraph's first line may start with a bullet (・) or a label; only
            // closing brackets, stops and small kana are never right at a line start.
            if (JlreqClasses.MayNotStartLine(first) && first is not ('・' or '：' or '；'))
            {
                badStarts++;
                findings.Add(new Finding(Severity.Error, "kinsoku", $"line starts with '{char.ConvertFromUtf32(first)}': {Excerpt(text)}", $"page {line.Page}"));
            }
            if (JlreqClasses.MayNotEndLine(text[^1]))
            {
                badEnds++;
                findings.Add(new Finding(Severity.Error, "kinsoku", $"line ends with '{text[^1]}': {Excerpt(text)}", $"page {line.Page}"));
            }
        }
        var gaps = JapaneseLatinGaps(lines);
        return new TextReport(lines.Count, badStarts, badEnds, gaps.Count == 0 ? null : Math.Round(Median(gaps), 3), gaps.Count);
    }

    /// <summary>Gaps between a Japanese and a Latin glyph that touch on one line, in ems of the smaller size.</summary>
    private static List<double> JapaneseLatinGaps(IEnumerable<ReadLine> lines)
    {
        var gaps = new List<double>();
        foreach (var line in lines)
        {
            var glyphs = line.Runs.SelectMany(r => r.Glyphs.Select(g => (Run: r, Glyph: g))).Where(x => x.Glyph.Text.Length > 0).ToList();
            for (int i = 1; i < glyphs.Count; i++)
            {
                var (ra, a) = glyphs[i - 1];
                var (rb, b) = glyphs[i];
                int ca = char.ConvertToUtf32(a.Text, 0), cb = char.ConvertToUtf32(b.Text, 0);
                bool jaLatin = (Script.IsCjk(ca) && !Script.IsJapanesePunctuation(ca) && Script.IsLatinLetterOrDigit(cb))
                               || (Script.IsLatinLetterOrDigit(a.Text[^1]) && Script.IsCjk(cb) && !Script.IsJapanesePunctuation(cb));
                if (!jaLatin) continue;
                double gap = rb.X + b.X - (ra.X + a.X + a.Advance);
                gaps.Add(gap / Math.Min(ra.Size, rb.Size));
            }
        }
        return gaps;
    }

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

    private static string Excerpt(string text) => text.Length <= 30 ? text : text[..30] + "…";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
