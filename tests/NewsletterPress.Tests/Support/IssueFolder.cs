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

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
