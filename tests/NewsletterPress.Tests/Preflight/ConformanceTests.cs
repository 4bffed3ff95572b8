using System.Text.Json;
using NewsletterPress.Preflight;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Preflight;

/// <summary>Our own builds pass the check of their profile, and fail the checks of the others by the expected clauses.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string, string> BuildsOfEveryProfile()
    {
        var data = new TheoryData<string, string>();
        foreach (var issue in new[] { "issues/vol-11", "samples/figures-and-tables" })
        {
            foreach (var profile in ProfileNames.All)
                data.Add(issue, profile);
        }
        return data;
    }

    /// <summary>Built through the command line and checked through it: no finding at all. A PDF alone does not say how
    /// its pages are to be folded, so a print file records the multiple its issue asks for (figures-and-tables: 2, one
    /// sheet printed on both sides; vol-11: 4) and <c>check --pdf</c> holds the page count to that. The check of the issue
    /// finds nothing but the note that print files leave links out.</summary>
    [Theory]
    [MemberData(nameof(BuildsOfEveryProfile))]
    public void A_build_passes_check_pdf_for_its_profile(string issue, string profile)
    {
        var folder = ProfileBuilds.ScratchFolder();
        var pdf = Path.Combine(folder, "out.pdf");
        var build = Cli.Run(Repo.Root, "build", issue, "--profile", profile, "--out", pdf);
        Assert.True(build.ExitCode == 0, build.StdErr);
        Assert.DoesNotContain("warning", build.StdErr, StringComparison.Ordinal);
        var check = Cli.Run(Repo.Root, "check", "--pdf", pdf, "--profile", profile, "--json");
        Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
        using var json = JsonDocument.Parse(check.StdOut);
        Assert.Equal(profile, json.RootElement.GetProperty("profile").GetString());
        Assert.True(json.RootElement.GetProperty("pages").GetInt32() > 0);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("severity")} [{f.GetProperty("category")}] {f.GetProperty("message")}"));
        var issueCheck = Cli.Run(Repo.Root, "check", issue, "--profile", profile, "--json");
        Assert.True(issueCheck.ExitCode == 0, issueCheck.StdOut + issueCheck.StdErr);
        using var issueJson = JsonDocument.Parse(issueCheck.StdOut);
        // Only the note that a print file leaves its links out.
        Assert.All(issueJson.RootElement.GetProperty("findings").EnumerateArray(), f =>
        {
            Assert.Equal("Note", f.GetProperty("severity").GetString());
            Assert.Equal("link", f.GetProperty("category").GetString());
        });
    }

    [Fact]
    public void An_issue_with_RGB_images_builds_as_PDF_X_1a_with_the_images_in_CMYK_and_check_finds_no_colour()
    {
        var pdf = Path.Combine(ProfileBuilds.ScratchFolder(), "x.pdf");
        var build = Cli.Run(Repo.Root, "build", "samples/figures-and-tables", "--profile", "print-x1a", "--out", pdf);
        Assert.True(build.ExitCode == 0, build.StdErr);
        var images = PdfTools.Ok("pdfimages", "-list", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(2, images.Count); // chart.png and harbour.jpg
        Assert.All(images, row => Assert.Equal(("cmyk", "4"), (row[5], row[6])));
        foreach (var check in new[] { Cli.Run(Repo.Root, "check", "--pdf", pdf, "--profile", "print-x1a"),
            Cli.Run(Repo.Root, "check", "samples/figures-and-tables", "--profile", "print-x1a") })
        {
            Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
            Assert.Contains("DeviceCMYK", check.StdOut, StringComparison.Ordinal);
            Assert.DoesNotContain("DeviceRGB", check.StdOut, StringComparison.Ordinal);
            Assert.DoesNotContain("ISO 15930-1 §6.2.3", check.StdOut, StringComparison.Ordinal);
        }
    }

    public static TheoryData<PdfProfile, string, string[]> CrossProfiles() => new()
    {
        { PdfProfile.Screen, "print-x1a", ["ISO 15930-1 §6.1.1", "ISO 15930-1 §6.2.2", "ISO 15930-1 §6.2.4", "ISO 15930-1 §6.6.5"] },
        { PdfProfile.Screen, "print", ["ISO 15930-7 §6.1.2", "ISO 15930-7 §6.2.3", "ISO 15930-7 §6.2.2", "ISO 15930-7 §6.4.1", "ISO 15930-7 §6.2.4.3"] },
        { PdfProfile.Screen, "archive", ["ISO 19005-3 §6.6.4", "ISO 19005-3 §6.2.3", "ISO 19005-3 §6.2.4.3"] },
        { PdfProfile.Print, "screen", ["ISO 14289-1 §5"] },
        { PdfProfile.Print, "print-x1a", ["ISO 15930-1 §6.1.1", "ISO 15930-1 §6.6.5"] },
        { PdfProfile.Print, "archive", ["ISO 19005-3 §6.6.4", "ISO 19005-3 §6.6.2.3.1", "ISO 19005-3 §6.2.3", "ISO 19005-3 §6.2.4.3"] },
        { PdfProfile.PrintX1a, "screen", ["ISO 14289-1 §5", "ISO 14289-1 §6.2", "ISO 14289-1 §7.1", "ISO 14289-1 §7.2"] },
        { PdfProfile.PrintX1a, "print", ["ISO 15930-7 §6.7.2"] },
        { PdfProfile.PrintX1a, "archive", ["ISO 19005-3 §6.6.2.1", "ISO 19005-3 §6.2.3", "ISO 19005-3 §6.2.4.3"] },
        { PdfProfile.Archive, "print", ["ISO 15930-7 §6.1.2", "ISO 15930-7 §6.2.3", "ISO 15930-7 §6.2.2", "ISO 15930-7 §6.4.1"] },
        { PdfProfile.Archive, "print-x1a", ["ISO 15930-1 §6.1.1", "ISO 15930-1 §6.2.2", "ISO 15930-1 §6.2.4"] },
    };

    [Theory]
    [MemberData(nameof(CrossProfiles))]
    public void A_file_checked_as_another_profile_fails_with_that_profiles_clauses(PdfProfile built, string checkedAs, string[] clauses)
    {
        var report = PdfPreflight.Check(ProfileBuilds.Get("issues/vol-11", built), PreflightRules.For(checkedAs));
        Assert.True(report.HasErrors);
        foreach (var clause in clauses)
            Assert.True(report.Findings.Any(f => f.Severity == Severity.Error && f.Clause == clause),
                $"no {clause} among: " + string.Join("; ", report.Findings.Select(f => $"{f.Clause}: {f.Message}")));
    }

    [Theory]
    [InlineData(PdfProfile.Screen)]
    [InlineData(PdfProfile.Archive)]
    public void Screen_and_archive_claim_PDF_UA_1_and_print_files_do_not(PdfProfile profile)
    {
        foreach (var issue in new[] { "issues/vol-11", "samples/figures-and-tables", "samples/english-only" })
            Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", Pdf.PdfTools.Uncompressed(ProfileBuilds.Get(issue, profile)));
        Assert.DoesNotContain("pdfuaid", Pdf.PdfTools.Uncompressed(ProfileBuilds.Get("issues/vol-11", PdfProfile.Print)));
    }

    [Fact]
    public void A_figure_without_alternative_text_is_not_claimed_as_PDF_UA()
    {
        var (_, document) = IssueBuild.Compose(Repo.Path("samples", "figures-and-tables"), new Diagnostics.WarningLog());
        var stripped = document with { Structure = [.. document.Structure.Select(e => e with { Alt = null })] };
        var path = Path.Combine(ProfileBuilds.ScratchFolder(), "no-alt.pdf");
        PdfWriter.Write(stripped, path);
        Assert.DoesNotContain("pdfuaid", Pdf.PdfTools.Uncompressed(path));
        Assert.Contains(PdfPreflight.Check(path, PreflightRules.For("screen")).Findings, f => f.Clause == "ISO 14289-1 §7.3");
    }
}
