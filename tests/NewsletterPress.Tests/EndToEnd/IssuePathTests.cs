using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;
using SkiaSharp;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>How the command line finds the issue and where it writes: the folder, its issue.yaml or the
/// current folder; output never inside the issue folder; images relative to the article, then the issue.</summary>
public class IssuePathTests
{
    private const string Article = "---\ntitle: T\n---\n\n本文。\n";

    [Fact]
    public void Check_takes_the_options_build_takes()
    {
        using var tree = new IssuesTree();
        var folder = tree.Issue("vol-3", IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        var r = Cli.Run(tree.Root, "check", "-p", "print", "--max-image-dpi", "300", folder);
        Assert.True(r.ExitCode is 0 or 1, r.StdErr);
        Assert.Contains("profile print", r.StdOut);
        // The print checks ran: a one-page issue does not fold into sheets of four.
        Assert.Contains("multiple of 4", r.StdOut);
    }

    [Fact]
    public void Build_without_a_folder_builds_the_current_folder_and_writes_beside_it()
    {
        using var tree = new IssuesTree();
        var folder = tree.Issue("vol-3", IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        var before = IssuesTree.Snapshot(folder);
        var r = Cli.Run(folder, "build");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("wrote ../out/test-letter-vol-3.pdf", r.StdOut);
        Assert.True(File.Exists(tree.Path("out", "test-letter-vol-3.pdf")));
        Assert.Equal(before, IssuesTree.Snapshot(folder));
    }

    [Fact]
    public void Build_dot_and_proof_inside_an_articles_folder_leave_the_issue_folder_untouched()
    {
        using var tree = new IssuesTree();
        var folder = tree.Issue("vol-3", IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        var before = IssuesTree.Snapshot(folder);
        Assert.Equal(0, Cli.Run(folder, "build", ".").ExitCode);
        Assert.Equal(0, Cli.Run(Path.Combine(folder, "articles"), "build", "..", "-p", "print").ExitCode);
        Assert.Equal(0, Cli.Run(folder, "proof", "--dpi", "20").ExitCode);
        Assert.True(File.Exists(tree.Path("out", "test-letter-vol-3.pdf")));
        Assert.True(File.Exists(tree.Path("out", "test-letter-vol-3-print.pdf")));
        Assert.True(File.Exists(tree.Path("proofs", "page-001.png")));
        Assert.Equal(before, IssuesTree.Snapshot(folder));
    }

    [Fact]
    public void Build_accepts_the_path_of_issue_yaml()
    {
        using var tree = new IssuesTree();
        tree.Issue("vol-3", IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        var r = Cli.Run(tree.Root, "build", "vol-3/issue.yaml");
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(tree.Path("out", "test-letter-vol-3.pdf")));
        var other = Cli.Run(tree.Root, "build", "vol-3/articles/a.md");
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("name an issue folder, or the issue.yaml inside it", other.StdErr);
    }

    [Fact]
    public void Images_resolve_against_the_article_then_the_issue_folder()
    {
        using var tree = new IssuesTree();
        var folder = tree.Issue("vol-3", IssueFolder.Manifest("ja", "a.md"),
            ("a.md", Article + "\n![beside the article](beside.png)\n\n![in the issue's images](images/photo.png)\n\n![the usual way](../images/photo.png)\n"));
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        TestImages.Png(Path.Combine(folder, "images", "photo.png"), 40, 30, SKColors.Teal);
        TestImages.Png(Path.Combine(folder, "articles", "beside.png"), 40, 30, SKColors.Orange);
        var pdf = tree.Path("out", "x.pdf");
        var r = Cli.Run(tree.Root, "build", folder, "--out", pdf);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(3, PdfTools.Ok("pdfimages", "-list", pdf).Split('\n').Skip(2).Count(l => l.Trim().Length > 0));
    }

    [Fact]
    public void A_missing_image_names_both_places_it_looked()
    {
        using var tree = new IssuesTree();
        var folder = tree.Issue("vol-3", IssueFolder.Manifest("ja", "a.md"), ("a.md", Article + "\n![写真](images/none.png)\n"));
        var r = Cli.Run(folder, "build");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("a.md:7:1: error: the image 'images/none.png' was not found", r.StdErr);
        Assert.Contains("articles/images/none.png", r.StdErr);
        Assert.Matches(@"and for (\./)?images/none\.png", r.StdErr);
    }
}
