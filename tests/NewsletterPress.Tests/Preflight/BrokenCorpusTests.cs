using NewsletterPress.Preflight;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;
using static NewsletterPress.Tests.Preflight.BrokenPdf;

namespace NewsletterPress.Tests.Preflight;

/// <summary>
/// A corpus of broken PDFs, each a good build with one clause failure planted by the script below,
/// plus files from other tools (ghostscript's pdfwrite, Chromium's print-to-PDF). The check finds
/// every planted failure and names its clause, and none of the files passes as PDF/X-4, PDF/X-1a or PDF/A-3u.
/// </summary>
public sealed class BrokenCorpusTests
{
    private const string Vol11 = "issues/vol-11";
    private const string Figures = "samples/figures-and-tables";
    private const string English = "samples/english-only";

    /// <summary>Name, the good file it starts from, the profile it is checked as, the edit, and the clause it breaks.</summary>
    private static readonly (string Name, string Issue, PdfProfile Base, string Profile, Func<string, string> Edit, string Clause)[] Corpus =
    [
        ("x4-no-trim-box", Vol11, PdfProfile.Print, "print",
            q => First(q, @"^  /TrimBox \[[^\]]*\]\n", ""), "ISO 15930-7 §6.2.2"),
        ("x4-no-pdfx-output-intent", Vol11, PdfProfile.Print, "print",
            q => First(q, "/S /GTS_PDFX", "/S /GTS_PDFA1"), "ISO 15930-7 §6.2.3"),
        ("x4-link-in-trim", Vol11, PdfProfile.Print, "print",
            q => First(q, @"^  /Type /Page\n", "  /Annots [ << /Type /Annot /Subtype /Link /Rect [ 100 100 200 120 ] /Border [ 0 0 0 ] /F 4 /A << /S /URI /URI (https://example.org/) >> >> ]\n  /Type /Page\n"),
            "ISO 15930-7 §6.4.1"),
        ("x4-device-rgb-text", Vol11, PdfProfile.Print, "print",
            q => First(q, @"^0 0 0 1 k$", "0 0 0 rg"), "ISO 15930-7 §6.2.4.3"),
        ("x4-trapped-unknown", Vol11, PdfProfile.Print, "print",
            q => First(q, "/Trapped /False", "/Trapped /Unknown"), "ISO 15930-7 §6.7.5"),
        ("x4-pdf-1.7", Vol11, PdfProfile.Print, "print",
            q => First(q, @"\A%PDF-1\.6", "%PDF-1.7"), "ISO 15930-7 §6.1.2"),
        ("x1a-lang-key", Vol11, PdfProfile.PrintX1a, "print-x1a",
            q => First(q, @"^  /Type /Catalog\n", "  /Lang (ja)\n  /Type /Catalog\n"), "ISO 15930-1 §6.1.1"),
        ("x1a-transparency", Vol11, PdfProfile.PrintX1a, "print-x1a",
            q => First(First(q, @"^  /Resources <<\n", "  /Resources <<\n    /ExtGState << /GS1 << /ca 0.5 >> >>\n"),
                @"(%% Contents for page 1\n(%%[^\n]*\n)?\d+ 0 obj\n<<\n  /Length \d+ 0 R\n>>\nstream\n)", "$1/GS1 gs\n"), "ISO 15930-1 §6.3.4"),
        ("a3-pdfaid-part-2", Figures, PdfProfile.Archive, "archive",
            q => First(q, "<pdfaid:part>3</pdfaid:part>", "<pdfaid:part>2</pdfaid:part>"), "ISO 19005-3 §6.6.4"),
        ("a3-no-tounicode", Figures, PdfProfile.Archive, "archive",
            q => First(q, @"^  /ToUnicode \d+ 0 R\n", ""), "ISO 19005-3 §6.2.11.7.2"),
        ("a3-wrong-width", Figures, PdfProfile.Archive, "archive",
            q => First(q, @"^  /W \[", "  /DW 5000\n  /NotW ["), "ISO 19005-3 §6.2.11.5"), // every width now 5000
        ("a3-no-af-relationship", Figures, PdfProfile.Archive, "archive",
            q => First(q, @"^  /AFRelationship /Source\n", ""), "ISO 19005-3 §6.8"),
        ("a3-link-not-printable", Figures, PdfProfile.Archive, "archive",
            q => First(q, @"^  /F 4\n", "  /F 0\n"), "ISO 19005-3 §6.3.2"),
        ("a3-volume-record-undescribed", Figures, PdfProfile.Archive, "archive",
            q => First(q, "<pdfaSchema:namespaceURI>https://newsletterpress.local/ns/volume/1.0/", "<pdfaSchema:namespaceURI>https://example.org/other/"), "ISO 19005-3 §6.6.2.3.1"),
        ("a3-article-type-undescribed", Figures, PdfProfile.Archive, "archive",
            q => First(q, "<pdfaType:namespaceURI>https://newsletterpress.local/ns/article/1.0/", "<pdfaType:namespaceURI>https://example.org/other/"), "ISO 19005-3 §6.6.2.3.1"),
        ("a3-font-not-embedded", Figures, PdfProfile.Archive, "archive",
            q => First(q, @"^  /FontFile2 \d+ 0 R\n", ""), "ISO 19005-3 §6.2.11.4.1"),
        ("ua-no-tabs", Figures, PdfProfile.Screen, "screen",
            q => All(q, @"^  /Tabs /S\n", ""), "ISO 14289-1 §7.18.3"),
        ("ua-link-without-contents", Figures, PdfProfile.Screen, "screen",
            q => First(q, @"^  /Contents [(<][^\n]*\n", ""), "ISO 14289-1 §7.18.5"),
        ("ua-figure-without-alt", Figures, PdfProfile.Screen, "screen",
            q => First(q, @"^  /Alt [^\n]*\n", ""), "ISO 14289-1 §7.3"),
        ("ua-header-without-scope", Figures, PdfProfile.Screen, "screen",
            q => First(q, @"^  /A <<\n    /O /Table\n    /Scope /Column\n  >>\n", ""), "ISO 14289-1 §7.5"),
        ("ua-note-without-id", English, PdfProfile.Screen, "screen",
            q => First(q, @"^  /ID \(note-1\)\n", ""), "ISO 14289-1 §7.9"),
        ("ua-heading-skips-a-level", Vol11, PdfProfile.Screen, "screen",
            q => First(q, "/S /H2", "/S /H3"), "ISO 14289-1 §7.4.2"),
        ("ua-no-identification", Vol11, PdfProfile.Screen, "screen",
            q => First(q, @"<pdfuaid:part>1</pdfuaid:part>", ""), "ISO 14289-1 §5"),
        ("ua-untagged-text-annotation", Figures, PdfProfile.Screen, "screen",
            q => First(q, @"^  /Annots \[\n", "  /Annots [\n    << /Type /Annot /Subtype /Text /Rect [ 10 10 30 30 ] /F 4 /Contents (A note) >>\n"),
            "ISO 14289-1 §7.18.1"),
        ("tagged-p-in-toc", Vol11, PdfProfile.Screen, "screen",
            q => First(q, "/S /TOCI", "/S /P"), "ISO 32000-1 §14.8.4 (ISO 32000-2 Annex L)"),
    ];

    public static TheoryData<string> Names() => [.. Corpus.Select(c => c.Name)];

    [Fact]
    public void The_corpus_plants_at_least_twelve_failures_each_of_another_clause_or_file()
    {
        Assert.True(Corpus.Length >= 12);
        Assert.Equal(Corpus.Length, Corpus.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_planted_failure_is_found_and_named_by_its_clause(string name)
    {
        var entry = Corpus.Single(c => c.Name == name);
        var good = ProfileBuilds.Get(entry.Issue, entry.Base);
        Assert.DoesNotContain(Check(good, entry.Profile).Findings, f => f.Clause == entry.Clause);

        var broken = Plant(good, ProfileBuilds.ScratchFolder(), name, entry.Edit);
        var report = Check(broken, entry.Profile);
        Assert.True(report.Findings.Any(f => f.Severity == Severity.Error && f.Clause == entry.Clause),
            $"{name}: no error of {entry.Clause}; found: " + string.Join("; ", report.Findings.Select(f => $"{f.Clause}: {f.Message}")));
        foreach (var profile in new[] { "print", "print-x1a", "archive" })
            Assert.True(Check(broken, profile).HasErrors, $"{name} passed as {profile}");
    }

    [Fact]
    public void A_ghostscript_pdfwrite_file_lacks_output_intent_and_trim_box_and_paints_in_DeviceRGB()
    {
        var folder = ProfileBuilds.ScratchFolder();
        var ps = Path.Combine(folder, "rgb.ps");
        var pdf = Path.Combine(folder, "ghostscript.pdf");
        File.WriteAllText(ps, "%!PS\n/Helvetica findfont 12 scalefont setfont 1 0 0 setrgbcolor 72 720 moveto (Red text from ghostscript) show\n" +
            "0 0 1 setrgbcolor 72 700 200 10 rectfill showpage\n");
        PdfTools.Ok("gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite", "-sOutputFile=" + pdf, ps);

        var x4 = Check(pdf, "print");
        Assert.Contains(x4.Findings, f => f.Clause == "ISO 15930-7 §6.2.3"); // no output intent
        Assert.Contains(x4.Findings, f => f.Clause == "ISO 15930-7 §6.2.2"); // no TrimBox
        Assert.Contains(x4.Findings, f => f.Clause == "ISO 15930-7 §6.2.4.3" && f.Message.Contains("DeviceRGB"));
        Assert.Contains(Check(pdf, "print-x1a").Findings, f => f.Clause == "ISO 15930-1 §6.2.3");
        Assert.Contains(Check(pdf, "archive").Findings, f => f.Clause == "ISO 19005-3 §6.6.4");
        Assert.Contains(Check(pdf, "screen").Findings, f => f.Clause == "ISO 14289-1 §7.1");
        foreach (var profile in new[] { "print", "print-x1a", "archive" })
            Assert.True(Check(pdf, profile).HasErrors);
    }

    /// <summary>Made by Chromium's print-to-PDF (see Corpus/chromium.sh, which made it): a tagged PDF 1.4
    /// with DeviceRGB text and a link annotation, no output intent and no TrimBox.</summary>
    [Fact]
    public void A_chromium_print_to_pdf_file_is_none_of_the_print_and_archive_profiles()
    {
        var pdf = Repo.Path("tests", "NewsletterPress.Tests", "Preflight", "Corpus", "chromium.pdf");
        var x4 = Check(pdf, "print");
        Assert.Contains(x4.Findings, f => f.Clause == "ISO 15930-7 §6.4.1"); // the link on the page
        Assert.Contains(x4.Findings, f => f.Clause == "ISO 15930-7 §6.2.4.3"); // DeviceRGB text
        Assert.Contains(x4.Findings, f => f.Clause == "ISO 15930-7 §6.2.2");
        var x1a = Check(pdf, "print-x1a");
        Assert.Contains(x1a.Findings, f => f.Clause == "ISO 15930-1 §6.1.1" && f.Message.Contains("/MarkInfo"));
        var a3 = Check(pdf, "archive");
        Assert.Contains(a3.Findings, f => f.Clause == "ISO 19005-3 §6.1.3"); // no /ID in the trailer
        Assert.Contains(a3.Findings, f => f.Clause == "ISO 19005-3 §6.2.3");
        Assert.Contains(Check(pdf, "screen").Findings, f => f.Clause == "ISO 14289-1 §7.18.5"); // link without /Contents
        foreach (var profile in new[] { "print", "print-x1a", "archive" })
            Assert.True(Check(pdf, profile).HasErrors);
    }

    private static PreflightReport Check(string pdf, string profile) => PdfPreflight.Check(pdf, PreflightRules.For(profile));
}
