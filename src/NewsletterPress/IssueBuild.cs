using System.Collections.Immutable;
using System.Globalization;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Text;

namespace NewsletterPress;

/// <summary>What a build produced: the file, its page count and the warnings raised on the way.</summary>
public sealed record BuildResult(string OutputPath, int Pages, IReadOnlyList<Warning> Warnings);

/// <summary>
/// Wires the stages of architecture.md together: manifest → content → text and layout →
/// display list → PDF. Each stage stays ignorant of the others; this is the only place that
/// knows their order.
/// </summary>
public static class IssueBuild
{
    /// <summary>Stages 1–5: the display list of a volume, without writing anything.</summary>
    public static (Issue Issue, DisplayDocument Document) Compose(string folder, WarningLog warnings)
    {
        IcuLibrary.StartLoading(); // on another core while the manifest and the articles are read
        var issue = IssueLoader.Load(folder);
        var articles = issue.Articles
            .Select(a => ArticleLoader.Load(a.Path, issue.Language, issue.Folder, warnings))
            .ToList();
        using var fonts = new FontLibrary(issue.Style.Fonts, issue.Folder, issue.Style.LatinInJapanese);
        var document = IssueLayout.Compose(issue, articles, fonts, warnings, DocumentDate(issue));
        return (issue, document with { Attachments = SourceFiles(issue.Folder) });
    }

    /// <summary>Builds the volume in <paramref name="folder"/> into a PDF at <paramref name="output"/>
    /// (or the default path), replacing any previous file only when the new one is complete.</summary>
    /// <param name="pageMultiple">For print profiles: the page count a print run folds into (pages.multiple-of;
    /// 4 unless the issue says otherwise); a print build of another count warns.</param>
    public static BuildResult ToPdf(string folder, string? output = null, PdfWriterOptions? options = null,
        int pageMultiple = Preflight.PageCount.DefaultMultiple)
    {
        var warnings = new WarningLog();
        var (issue, document) = Compose(folder, warnings);
        options = WriterOptions(issue, options ?? PdfWriterOptions.Default);
        var path = Path.GetFullPath(output ?? DefaultOutput(issue, options.Profile));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        PdfWriter.Write(document, path, options);
        if (options.Profile is PdfProfile.Print or PdfProfile.PrintX1a
            && Preflight.PageCount.Warning(document.Pages.Length, pageMultiple) is { } pageCount)
            warnings.Add(null, pageCount);
        return new BuildResult(path, document.Pages.Length, warnings.All);
    }

    /// <summary>The writer options for this issue: the style's print condition, unless the caller gave
    /// one (the command line's --print-condition overrides the issue for one build).</summary>
    public static PdfWriterOptions WriterOptions(Issue issue, PdfWriterOptions options)
    {
        if (issue.Style.PrintCondition is { } condition && options.PrintIntent is null)
            options = options with
            {
                PrintIntent = new PrintOutputIntent(File.ReadAllBytes(condition.IccPath), condition.Identifier, condition.Condition),
            };
        return options;
    }

    /// <summary>out/civil-society-forum-vol-11.pdf (…-print.pdf, …-archive.pdf) in the current folder:
    /// build output never goes into the issue folder, which must stay the volume's pure source.</summary>
    public static string DefaultOutput(Issue issue, PdfProfile profile = PdfProfile.Screen)
    {
        var slug = string.Join("-", issue.Newsletter.ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0));
        if (slug.Length == 0) slug = "newsletter";
        var suffix = profile switch
        {
            PdfProfile.Print => "-print",
            PdfProfile.PrintX1a => "-print-x1a",
            PdfProfile.Archive => "-archive",
            _ => "",
        };
        return Path.Combine("out", $"{slug}-vol-{issue.Volume}{suffix}.pdf");
    }

    /// <summary>
    /// Every file of the issue folder (manifest, articles, images, fonts), in a stable order:
    /// the archive profile embeds them so that a volume can be rebuilt from its PDF alone.
    /// Hidden files and editor backups are not sources.
    /// </summary>
    public static ImmutableArray<AttachedFile> SourceFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Name: Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => !f.Name.Split('/').Any(part => part.StartsWith('.')) && !f.Name.EndsWith('~'))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new AttachedFile(f.Name, f.Path, MimeType(f.Name)))];

    private static string MimeType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => "application/yaml",
        ".md" => "text/markdown",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".ttf" => "font/ttf",
        ".otf" => "font/otf",
        _ => "application/octet-stream",
    };

    /// <summary>Every date in the file: SOURCE_DATE_EPOCH when set (reproducible builds), else the issue date.</summary>
    private static DateTimeOffset DocumentDate(Issue issue)
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        return new DateTimeOffset(issue.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
