using System.Globalization;
using NewsletterPress.Archive;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Files;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Text;
using NewsletterPress.Shared;

namespace NewsletterPress;

/// <summary>What a build produced: the file, its page count and the warnings raised on the way.</summary>
public sealed record BuildResult(string OutputPath, int Pages, IReadOnlyList<Warning> Warnings)
{
    /// <summary>The display list the PDF was written from, for proofs of the same build (watch --proofs).</summary>
    public DisplayDocument? Document { get; init; }
}

/// <summary>A volume built into several PDFs at once: the manifest, the articles built, the display list and the files written.</summary>
public sealed record VolumeBuild(Issue Issue, IReadOnlyList<Article> Articles, DisplayDocument Document, IReadOnlyList<string> Outputs,
    IReadOnlyList<Warning> Warnings);

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
    /// <param name="drafts">Build the articles marked draft: true too; without it they are left out, with a warning.</param>
    public static ComposedIssue Compose(string folder, WarningLog warnings, bool drafts = false) => ComposeWithSources(folder, warnings, drafts).Composed;

    /// <summary>The composed volume, the articles built and every font face the build opened (the archive's sources).</summary>
    private sealed record Composition(ComposedIssue Composed, IReadOnlyList<Article> Articles, IReadOnlyList<FontRef> Fonts);

    private static Composition ComposeWithSources(string folder, WarningLog warnings, bool drafts)
    {
        IcuLibrary.StartLoading(); // on another core while the manifest and the articles are read
        // Every article the manifest lists is read, even when the manifest has errors elsewhere, so that one run
        // reports the errors of the manifest and of all the articles.
        var (read, manifestErrors) = IssueLoader.LoadCollecting(folder);
        // In the order the editor reads them: the manifest, then the articles as it lists them.
        var errors = new InputErrors(read is null ? null : IssueLoader.ReadingOrder(read.Folder, read.Articles.Select(a => a.Path)));
        if (manifestErrors is not null) errors.Add(manifestErrors);
        var loaded = new List<Article>();
        foreach (var reference in read?.Articles ?? [])
            errors.Try(() => loaded.Add(ArticleLoader.Load(reference.Path, read!.Language, read.Folder, warnings, readDraftBody: drafts)));
        // The style's fonts are looked up in the same run, so that a misspelt family is told with the other errors.
        using var fonts = read is null ? null : errors.Try<FontLibrary?>(() => new FontLibrary(read.Style.Fonts, read.Folder, read.Style.LatinInJapanese), null);
        errors.ThrowIfAny();
        var (issue, articles) = WithoutDrafts(read!, loaded, drafts, warnings);
        var date = DocumentDate(issue);
        var (document, report) = IssueLayout.Compose(issue, articles, fonts!, warnings, date);
        return new Composition(new ComposedIssue(issue, document, report), articles, [.. fonts!.Opened]);
    }

    /// <summary>The issue without its draft articles (draft: true), unless the build asked for drafts.</summary>
    private static (Issue Issue, List<Article> Articles) WithoutDrafts(Issue issue, List<Article> articles, bool drafts, WarningLog warnings)
    {
        if (drafts || !articles.Any(a => a.Draft)) return (issue, articles);
        for (int i = 0; i < articles.Count; i++)
            if (articles[i].Draft)
                warnings.Add(issue.Articles[i].Where, WarningCode.DraftLeftOut,
                    $"{SourcePosition.DisplayPath(articles[i].SourcePath)} is a draft (draft: true) and is left out; build with --drafts to include it");
        var kept = Enumerable.Range(0, articles.Count).Where(i => !articles[i].Draft).ToList();
        if (kept.Count == 0)
            throw new InputException(issue.Articles[0].Where, "every article of the issue is a draft (draft: true); build with --drafts, or set draft: false in the finished ones");
        return (issue with { Articles = [.. kept.Select(i => issue.Articles[i])] }, [.. kept.Select(i => articles[i])]);
    }

    /// <summary>Builds the volume in <paramref name="folder"/> into a PDF at <paramref name="output"/>
    /// (or the default path), replacing any previous file only when the new one is complete.
    /// Nothing is ever written into the issue folder.</summary>
    /// <param name="options">The writer's options; for print profiles, <see cref="PdfWriterOptions.PageMultiple"/> is the
    /// page count a print run folds into (4 when null), and the issue's <c>pages.multiple-of</c> overrides it. A print
    /// build of another count warns, and the file records the multiple for <c>check --pdf</c>.</param>
    /// <param name="drafts">Build the articles marked draft: true too.</param>
    public static BuildResult ToPdf(string folder, string? output = null, PdfWriterOptions? options = null, bool drafts = false)
    {
        var warnings = new WarningLog();
        var composition = ComposeWithSources(folder, warnings, drafts);
        var (path, document) = Write(composition, output, options ?? PdfWriterOptions.Default, warnings);
        return new BuildResult(path, document.Pages.Length, warnings.All) { Document = document };
    }

    /// <summary>The volume in <paramref name="folder"/> composed once and written in each of <paramref name="profiles"/>
    /// into <paramref name="outFolder"/> under its usual names (the site's downloads: screen, print, archive).</summary>
    public static VolumeBuild ToPdfs(string folder, string outFolder, IReadOnlyList<PdfProfile> profiles)
    {
        var warnings = new WarningLog();
        var composition = ComposeWithSources(folder, warnings, drafts: false);
        var issue = composition.Composed.Issue;
        var outputs = profiles.Select(profile => Write(composition,
            Path.Combine(outFolder, OutputNames.FileName(issue, profile)), PdfWriterOptions.Default with { Profile = profile },
            warnings).Path).ToList();
        return new VolumeBuild(issue, composition.Articles, composition.Composed.Document, outputs, warnings.All);
    }

    /// <summary>Writes one composed volume as a PDF at <paramref name="output"/> (or the default path), replacing any
    /// previous file only when the new one is complete; returns the path and the document written.</summary>
    private static (string Path, DisplayDocument Document) Write(Composition composition, string? output, PdfWriterOptions options,
        WarningLog warnings)
    {
        var ((issue, document), articles, openedFonts) = composition;
        options = WriterOptions(issue, options);
        var path = Path.GetFullPath(output ?? Path.Combine(OutputPaths.DefaultFolder(issue.Folder), OutputNames.FileName(issue, options.Profile)));
        var fontFiles = FontFilesOf(document);
        OutputPaths.CheckFile(path, issue.Folder, fontFiles);
        if (options.Profile == PdfProfile.Archive)
            document = document with { Attachments = ArchiveSources.For(issue, articles, openedFonts, warnings) };
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            PdfWriter.Write(document, path, options);
        }
        catch (PdfWriterException e) when (e.File is { } file)
        {
            // The writer knows the file; the editor wants the line that placed it.
            var figure = articles.SelectMany(a => a.Figures).FirstOrDefault(f => f.Path == file);
            var font = issue.Style.Fonts.Where.FirstOrDefault(kv => Path.GetFileName(FontName(issue.Style.Fonts, kv.Key)) == Path.GetFileName(file));
            throw new InputException(figure?.Where ?? font.Value ?? SourcePosition.WholeFile(file), e.Message);
        }
        catch (IOException e)
        {
            throw new InputException(SourcePosition.Named(SourcePosition.DisplayPath(path)), $"cannot write the PDF: {e.Message}");
        }
        if (options.Profile is PdfProfile.Print or PdfProfile.PrintX1a
            && Preflight.PageCount.Warning(document.Pages.Length, options.PageMultiple ?? Preflight.PageCount.DefaultMultiple) is { } pageCount)
            warnings.Add(issue.Pages?.Where, WarningCode.PageCount, pageCount);
        return (path, document);
    }

    /// <summary>The writer options for this issue: the style's print condition, unless the caller gave
    /// one (the command line's --print-condition overrides the issue for one build); and the multiple a print
    /// file's page count is meant to be: the issue's <c>pages.multiple-of</c>, else the caller's, else 4.</summary>
    public static PdfWriterOptions WriterOptions(Issue issue, PdfWriterOptions options)
    {
        options = options with { PageMultiple = issue.Pages?.MultipleOf ?? options.PageMultiple ?? Preflight.PageCount.DefaultMultiple };
        if (issue.Style.PrintCondition is { } condition && options.PrintIntent is null)
            options = options with
            {
                PrintIntent = new PrintOutputIntent(
                    InputFiles.Read(condition.IccPath, FileRule.IccProfile, SourcePosition.WholeFile(condition.IccPath),
                        Path.GetFileName(condition.IccPath), InputFiles.RealFolder(issue.Folder)),
                    condition.Identifier, condition.Condition)
                { ProfilePath = condition.IccPath },
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

    /// <summary>The font files the display list uses, by real path.</summary>
    private static List<string> FontFilesOf(DisplayDocument document) =>
        [.. document.Pages.SelectMany(p => p.Items.OfType<GlyphRun>()).Select(r => r.Font.FilePath).Distinct()
            .Select(f => RealPath.Of(f) ?? f).Distinct().Order(StringComparer.Ordinal)];

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
