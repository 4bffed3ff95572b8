using System.Globalization;
using NewsletterPress.Preflight;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Preflight;

/// <summary>A PDF alone does not say how it is folded: a print file records the page multiple its issue asks for (its
/// Info dictionary, and for PDF/X-4 its XMP too), and <c>check --pdf</c> holds the page count to that record.</summary>
public sealed class PageMultipleRecordTests
{
    [Theory]
    [InlineData("samples/figures-and-tables", "print", 2)]
    [InlineData("samples/figures-and-tables", "print-x1a", 2)]
    [InlineData("issues/vol-11", "print", 4)]
    [InlineData("issues/vol-11", "print-x1a", 4)]
    public void A_print_file_records_the_multiple_its_issue_asks_for_and_stays_sound(string issue, string profile, int multiple)
    {
        var pdf = ProfileBuilds.Get(issue, ProfileNames.Parse(profile));
        // poppler lists the Info dictionary's keys of our own with -custom.
        var info = PdfTools.Ok("pdfinfo", "-custom", pdf).Split('\n');
        Assert.Equal(multiple.ToString(CultureInfo.InvariantCulture),
            Assert.Single(info, l => l.StartsWith("NewsletterPressPageMultiple:", StringComparison.Ordinal)).Split(':')[1].Trim());
        var xmp = PdfTools.Ok("pdfinfo", "-meta", pdf);
        if (profile == "print")
        {
            Assert.Contains("xmlns:npp=\"https://newsletterpress.local/ns/print/1.0/\"", xmp);
            Assert.Contains($"<npp:pageMultiple>{multiple}</npp:pageMultiple>", xmp);
        }
        else
        {
            Assert.Equal("", xmp.Trim()); // PDF/X-1a:2001 is PDF 1.3: no XMP, the Info dictionary alone
        }
        Assert.Equal(0, PdfTools.Run("qpdf", "--check", pdf).ExitCode);
        var gs = PdfTools.Run("gs", "-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=nullpage", pdf);
        Assert.Equal("", gs.StdOut + gs.StdErr);
        Assert.Empty(PdfPreflight.Check(pdf, PreflightRules.For(profile)).Findings);
    }

    [Theory]
    [InlineData(PdfProfile.Screen)]
    [InlineData(PdfProfile.Archive)]
    public void Screen_and_archive_files_record_no_multiple(PdfProfile profile)
    {
        var pdf = ProfileBuilds.Get("samples/figures-and-tables", profile);
        Assert.DoesNotContain("NewsletterPressPageMultiple", PdfTools.Ok("pdfinfo", "-custom", pdf));
        Assert.DoesNotContain("npp", PdfTools.Ok("pdfinfo", "-meta", pdf));
    }

    /// <summary>The two pages of figures-and-tables written as print files that record 4, 3 or nothing: check --pdf warns
    /// against the recorded multiple, and against 4 without a record, as before records existed.</summary>
    [Theory]
    [InlineData("print", 4, 4)]
    [InlineData("print", 3, 3)]
    [InlineData("print-x1a", 3, 3)]
    [InlineData("print", null, 4)]
    [InlineData("print-x1a", null, 4)]
    public void Check_pdf_warns_when_the_recorded_multiple_is_not_met(string profile, int? recorded, int expected)
    {
        var (_, document) = IssueBuild.Compose(Repo.Path("samples", "figures-and-tables"), new Diagnostics.WarningLog());
        Assert.Equal(2, document.Pages.Length);
        var pdf = Path.Combine(ProfileBuilds.ScratchFolder(), "two-pages.pdf");
        PdfWriter.Write(document, pdf, new PdfWriterOptions(Profile: ProfileNames.Parse(profile), PageMultiple: recorded));
        var check = Cli.Run(Repo.Root, "check", "--pdf", pdf, "--profile", profile);
        Assert.Equal(0, check.ExitCode); // a warning, not an error
        var next = expected * ((2 + expected - 1) / expected);
        Assert.Contains($"warning [imposition]: the print file has 2 pages, not a multiple of {expected}: the printer will add {next - 2} blank page{(next - 2 == 1 ? "" : "s")} to make {next}", check.StdOut);
    }

    [Fact]
    public void A_record_that_is_not_a_number_of_pages_is_reported_and_the_count_held_to_four()
    {
        var folder = ProfileBuilds.ScratchFolder();
        var good = ProfileBuilds.Get("samples/figures-and-tables", PdfProfile.PrintX1a);
        var planted = BrokenPdf.Plant(good, folder, "bad-record", text => BrokenPdf.First(text, @"/NewsletterPressPageMultiple \(2\)", "/NewsletterPressPageMultiple (two)"));
        var findings = PdfPreflight.Check(planted, PreflightRules.For("print-x1a")).Findings;
        Assert.Contains(findings, f => f.Category == "imposition" && f.Message.StartsWith("the file records its page multiple as 'two'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Category == "imposition" && f.Message.Contains("2 pages, not a multiple of 4"));
    }
}
