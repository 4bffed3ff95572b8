using NewsletterPress.Layout.Collect;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// Articles collected in parallel (issue #14): the real command line with parallel collection turned off and forced on
/// (<see cref="ArticlesAhead.EnvironmentVariable"/> 0 and 1; on, even a single core gets a worker) builds the same
/// bytes, and tells the same warnings in the same order.
/// </summary>
public sealed class ParallelCollectionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "np-parallel-" + Guid.NewGuid().ToString("N"));

    public ParallelCollectionTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Builds the issue from its own folder, so that warnings name files relative to it.</summary>
    private static Cli.Result Build(string issueFolder, string profile, bool parallel, string pdf) =>
        Cli.RunWith(new Dictionary<string, string> { [ArticlesAhead.EnvironmentVariable] = parallel ? "1" : "0" }, issueFolder,
            "build", ".", "--profile", profile, "--out", pdf);

    public static TheoryData<string, string> Issues() => new()
    {
        // vol-11 in the screen profile: Vol11PdfTests.Building_twice_gives_the_same_bytes_with_parallel_collection_on_and_off.
        { "vol-11", "archive" }, { "twenty articles", "screen" }, { "twenty articles", "archive" },
    };

    [Theory]
    [MemberData(nameof(Issues))]
    public void Building_with_parallel_collection_on_and_off_gives_the_same_bytes(string issue, string profile)
    {
        var folder = issue == "vol-11" ? Repo.Vol11 : BuiltIssues.TwentyWorldReports().Folder;
        var inOrder = Path.Combine(_folder, "in-order.pdf");
        var inParallel = Path.Combine(_folder, "in-parallel.pdf");
        var off = Build(folder, profile, parallel: false, inOrder);
        var on = Build(folder, profile, parallel: true, inParallel);
        Assert.True(off.ExitCode == 0, off.StdErr);
        Assert.True(on.ExitCode == 0, on.StdErr);

        Assert.Equal(File.ReadAllBytes(inOrder), File.ReadAllBytes(inParallel));
        Assert.Equal(off.StdErr, on.StdErr);
        // The same bytes of a whole issue: every article's text is there, read back.
        int pages = int.Parse(PdfTools.Ok("pdfinfo", inParallel).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..],
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages >= (issue == "vol-11" ? 4 : 30), $"{pages} pages");
        var text = PdfTools.Ok("pdftotext", "-enc", "UTF-8", inParallel, "-");
        Assert.Contains(issue == "vol-11" ? "World Report 1" : "World Report 20", text);
    }

    [Fact]
    public void Warnings_come_in_the_same_order_with_the_same_positions_with_parallel_collection_on_and_off()
    {
        // Warnings from the text of several articles and one from the collection in order (a new-column start that
        // cannot join), which must stay between those of the articles around it.
        string Cut(string digits) => $"A number too long for any column: {digits}{digits}{digits}{digits}{digits}{digits}{digits}.";
        static string Table(string cell) => "| " + string.Join(" | ", Enumerable.Repeat(cell, 9)) + " |\n|" +
            string.Concat(Enumerable.Repeat("---|", 9)) + "\n| " + string.Join(" | ", Enumerable.Repeat(cell + " and more", 9)) + " |\n";
        var longNote = string.Join(" ", Enumerable.Repeat("This footnote goes on, sentence after sentence, far longer than a column's foot holds.", 60));
        using var issue = new IssueFolder(
            "newsletter: Test Letter\nvolume: 3\ndate: 2024-01-15\npublisher: Tester\nlanguage: en\narticles:\n" +
            "  - articles/a.md\n  - path: articles/b.md\n    start: new-column\n  - articles/c.md\n  - articles/d.md\n",
            ("a.md", $"---\ntitle: First\n---\n\n{Cut("1234567890")}\n\nA second paragraph.\n\n{Cut("2345678901")}\n"),
            ("b.md", $"---\ntitle: Second\ncolumns: 1\n---\n\nText in one column, then a table far wider than the block.\n\n{Table("A long header cell")}"),
            ("c.md", $"---\ntitle: Third\n---\n\n{Cut("3456789012")}\n\nA call to a long note.[^1]\n\n[^1]: {longNote}\n"),
            ("d.md", $"---\ntitle: Fourth\n---\n\n{Table("Wide cell")}\n{Cut("4567890123")}\n"));

        var off = Build(issue.Path, "screen", parallel: false, issue.Output("in-order.pdf"));
        var on = Build(issue.Path, "screen", parallel: true, issue.Output("in-parallel.pdf"));
        Assert.True(off.ExitCode == 0, off.StdErr);
        Assert.True(on.ExitCode == 0, on.StdErr);

        static List<string> Warnings(Cli.Result r) => [.. r.StdErr.Split('\n').Where(l => l.Contains(": warning[", StringComparison.Ordinal))];
        Assert.Equal(Warnings(off), Warnings(on));
        // Codes and positions, in the order of the articles and, within one, of the text.
        var expected = new[]
        {
            "articles/a.md:5:1: warning[unbreakable-cut]", "articles/a.md:9:1: warning[unbreakable-cut]",
            "articles/a.md:9:1: warning[unbreakable-cut]", "issue.yaml:8:11: warning[new-column-not-joined]",
            "articles/b.md:8:1: warning[table-narrowed]", "articles/c.md:1:1: warning[long-footnote]",
            "articles/c.md:5:1: warning[unbreakable-cut]", "articles/d.md:9:1: warning[unbreakable-cut]",
            "articles/d.md:9:1: warning[unbreakable-cut]",
        };
        Assert.Equal(expected, Warnings(on).Select(w => w[..(w.IndexOf(']', StringComparison.Ordinal) + 1)]));
        Assert.Equal(File.ReadAllBytes(issue.Output("in-order.pdf")), File.ReadAllBytes(issue.Output("in-parallel.pdf")));
    }
}
