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
        var pdf = Path.Combine(folder.Path, "good.pdf");
        Assert.Equal(0, Cli.Run(folder.Path, "build", folder.Path, "--out", pdf).ExitCode);
        var before = File.ReadAllBytes(pdf);
        File.WriteAllText(Path.Combine(folder.Path, "articles", "a.md"), "---\ntitle: T\n---\n\n古代\U00013000文字。\n");
        var r = Cli.Run(folder.Path, "build", folder.Path, "--out", pdf);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"a\.md:5:1: error: no configured font has the character U\+13000", r.StdErr);
        Assert.Equal(before, File.ReadAllBytes(pdf));
        Assert.Single(Directory.GetFiles(folder.Path, "*.pdf*"));
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
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        var r = Cli.Run(folder.Path, "check", folder.Path);
        Assert.Equal(0, r.ExitCode);
        // The cover holds masthead and contents; the article starts a new page by default.
        Assert.Contains("Test Letter Vol.3 — 2 pages", r.StdOut);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "out")));
    }
}
