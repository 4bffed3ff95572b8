using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

public class CommandLineTests
{
    private const string Article = "---\ntitle: T\n---\n\n本文。\n";

    [Fact]
    public void Bad_input_exits_1_with_file_line_and_column_no_stack_trace_and_no_pdf()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md").Replace("volume:", "volumen:"), ("a.md", Article));
        var pdf = Path.Combine(folder.Path, "..", Path.GetFileName(folder.Path) + ".pdf");
        var r = Cli.Run(folder.Path, "build", folder.Path, "--out", pdf);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"issue\.yaml:2:1: error: unknown key 'volumen'.*did you mean 'volume'", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public void A_failed_build_keeps_the_previous_good_pdf()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        var pdf = folder.Output("good.pdf");
        Assert.Equal(0, Cli.Run(folder.Path, "build", folder.Path, "--out", pdf).ExitCode);
        var before = File.ReadAllBytes(pdf);
        File.WriteAllText(Path.Combine(folder.Path, "articles", "a.md"), "---\ntitle: T\n---\n\n古代\U00013000文字。\n");
        var r = Cli.Run(folder.Path, "build", folder.Path, "--out", pdf);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"a\.md:5:3: error: no configured font has the character U\+13000", r.StdErr);
        Assert.Equal(before, File.ReadAllBytes(pdf));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(pdf)!, "*.pdf*"));
    }

    [Fact]
    public void A_missing_issue_folder_is_an_input_error()
    {
        var r = Cli.Run(Path.GetTempPath(), "build", "/nonexistent/vol-99");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("does not exist", r.StdErr);
    }

    [Fact]
    public void Unknown_commands_are_usage_errors_and_help_lists_the_commands()
    {
        Assert.Equal(2, Cli.Run(Path.GetTempPath(), "bulid", "x").ExitCode);
        var help = Cli.Run(Path.GetTempPath(), "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("build", help.StdOut);
        Assert.Contains("check", help.StdOut);
    }

    [Fact]
    public void Check_reports_pages_without_writing_a_pdf()
    {
        using var folder = new IssueFolder(IssueFolder.ManifestWithArticleOnPage2("ja", "a.md"), ("a.md", Article));
        var r = Cli.Run(folder.Path, "check", folder.Path);
        Assert.Equal(0, r.ExitCode);
        // The cover holds masthead and contents; the article starts a new page, as the manifest asks.
        Assert.Contains("Test Letter Vol.3 — 2 pages", r.StdOut);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "out")));
    }

    [Fact]
    public void SOURCE_DATE_EPOCH_sets_the_dates_written_into_the_pdf()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        var pdf = folder.Output("dated.pdf");
        var r = Cli.RunWith(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" }, folder.Path, "build", folder.Path, "--out", pdf);
        Assert.Equal(0, r.ExitCode);
        var raw = NewsletterPress.Tests.Pdf.PdfTools.Uncompressed(pdf);
        Assert.Contains("D:20231114221320", raw); // 1700000000 = 2023-11-14 22:13:20 UTC
        Assert.Equal(0, Cli.Run(folder.Path, "build", folder.Path, "--out", pdf).ExitCode);
        Assert.Contains("D:20240115000000", NewsletterPress.Tests.Pdf.PdfTools.Uncompressed(pdf)); // the issue date
    }

    [Fact]
    public void A_font_that_cannot_be_read_is_an_input_error_naming_it()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md") + "style:\n  fonts: { mincho: broken.ttf }\n", ("a.md", Article));
        File.WriteAllText(Path.Combine(folder.Path, "broken.ttf"), "this is not a font");
        var pdf = folder.Output("x.pdf");
        var r = Cli.Run(folder.Path, "build", folder.Path, "--out", pdf);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("broken.ttf", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public void An_image_that_cannot_be_decoded_is_an_error_at_its_place_in_the_article()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Article + "\n![写真](../images/photo.png)\n"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        File.WriteAllText(Path.Combine(folder.Path, "images", "photo.png"), "not a png");
        var pdf = folder.Output("x.pdf");
        var r = Cli.Run(folder.Path, "build", folder.Path, "--out", pdf);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"a\.md:7:1: error: the image 'photo\.png' cannot be read", r.StdErr);
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public void A_character_no_font_has_in_a_title_is_an_error_at_the_front_matter()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", "---\ntitle: お知らせ\U0001F600\n---\n\n本文。\n"));
        var r = Cli.Run(folder.Path, "build", folder.Path, "--out", folder.Output("x.pdf"));
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"a\.md:2:1: error: no configured font has the character U\+1F600", r.StdErr);
    }
}
