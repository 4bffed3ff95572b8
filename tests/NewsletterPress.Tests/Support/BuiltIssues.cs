using System.Collections.Concurrent;
using NewsletterPress.Diagnostics;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;

namespace NewsletterPress.Tests.Support;

/// <summary>One build of an issue folder through the real command line, read back with mupdf.</summary>
internal sealed record BuiltIssue(string Issue, string Pdf, string StdErr, IReadOnlyList<PdfChar> Chars, LayoutConfig Config)
{
    private readonly Lazy<IReadOnlyList<PdfBox>> _boxes = new(() => PageContent.Read(Pdf));

    /// <summary>Text lines and images with their boxes, read back once.</summary>
    public IReadOnlyList<PdfBox> Boxes => _boxes.Value;

    public int Pages => Chars.Max(c => c.Page);

    /// <summary>The issue folder, for its manifest and articles.</summary>
    public string Folder => Path.IsPathRooted(Issue) ? Issue : Repo.Path(Issue);
}

/// <summary>
/// Builds each issue folder once per test run and shares the PDF between the test classes that
/// only read it (the geometry and flow read-backs), so the suite does not build vol-11 ten times.
/// </summary>
internal static class BuiltIssues
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "np-built-" + Guid.NewGuid().ToString("N"));
    private static readonly ConcurrentDictionary<string, Lazy<BuiltIssue>> Builds = new();

    static BuiltIssues() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    };

    /// <summary>vol-11 and every sample, as repository-relative folders.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string> { "issues/vol-11" };
        foreach (var s in Directory.GetDirectories(Repo.Path("samples")).Order())
            data.Add(Path.GetRelativePath(Repo.Root, s));
        return data;
    }

    public static BuiltIssue Get(string issue) => Builds.GetOrAdd(issue, i => new Lazy<BuiltIssue>(() => Build(i))).Value;

    /// <summary>An issue of twenty articles, each vol-11's World Report under its own kicker, as the Typst benchmark's
    /// vol11-big.typ sets it: the test of the planner on a long issue of equal articles.</summary>
    public static BuiltIssue TwentyWorldReports() => Get(TwentyWorldReportsFolder.Value);

    private static readonly Lazy<string> TwentyWorldReportsFolder = new(() =>
    {
        var folder = Path.Combine(Folder, "twenty-world-reports");
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        var report = File.ReadAllText(Repo.Path("issues", "vol-11", "articles", "world-report.md"));
        var entries = new System.Text.StringBuilder();
        for (int i = 1; i <= 20; i++)
        {
            File.WriteAllText(Path.Combine(folder, "articles", $"report-{i:00}.md"),
                report.Replace("kicker: World Report 1", $"kicker: World Report {i}", StringComparison.Ordinal));
            entries.Append($"  - articles/report-{i:00}.md\n");
        }
        File.WriteAllText(Path.Combine(folder, "issue.yaml"),
            "newsletter: Civil Society Forum\nvolume: 99\ndate: 2022-07-01\npublisher: JIVRI\nlanguage: ja\n" +
            "contents: { title: CONTENTS, placement: cover }\narticles:\n" + entries);
        return folder;
    });

    private static BuiltIssue Build(string issue)
    {
        Directory.CreateDirectory(Folder);
        var pdf = Path.Combine(Folder, Path.GetFileName(issue.TrimEnd('/')) + "-" + (uint)issue.GetHashCode(StringComparison.Ordinal) + ".pdf");
        var r = Cli.Run(Repo.Root, "build", issue, "--out", pdf);
        Assert.True(r.ExitCode == 0, r.StdErr);
        var style = IssueLoader.Load(Path.IsPathRooted(issue) ? issue : Repo.Path(issue)).Style;
        return new BuiltIssue(issue, pdf, r.StdErr, StructuredText.Read(pdf), LayoutConfig.From(style, new WarningLog()));
    }
}
