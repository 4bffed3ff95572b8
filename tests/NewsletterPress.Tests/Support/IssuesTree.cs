namespace NewsletterPress.Tests.Support;

/// <summary>A throwaway issues/ folder of its own, removed afterwards: for tests that write beside an
/// issue folder (out/ and proofs/ go there when the tool runs inside it) or that create volumes.</summary>
internal sealed class IssuesTree : IDisposable
{
    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "np-issues-" + Guid.NewGuid().ToString("N"));

    public IssuesTree() => Directory.CreateDirectory(Root);

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Writes an issue folder <paramref name="name"/> with its manifest and articles (under articles/).</summary>
    public string Issue(string name, string manifest, params (string Name, string Text)[] articles)
    {
        var folder = Path(name);
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "articles"));
        File.WriteAllText(System.IO.Path.Combine(folder, "issue.yaml"), manifest);
        foreach (var (file, text) in articles)
            File.WriteAllText(System.IO.Path.Combine(folder, "articles", file), text);
        return folder;
    }

    /// <summary>Every file under <paramref name="folder"/> with its bytes, to show that a run left it untouched.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(p => System.IO.Path.GetRelativePath(folder, p),
                p => File.Exists(p) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))) : "folder");

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
