using System.Globalization;
using System.Text.Json;
using NewsletterPress.Preflight;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Preflight;

/// <summary>What a print file carries for the press floor: a slug line outside the bleed, a warning when the page
/// count will not fold, and the print shop's printing condition chosen for one build.</summary>
public sealed class PrintSheetTests
{
    [Theory]
    [InlineData(PdfProfile.Print, "PDF/X-4")]
    [InlineData(PdfProfile.PrintX1a, "PDF/X-1a:2001")]
    public void Every_page_of_a_print_file_has_a_slug_line_below_the_bleed(PdfProfile profile, string name)
    {
        var pdf = ProfileBuilds.Get("issues/vol-11", profile);
        var boxes = new PdfInspector(pdf);
        for (var page = 1; page <= boxes.Pages.Count; page++)
        {
            var media = PdfInspector.Numbers(boxes.Object(boxes.Pages[page - 1]).GetProperty("/MediaBox"));
            var bleed = PdfInspector.Numbers(boxes.Object(boxes.Pages[page - 1]).GetProperty("/BleedBox"));
            // pdftotext measures from the top: the strip between the bleed's bottom edge and the sheet's.
            var top = (int)Math.Ceiling(media[3] - bleed[1]);
            var strip = PdfTools.Ok("pdftotext", "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture),
                "-x", "0", "-y", top.ToString(CultureInfo.InvariantCulture), "-W", ((int)media[2]).ToString(CultureInfo.InvariantCulture),
                "-H", ((int)(bleed[1] - media[1])).ToString(CultureInfo.InvariantCulture), pdf, "-");
            Assert.Equal($"Civil Society Forum Vol.11 | page {page} ({page} of {boxes.Pages.Count}) | 2022-07-01 | {name}", PdfTools.Normalize(strip));
        }
        // Inside the trim the text is what the screen file shows: the slug is on the sheet, not the page.
        Assert.DoesNotContain($"of {boxes.Pages.Count}) |", PdfTools.Ok("pdftotext", "-cropbox", ProfileBuilds.Get("issues/vol-11", PdfProfile.Screen), "-"));
    }

    [Fact]
    public void A_print_build_whose_pages_are_not_a_multiple_of_four_warns_and_check_says_so_too()
    {
        // The long sample runs over seven pages: a folded sheet needs one blank page more.
        const string Issue = "samples/long-article";
        var folder = ProfileBuilds.ScratchFolder();
        var print = Cli.Run(Repo.Root, "build", Issue, "--profile", "print", "--out", Path.Combine(folder, "p.pdf"));
        Assert.Equal(0, print.ExitCode);
        int pages = new PdfInspector(Path.Combine(folder, "p.pdf")).Pages.Count;
        Assert.NotEqual(0, pages % 4);
        int blank = 4 - pages % 4;
        Assert.Contains($"warning[page-count]: the print file has {pages} pages, not a multiple of 4: the printer will add {blank} blank " +
                        $"page{(blank == 1 ? "" : "s")} to make {pages + blank}", print.StdErr);
        var screen = Cli.Run(Repo.Root, "build", Issue, "--out", Path.Combine(folder, "s.pdf"));
        Assert.DoesNotContain("multiple of 4", screen.StdErr);

        using var issueCheck = JsonDocument.Parse(Cli.Run(Repo.Root, "check", Issue, "--profile", "print", "--json").StdOut);
        Assert.Contains(issueCheck.RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("category").GetString() == "imposition" && f.GetProperty("message").GetString()!.Contains($"{pages} pages"));
        var fileCheck = Cli.Run(Repo.Root, "check", "--pdf", Path.Combine(folder, "p.pdf"), "--profile", "print");
        Assert.Contains($"warning [imposition]: the print file has {pages} pages, not a multiple of 4", fileCheck.StdOut);
        Assert.DoesNotContain("imposition", Cli.Run(Repo.Root, "check", "--pdf", Path.Combine(folder, "s.pdf")).StdOut);

        // vol-11, planned into four pages, folds with none blank: no warning.
        var vol11 = Cli.Run(Repo.Root, "build", "issues/vol-11", "--profile", "print", "--out", Path.Combine(folder, "v.pdf"));
        Assert.Equal(0, new PdfInspector(Path.Combine(folder, "v.pdf")).Pages.Count % 4);
        Assert.DoesNotContain("page-count", vol11.StdErr);
    }

    [Fact]
    public void Check_of_an_issue_for_print_says_its_links_are_left_out()
    {
        var print = Cli.Run(Repo.Root, "check", "samples/figures-and-tables", "--profile", "print");
        Assert.Contains("note [link]: the 2 links of the issue are left out of the print file: PDF/X allows no annotation inside the bleed box", print.StdOut);
        Assert.Contains("(ISO 15930-7 §6.4.1)", print.StdOut);
        Assert.DoesNotContain("left out", Cli.Run(Repo.Root, "check", "samples/figures-and-tables", "--profile", "screen").StdOut);
        var inspector = new PdfInspector(ProfileBuilds.Get("samples/figures-and-tables", PdfProfile.Print));
        Assert.All(inspector.Pages, p => Assert.False(inspector.Has(inspector.Object(p), "/Annots")));
    }

    [Fact]
    public void The_multiple_is_a_parameter_of_the_build_and_of_the_check()
    {
        Assert.Null(PageCount.Warning(6, 2));
        Assert.Null(PageCount.Warning(8, 4));
        Assert.Contains("not a multiple of 8", PageCount.Warning(12, 8));
        var folder = ProfileBuilds.ScratchFolder();
        // Every page count is a multiple of 1: a sheet of one page takes any.
        var result = IssueBuild.ToPdf(Repo.Vol11, Path.Combine(folder, "p.pdf"), new PdfWriterOptions(Profile: PdfProfile.Print, PageMultiple: 1));
        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("multiple"));
        var report = PdfPreflight.Check(Path.Combine(folder, "p.pdf"), PreflightRules.For("print", pageMultiple: 1));
        Assert.DoesNotContain(report.Findings, f => f.Category == "imposition");
        // A multiple the caller names wins over the one the file records.
        Assert.Contains(PdfPreflight.Check(Path.Combine(folder, "p.pdf"), PreflightRules.For("print", pageMultiple: 3)).Findings,
            f => f.Category == "imposition" && f.Message.Contains("not a multiple of 3"));
    }

    [Fact]
    public void The_command_line_print_condition_overrides_the_issue_for_one_build()
    {
        // The repository's FOGRA39 profile stands in for the shop's Japan Color profile.
        var icc = Repo.Path("src", "NewsletterPress", "Rendering", "Pdf", "Profiles", "NewsletterPress-FOGRA39.icc");
        var folder = ProfileBuilds.ScratchFolder();
        var pdf = Path.Combine(folder, "jc.pdf");
        var r = Cli.Run(Repo.Root, "build", "issues/vol-11", "--profile", "print", "--out", pdf,
            "--print-condition", icc, "--print-condition-id", "JC200103", "--print-condition-name", "Japan Color 2001 Coated");
        Assert.True(r.ExitCode == 0, r.StdErr);
        var inspector = new PdfInspector(pdf);
        var intent = inspector.Get(Assert.Single(inspector.Catalog.GetProperty("/OutputIntents").EnumerateArray()));
        Assert.Equal("JC200103", PdfInspector.Text(intent.GetProperty("/OutputConditionIdentifier")));
        Assert.Equal("Japan Color 2001 Coated", PdfInspector.Text(intent.GetProperty("/OutputCondition")));
        Assert.DoesNotContain(PdfPreflight.Check(pdf, PreflightRules.For("print")).Findings, f => f.Clause is not null);

        var withoutId = Cli.Run(Repo.Root, "build", "issues/vol-11", "--profile", "print", "--out", Path.Combine(folder, "x.pdf"), "--print-condition", icc);
        Assert.Equal(1, withoutId.ExitCode);
        Assert.Contains("--print-condition-id", withoutId.StdErr);
        var missing = Cli.Run(Repo.Root, "build", "issues/vol-11", "--profile", "print", "--out", Path.Combine(folder, "y.pdf"),
            "--print-condition", Path.Combine(folder, "none.icc"), "--print-condition-id", "JC200103");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.StdErr);
        Assert.False(File.Exists(Path.Combine(folder, "x.pdf")) || File.Exists(Path.Combine(folder, "y.pdf")));
    }
}
