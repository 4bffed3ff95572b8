using System.Collections.Immutable;
using System.Globalization;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Files;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Text;

namespace NewsletterPress;

/// <summary>What a build produced: the file, its page count and the warnings raised on the way.</summary>
public sealed record BuildResult(string OutputPath, int Pages, IReadOnlyList<Warning> Warnings)
{
    /// <summary>The display list the PDF was written from, for proofs of the same build (watch --proofs).</summary>
    public DisplayDocument? Document { get; init; }
}

/// <summary>A volume laid out: the manifest, the display list, and how full the planner made each page.</summary>
public sealed record ComposedIssue(Issue Issue, DisplayDocument Document, LayoutReport Layout)
{
    public void Deconstruct(out Issue issue, out DisplayDocument document) => (issue, document) = (Issue, Document);
}

/// <summary>
/// Wires the stages of architecture.md together: manifest → content → text and layout →
/// display list → PDF. Each stage stays ignorant of the others; this is the only place that
/// knows their order.
/// </summary>
public static class IssueBuild
{
    /// <summary>Stages 1–5: the display list of a volume, without writing anything.</summary>
    public static ComposedIssue Compose(string folder, WarningLog warnings) => ComposeWithArticles(folder, warnings).Composed;

    private static (ComposedIssue Composed, IReadOnlyList<Article> Articles) ComposeWithArticles(string folder, WarningLog warnings)
    {
        IcuLibrary.StartLoading(); // on another core while the manifest and the articles are read
        // Every article the manifest lists is read, even when the manifest has errors elsewhere, so that one run
        // reports the errors of the manifest and of all the articles.
        var (read, manifestErrors) = IssueLoader.LoadCollecting(folder);
        var errors = new List<InputException>();
        if (manifestErrors is not null) errors.Add(manifestErrors);
        var articles = new List<Article>();
        foreach (var reference in read?.Articles ?? [])
        {
            try { articles.Add(ArticleLoader.Load(reference.Path, read!.Language, read.Folder, warnings)); }
            catch (InputException e) { errors.Add(e); }
        }
        if (errors.Count > 0) throw InputException.Combine(errors);
        var issue = read!;
        var date = DocumentDate(issue);
        using var fonts = new FontLibrary(issue.Style.Fonts, issue.Folder, issue.Style.LatinInJapanese);
        var (document, report) = IssueLayout.Compose(issue, articles, fonts, warnings, date);
        return (new ComposedIssue(issue, document, report), articles);
    }

    /// <summary>Builds the volume in <paramref name="folder"/> into a PDF at <paramref name="output"/>
    /// (or the default path), replacing any previous file only when the new one is complete.
    /// Nothing is ever written into the issue folder.</summary>
    /// <param name="pageMultiple">For print profiles: the page count a print run folds into (4 for a folded
    /// sheet); the issue's <c>pages.multiple-of</c> overrides it. A print build of another count warns.</param>
    public static BuildResult ToPdf(string folder, string? output = null, PdfWriterOptions? options = null,
        int pageMultiple = Preflight.PageCount.DefaultMultiple)
    {
        var warnings = new WarningLog();
        var ((issue, document), articles) = ComposeWithArticles(folder, warnings);
        options = WriterOptions(issue, options ?? PdfWriterOptions.Default);
        var path = Path.GetFullPath(output ?? Path.Combine(OutputPaths.DefaultFolder(issue.Folder), DefaultFileName(issue, options.Profile)));
        var fontFiles = FontFilesOf(document);
        OutputPaths.CheckFile(path, issue.Folder, fontFiles);
        if (options.Profile == PdfProfile.Archive)
            document = document with { Attachments = SourceFiles(issue.Folder, fontFiles) };
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            PdfWriter.Write(document, path, options);
        }
        catch (PdfWriterException e) when (e.File is { } file)
        {
            // The writer knows the file; the editor wants the line that placed it.
            var figure = articles.SelectMany(a => Figures(a.Blocks.Concat(a.Footnotes.SelectMany(n => n.Blocks)))).FirstOrDefault(f => f.Path == file);
            var font = issue.Style.Fonts.Where.FirstOrDefault(kv => Path.GetFileName(FontName(issue.Style.Fonts, kv.Key)) == Path.GetFileName(file));
            throw new InputException(figure?.Where ?? font.Value ?? SourcePosition.WholeFile(file), e.Message);
        }
        catch (IOException e)
        {
            throw new InputException(SourcePosition.Named(SourcePosition.DisplayPath(path)), $"cannot write the PDF: {e.Message}");
        }
        if (options.Profile is PdfProfile.Print or PdfProfile.PrintX1a
            && Preflight.PageCount.Warning(document.Pages.Length, issue.Pages?.MultipleOf ?? pageMultiple) is { } pageCount)
            warnings.Add(issue.Pages?.Where, WarningCode.PageCount, pageCount);
        return new BuildResult(path, document.Pages.Length, warnings.All) { Document = document };
    }

    /// <summary>The writer options for this issue: the style's print condition, unless the caller gave
    /// one (the command line's --print-condition overrides the issue for one build).</summary>
    public static PdfWriterOptions WriterOptions(Issue issue, PdfWriterOptions options)
    {
        if (issue.Style.PrintCondition is { } condition && options.PrintIntent is null)
            options = options with
            {
                PrintIntent = new PrintOutputIntent(
                    InputFiles.Read(condition.IccPath, FileRule.IccProfile, SourcePosition.WholeFile(condition.IccPath),
                        Path.GetFileName(condition.IccPath), InputFiles.RealFolder(issue.Folder)),
                    condition.Identifier, condition.Condition),
            };
        return options;
    }

    private static string FontName(FontChoice fonts, string role) => role switch
    {
        "mincho" => fonts.Mincho,
        "gothic" => fonts.Gothic,
        "serif" => fonts.Serif,
        _ => fonts.Sans,
    };

    private static IEnumerable<Figure> Figures(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
    {
        Figure f => [f],
        Quote q => Figures(q.Blocks),
        ListBlock l => l.Items.SelectMany(item => Figures(item)),
        _ => [],
    });

    /// <summary>The font files the display list uses, by real path.</summary>
    private static List<string> FontFilesOf(DisplayDocument document) =>
        [.. document.Pages.SelectMany(p => p.Items.OfType<GlyphRun>()).Select(r => r.Font.FilePath).Distinct()
            .Select(f => RealPath.Of(f) ?? f).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>civil-society-forum-vol-11.pdf (…-print.pdf, …-archive.pdf), written to out/ in the current
    /// folder: build output never goes into the issue folder, which must stay the volume's pure source
    /// (run from inside the folder, out/ goes beside it instead).</summary>
    private static string DefaultFileName(Issue issue, PdfProfile profile)
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
        return $"{slug}-vol-{issue.Volume}{suffix}.pdf";
    }

    /// <summary>
    /// Every file of the issue folder (manifest, articles, images, fonts), in a stable order, and
    /// every font the volume embeds from elsewhere (bundled or installed), at the top of the folder
    /// where a rebuild finds it first: the archive profile embeds them so that a volume can be
    /// rebuilt from its PDF alone. Hidden files and editor backups are not sources. A link that
    /// leads outside the folder, or a FIFO, device or socket in it, is an error: the archive
    /// would carry a file that is not the volume's, or wait forever.
    /// </summary>
    public static ImmutableArray<AttachedFile> SourceFiles(string folder, IEnumerable<string> fontFiles)
    {
        folder = Path.GetFullPath(folder);
        var realFolder = InputFiles.RealFolder(folder);
        var files = new List<(string Path, string Name)>();
        Collect(folder, folder, realFolder, files);
        var names = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var font in fontFiles.Where(f => !RealPath.IsInside(f, realFolder)))
        {
            var name = Path.GetFileName(font);
            if (!names.Add(name))
                throw new InputException(SourcePosition.WholeFile(Path.Combine(folder, name)),
                    $"the issue folder holds '{name}', but the volume uses the font of that name from {Path.GetDirectoryName(font)}; rename or remove the folder's file");
            files.Add((font, name));
        }
        long total = 0;
        foreach (var (path, _) in files)
        {
            total += new FileInfo(path).Length;
            if (total > FileRule.AttachmentsTotal)
                throw new InputException(SourcePosition.WholeFile(folder),
                    $"the issue folder's files come to more than the {FileRule.Size(FileRule.AttachmentsTotal)} the archive profile attaches; move what is not the volume's source out of the folder");
        }
        return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new AttachedFile(f.Name, f.Path, MimeType(f.Name)))];
    }

    private static void Collect(string directory, string folder, string realFolder, List<(string Path, string Name)> files)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.Name.StartsWith('.') || entry.Name.EndsWith('~')) continue;
            var name = Path.GetRelativePath(folder, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            var (kind, _) = FileKinds.Of(entry.FullName);
            if (entry.LinkTarget is null && kind == FileKind.Directory)
            {
                Collect(entry.FullName, folder, realFolder, files);
                continue;
            }
            // A link to a folder inside: its files are attached under their own names already.
            if (entry.LinkTarget is not null && kind == FileKind.Directory && RealPath.Of(entry.FullName) is { } real && RealPath.IsInside(real, realFolder))
                continue;
            InputFiles.Check(entry.FullName, FileRule.Attachment, SourcePosition.WholeFile(entry.FullName), name, realFolder);
            files.Add((entry.FullName, name));
        }
    }

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

    /// <summary>The latest date a PDF can write (D:9999…), as seconds since 1970.</summary>
    private const long LastEpochSecond = 253_402_300_799;

    /// <summary>Every date in the file: SOURCE_DATE_EPOCH when set (reproducible builds), else the issue date.</summary>
    private static DateTimeOffset DocumentDate(Issue issue)
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(epoch))
            return new DateTimeOffset(issue.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // reproducible-builds.org: a malformed value should stop the build rather than be ignored.
        if (!long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > LastEpochSecond)
            throw new InputException(SourcePosition.Named("SOURCE_DATE_EPOCH"),
                $"'{(epoch.Length > 40 ? epoch[..40] + "…" : epoch)}' is not a time a PDF can carry: give whole seconds since 1970-01-01 up to {LastEpochSecond} (9999-12-31), or unset it");
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
