using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Preflight;

/// <summary>
/// Checks a laid-out volume the way a print shop's preflight and an archivist would. The volume is
/// written, in memory, exactly as `build` would write it for the profile, and that file goes through
/// the same checks as any PDF (<see cref="PdfPreflight"/>): fonts, images, colour, boxes, metadata
/// and structure are measured in the file, not assumed. What only the layout knows is added: the
/// source file of each image, links that point nowhere, the typographic rules on the laid-out lines,
/// and the build's warnings.
/// </summary>
public static class Preflight
{
    public static PreflightReport Check(string subject, DisplayDocument document, IReadOnlyList<Warning> buildWarnings,
        PreflightRules rules, PdfWriterOptions? writerOptions = null)
    {
        writerOptions ??= new PdfWriterOptions(Profile: ProfileNames.Parse(rules.Profile));
        var findings = buildWarnings.Select(w => new Finding(Severity.Warning, w.CodeName, w.Message, w.Position?.ToString())).ToList();
        // Written as build would, but keeping what the writer would stop at (a link to a missing anchor
        // is left out and reported from the layout), so that the checks see the whole file.
        var bytes = PdfWriter.WriteToBytes(document, writerOptions with { KeepViolations = true });
        var offset = writerOptions.Profile is PdfProfile.Print or PdfProfile.PrintX1a ? PageGeometry.PrintMarginPoints : 0;
        var measured = PdfPreflight.Measure(bytes, subject, rules, (page, box) => ImageSource(document, page, box, offset));
        findings.AddRange(measured.Findings);
        Links(document, findings, rules);
        var text = TextChecks.Measure(LineReader.FromDisplay(document).ToList(), findings);
        var fonts = measured.Fonts.Select(f => f with { File = FontFile(document, f.Name) }).ToList();
        return new PreflightReport(subject, rules.Profile, measured.Pages, fonts, measured.Images, text, findings);
    }

    /// <summary>The image file placed at this box on this page (PDF user space, so shifted by the print margin).</summary>
    private static string? ImageSource(DisplayDocument document, int page, double[] box, double offset)
    {
        if (page < 1 || page > document.Pages.Length)
            return null;
        var height = document.Pages[page - 1].Height;
        return document.Pages[page - 1].Items.OfType<ImageItem>().FirstOrDefault(i =>
            Math.Abs(offset + i.X - box[0]) < 1 && Math.Abs(offset + height - i.Y - i.Height - box[1]) < 1
            && Math.Abs(i.Width - (box[2] - box[0])) < 1 && Math.Abs(i.Height - (box[3] - box[1])) < 1)?.Path;
    }

    /// <summary>The font file behind a subset font's name (ABCDEF+PostScriptName).</summary>
    private static string FontFile(DisplayDocument document, string name)
    {
        var postScriptName = name.Contains('+') ? name[(name.IndexOf('+') + 1)..] : name;
        foreach (var font in document.Pages.SelectMany(p => p.Items).OfType<GlyphRun>().Select(r => r.Font).Distinct())
        {
            if (FontNames.PostScriptName(font) == postScriptName)
                return font.FilePath;
        }
        return "";
    }

    private static void Links(DisplayDocument document, List<Finding> findings, PreflightRules rules)
    {
        var anchors = document.Pages.SelectMany(p => p.Items.OfType<Anchor>()).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var links = 0;
        for (int p = 0; p < document.Pages.Length; p++)
            foreach (var link in document.Pages[p].Items.OfType<LinkArea>())
            {
                links++;
                if (link.Destination is { } d && !anchors.Contains(d))
                    findings.Add(new Finding(Severity.Error, "link", $"a link points to '{d}', which is nowhere in the document", $"page {p + 1}"));
                if (link.Uri is { } u && !Uri.TryCreate(u, UriKind.Absolute, out _))
                    findings.Add(new Finding(Severity.Warning, "link", $"'{u}' is not a complete address (add https:// or mailto:)", $"page {p + 1}"));
            }
        if (rules.IsPrint && links > 0)
            findings.Add(new Finding(Severity.Note, "link",
                $"the {links} links of the issue are left out of the print file: PDF/X allows no annotation inside the bleed box; their text is printed as it is",
                Clause: rules.Profile == "print-x1a" ? Clauses.PdfX1a.Annotations : Clauses.PdfX4.Annotations));
    }
}
