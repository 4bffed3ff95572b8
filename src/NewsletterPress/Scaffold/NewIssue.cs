using System.Globalization;
using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using NewsletterPress.Manifest;

namespace NewsletterPress.Scaffold;

/// <summary>What <see cref="NewIssue.Create"/> made: the folder, and the volume it continues (null for a first issue).</summary>
public sealed record CreatedIssue(string Folder, int Volume, DateOnly Date, string? ContinuesFrom, IReadOnlyList<string> Files);

/// <summary>
/// <c>newsletterpress new FOLDER</c>: a new issue folder. Beside earlier volumes it continues the latest
/// (its manifest and style, the next volume and date, no articles yet); alone it is a complete first
/// issue that builds as it is, every manifest key written with its default and two articles that show
/// every Markdown feature the tool sets.
/// </summary>
public static class NewIssue
{
    public static CreatedIssue Create(string folder, DateOnly today)
    {
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var (kind, _) = FileKinds.Of(folder);
        if (kind == FileKind.Directory && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new InputException(SourcePosition.WholeFile(folder),
                $"'{SourcePosition.DisplayPath(folder)}' already holds files; name a new folder for the issue, e.g. issues/vol-12");
        if (kind is not (FileKind.Missing or FileKind.Directory))
            throw new InputException(SourcePosition.WholeFile(folder), $"'{SourcePosition.DisplayPath(folder)}' is {FileKinds.Describe(kind)}; name a new folder for the issue");
        // A new volume's date follows the earlier volumes' rhythm; a first issue's is today.
        return NextVolume.LatestBeside(folder) is var (latest, next)
            ? NextVolume.Create(folder, latest, next)
            : FirstIssue(folder, today);
    }

    private static CreatedIssue FirstIssue(string folder, DateOnly today)
    {
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        var manifest = TemplateFiles.Read(IssueLoader.ManifestFileName)
            .Replace("{{SCHEMA}}", SchemaFiles.ModelineFor(folder), StringComparison.Ordinal)
            .Replace("{{DATE}}", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var files = new List<string>();
        void Write(string relative, string text)
        {
            File.WriteAllText(Path.Combine(folder, relative), text);
            files.Add(relative);
        }
        Write(IssueLoader.ManifestFileName, manifest);
        Write("articles/welcome-ja.md", TemplateFiles.Read("welcome-ja.md"));
        Write("articles/welcome-en.md", TemplateFiles.Read("welcome-en.md"));
        SampleImage.Write(Path.Combine(folder, "images", "sample.png"));
        files.Add("images/sample.png");
        files.Add(FrontMatterLint.Write(folder));
        return new CreatedIssue(folder, 1, today, null, files);
    }
}
