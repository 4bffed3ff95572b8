namespace NewsletterPress.Tests.Support;

/// <summary>A throwaway issue folder written by a test, removed afterwards.</summary>
internal sealed class IssueFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "np-issue-" + Guid.NewGuid().ToString("N"));

    public IssueFolder(string manifest, params (string Name, string Text)[] articles)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "articles"));
        File.WriteAllText(System.IO.Path.Combine(Path, "issue.yaml"), manifest);
        foreach (var (name, text) in articles)
            File.WriteAllText(System.IO.Path.Combine(Path, "articles", name), text);
    }

    /// <summary>A minimal valid manifest listing the given article files.</summary>
    public static string Manifest(string language = "ja", params string[] articles) =>
        $"newsletter: Test Letter\nvolume: 3\ndate: 2024-01-15\npublisher: Tester\nlanguage: {language}\narticles:\n"
        + string.Concat(articles.Select(a => $"  - articles/{a}\n"));

    /// <summary>A minimal valid manifest whose one article starts on a page of its own, after the cover.</summary>
    public static string ManifestWithArticleOnPage2(string language, string article) =>
        $"newsletter: Test Letter\nvolume: 3\ndate: 2024-01-15\npublisher: Tester\nlanguage: {language}\narticles:\n"
        + $"  - path: articles/{article}\n    start: new-page\n";

    /// <summary>A path for an output file beside the issue folder (the tool never writes into the folder), removed with it.</summary>
    public string Output(string name)
    {
        Directory.CreateDirectory(OutputFolder);
        return System.IO.Path.Combine(OutputFolder, name);
    }

    private string OutputFolder => Path + "-out";

    public void Dispose()
    {
        foreach (var folder in new[] { Path, OutputFolder })
            try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
