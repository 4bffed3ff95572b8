using System.Collections.Concurrent;
using NewsletterPress.Diagnostics;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;

namespace NewsletterPress.Tests.Support;

/// <summary>One build of an issue folder through the real command line, read back with mupdf.</summary>
internal sealed record BuiltIssue(string Issue, string Pdf, string StdErr, IReadOnlyList<PdfChar> Chars, LayoutConfig Config);

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

    private static BuiltIssue Build(string issue)
    {
        Directory.CreateDirectory(Folder);
        var pdf = Path.Combine(Folder, issue.Replace('/', '-') + ".pdf");
        var r = Cli.Run(Repo.Root, "build", issue, "--out", pdf);
        Assert.True(r.ExitCode == 0, r.StdErr);
        var style = IssueLoader.Load(Repo.Path(issue)).Style;
        return new BuiltIssue(issue, pdf, r.StdErr, StructuredText.Read(pdf), LayoutConfig.From(style, new WarningLog()));
    }
}
