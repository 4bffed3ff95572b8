namespace NewsletterPress.Manifest;

/// <summary>
/// The JSON Schemas of issue.yaml and of an article's front matter, which ship beside the binary
/// (schemas/) so that an editor's YAML language server can check a manifest wherever the issue lives.
/// </summary>
public static class SchemaFiles
{
    public const string IssueSchemaName = "issue.schema.json";
    public const string ArticleSchemaName = "article.schema.json";

    /// <summary>The schemas/ folder: beside the binaries, or at the repository root when run from source.</summary>
    public static string Folder { get; } = Find();

    public static string IssueSchema => Path.Combine(Folder, IssueSchemaName);
    public static string ArticleSchema => Path.Combine(Folder, ArticleSchemaName);

    /// <summary>The first line of a manifest in <paramref name="issueFolder"/> that points the YAML language
    /// server at the schema, by a path relative to the folder.</summary>
    public static string ModelineFor(string issueFolder) =>
        "# yaml-language-server: $schema=" + Path.GetRelativePath(Path.GetFullPath(issueFolder), IssueSchema).Replace('\\', '/');

    /// <summary>True for a line that names a schema for the YAML language server.</summary>
    public static bool IsModeline(string line) => line.TrimStart().StartsWith("# yaml-language-server:", StringComparison.Ordinal);

    /// <summary>True when the schema line <paramref name="line"/> names a file that exists, seen from <paramref name="issueFolder"/>.</summary>
    public static bool Resolves(string line, string issueFolder)
    {
        const string Key = "$schema=";
        int at = line.IndexOf(Key, StringComparison.Ordinal);
        if (at < 0) return false;
        var target = line[(at + Key.Length)..].Trim();
        if (target.Contains("://", StringComparison.Ordinal) || target.Length == 0) return false;
        return File.Exists(Path.Combine(Path.GetFullPath(issueFolder), target));
    }

    private static string Find()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "schemas");
        if (File.Exists(Path.Combine(beside, IssueSchemaName))) return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsletterPress.sln")))
                return Path.Combine(dir.FullName, "schemas");
        return beside;
    }
}
