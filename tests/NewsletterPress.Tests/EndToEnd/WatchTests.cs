using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary><c>newsletterpress watch</c>: rebuilds on a change in the issue folder, not on one beside it, and goes on
/// after an error. Real file changes, bounded waits.</summary>
public class WatchTests
{
    private const string Article = "---\ntitle: T\n---\n\n本文の一行目。\n";
    private static readonly TimeSpan Build = TimeSpan.FromSeconds(90);
    /// <summary>How long a change outside the folder is given to (wrongly) start a build: many times the 200 ms debounce.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(4);

    [Fact]
    public void Watch_rebuilds_after_a_change_in_the_folder_and_not_after_one_outside()
    {
        using var tree = new IssuesTree();
        var folder = tree.Issue("vol-3", IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        using var watch = new CliProcess(tree.Root, "watch", "vol-3");
        Assert.True(watch.WaitFor(l => l.Contains("] built in "), Build) is not null, watch.Output);
        var pdf = tree.Path("out", "test-letter-vol-3.pdf");
        Assert.Contains("本文の一行目", PdfTools.Ok("pdftotext", pdf, "-"));

        // Beside the folder: the output folder, a sibling file. Nothing is rebuilt.
        File.WriteAllText(tree.Path("notes.txt"), "not the issue's");
        File.WriteAllText(tree.Path("out", "scratch.txt"), "not the issue's either");
        Assert.Null(watch.WaitFor(l => l.Contains("rebuilt"), Idle));

        // In the folder: an article changes, and the PDF follows.
        File.WriteAllText(Path.Combine(folder, "articles", "a.md"), Article.Replace("一行目", "書き直した一行目", StringComparison.Ordinal));
        var rebuilt = watch.WaitFor(l => l.Contains("] rebuilt in "), Build);
        Assert.True(rebuilt is not null, watch.Output);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(rebuilt, @"rebuilt in \d+ ms: out/test-letter-vol-3\.pdf \(\d+ pages?\), (no|\d+) warnings?$"), rebuilt);
        Assert.Contains("書き直した一行目", PdfTools.Ok("pdftotext", pdf, "-"));
    }

    [Fact]
    public void Watch_reports_an_error_keeps_the_last_good_pdf_and_goes_on()
    {
        using var tree = new IssuesTree();
        var folder = tree.Issue("vol-3", IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        using var watch = new CliProcess(folder, "watch", "--proofs", "../proofs");
        Assert.True(watch.WaitFor(l => l.Contains("] built in "), Build) is not null, watch.Output);
        Assert.True(watch.WaitFor(l => l.StartsWith("proofs: 1 pages", StringComparison.Ordinal), Build) is not null, watch.Output);
        var pdf = tree.Path("out", "test-letter-vol-3.pdf");
        var good = File.ReadAllBytes(pdf);

        var manifest = Path.Combine(folder, "issue.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("volume: 3", "volume 3", StringComparison.Ordinal));
        Assert.True(watch.WaitFor(l => l.Contains("issue.yaml:2:1: error: 'volume 3' has no colon"), Build) is not null, watch.Output);
        Assert.Equal(good, File.ReadAllBytes(pdf));

        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("volume 3", "volume: 4", StringComparison.Ordinal));
        Assert.True(watch.WaitFor(l => l.Contains("] rebuilt in ") && l.Contains("test-letter-vol-4.pdf"), Build) is not null, watch.Output);
        // The proofs are refreshed and the changed page named: the volume number is on page 1.
        Assert.True(watch.WaitFor(l => l == "proofs: changed pages 1", Build) is not null, watch.Output);
        Assert.True(File.Exists(tree.Path("proofs", "diff-001.png")));
    }
}
