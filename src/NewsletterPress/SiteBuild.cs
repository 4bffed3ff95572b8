using System.Collections.Concurrent;
using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Rendering.Proof;
using NewsletterPress.Site;

namespace NewsletterPress;

/// <summary>How the site command runs.</summary>
/// <param name="BaseUrl">--base-url: the path ("/archive/") or full address the site is served at; "/" when null.</param>
/// <param name="Pagefind">--pagefind: the Pagefind program; else found on the PATH or in node_modules.</param>
/// <param name="Search">False (--no-search): write the site without the search index.</param>
/// <param name="Progress">Where a line goes as each volume is built (the command's standard error), or null.</param>
public sealed record SiteOptions(string? BaseUrl = null, string? Pagefind = null, bool Search = true, TextWriter? Progress = null);

/// <summary>What a run of the site command did.</summary>
/// <param name="Built">The volumes built in this run ("vol-12"); the others were unchanged and kept.</param>
/// <param name="Volumes">Every volume on the site, newest first.</param>
public sealed record SiteResult(string Folder, IReadOnlyList<string> Built, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Volumes,
    bool Searchable, IReadOnlyList<Warning> Warnings);

/// <summary>
/// The site command: every volume under ARCHIVE-ROOT/issues/vol-*/ built (screen, print and archive PDFs, a cover
/// thumbnail from the proof renderer, its page and the web edition of its articles), in parallel on all cores, only
/// when its sources changed since the last run; then the pages across volumes (index, authors, search, feed,
/// sitemap) and the search index over all of them.
/// </summary>
public static class SiteBuild
{
    /// <summary>The PDFs each volume offers, in the order of its downloads.</summary>
    private static readonly PdfProfile[] Downloads = [PdfProfile.Screen, PdfProfile.Print, PdfProfile.Archive];

    /// <summary>The cover thumbnail's resolution: an A4 page 298 × 421 pixels, sharp at the index's card width.</summary>
    private const int CoverDpi = 36;

    /// <summary>How much of an article's first paragraph its page's description keeps.</summary>
    private const int SummaryLength = 200;

    public static SiteResult Build(string archiveRoot, string outFolder, SiteOptions options)
    {
        var site = SiteAddress.Parse(options.BaseUrl);
        outFolder = Path.GetFullPath(outFolder);
        var folders = VolumeFolders(Path.GetFullPath(archiveRoot));
        foreach (var folder in folders) OutputPaths.CheckFolder(outFolder, folder);
        var pagefind = options.Search ? SearchIndex.Find(options.Pagefind, [archiveRoot, Directory.GetCurrentDirectory()])
            ?? throw new InputException(SourcePosition.Named("site"),
                "the search needs Pagefind, which was not found: install it with 'npm install pagefind' (or 'npm install -g pagefind'), name it with --pagefind, or leave the search out with --no-search")
            : null;

        var plan = folders.Select(f => (Name: Path.GetFileName(f), Folder: f, Hash: SiteCache.SourceHash(f), Cached: SiteCache.Read(outFolder, Path.GetFileName(f)))).ToList();
        var stale = plan.Where(p => p.Cached is not { } c || c.SourceHash != p.Hash || !SiteCache.Complete(outFolder, c)).ToList();
        var built = new ConcurrentDictionary<string, SiteVolume>(StringComparer.Ordinal);
        var errors = new ConcurrentBag<InputException>();
        var warnings = new ConcurrentBag<Warning>();
        int done = 0;
        var progress = new Lock();
        Parallel.ForEach(stale, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, volume =>
        {
            try
            {
                var (record, volumeWarnings) = BuildVolume(volume.Name, volume.Folder, volume.Hash, outFolder, site);
                built[volume.Name] = record;
                foreach (var w in volumeWarnings) warnings.Add(w);
                var n = Interlocked.Increment(ref done);
                lock (progress) options.Progress?.WriteLine($"[{n}/{stale.Count}] built {volume.Name} ({record.Pages} {(record.Pages == 1 ? "page" : "pages")})");
            }
            catch (InputException e)
            {
                errors.Add(e);
            }
        });
        if (!errors.IsEmpty) throw InputException.Combine(errors.OrderBy(e => e.Message, StringComparer.Ordinal));

        var volumes = plan.Select(p => built.TryGetValue(p.Name, out var b) ? b : p.Cached!)
            .OrderByDescending(v => v.Date).ThenByDescending(v => v.Number).ToList();
        RemoveVolumesNoLongerThere(outFolder, [.. plan.Select(p => p.Name)]);
        WriteArchivePages(outFolder, site, volumes);
        if (pagefind is not null) SearchIndex.Build(pagefind, outFolder, volumes[0].Language);
        var unchanged = plan.Where(p => !built.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        return new SiteResult(outFolder, [.. plan.Where(p => built.ContainsKey(p.Name)).Select(p => p.Name)], unchanged,
            [.. volumes.Select(v => v.Name)], pagefind is not null, [.. warnings]);
    }

    /// <summary>ARCHIVE-ROOT/issues/vol-*/ that hold an issue.yaml, in the order of their numbers.</summary>
    private static List<string> VolumeFolders(string archiveRoot)
    {
        var issues = Path.Combine(archiveRoot, "issues");
        if (!Directory.Exists(issues))
            throw new InputException(SourcePosition.Named(SourcePosition.DisplayPath(archiveRoot)),
                "an archive root holds its volumes as issues/vol-*/ folders, and this folder has no issues/ folder; name the folder above issues/");
        var folders = Directory.GetDirectories(issues, "vol-*").Where(f => File.Exists(Path.Combine(f, "issue.yaml")))
            .OrderBy(f => int.TryParse(Path.GetFileName(f)[4..], out var n) ? n : int.MaxValue).ThenBy(f => f, StringComparer.Ordinal).ToList();
        if (folders.Count == 0)
            throw new InputException(SourcePosition.Named(SourcePosition.DisplayPath(issues)),
                "no volume here: the site is built from issues/vol-*/ folders that each hold an issue.yaml");
        return folders;
    }

    /// <summary>One volume into the site: its PDFs, cover, page and articles, written into a fresh folder that then
    /// replaces the volume's old one, so that a failed build leaves the last good pages in place.</summary>
    private static (SiteVolume Record, IReadOnlyList<Warning> Warnings) BuildVolume(string name, string folder, string hash, string outFolder, SiteAddress site)
    {
        var work = Path.Combine(outFolder, SiteCache.Folder, "work", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var build = IssueBuild.ToPdfs(folder, work, Downloads);
            var issue = build.Issue;
            using (var renderer = new ProofRenderer(CoverDpi))
            using (var cover = renderer.Render(build.Document.Pages[0]))
                ProofRenderer.SaveAtomically(cover, Path.Combine(work, Addresses.CoverFile));

            var firstPages = build.Document.Info.Volume?.Articles.ToDictionary(a => a.Source, a => a.FirstPage, StringComparer.Ordinal) ?? [];
            var slugs = new HashSet<string>(StringComparer.Ordinal);
            var articles = build.Articles.Select(article =>
            {
                var source = Relative(issue.Folder, article.SourcePath);
                var slug = UniqueSlug(Path.GetFileNameWithoutExtension(article.SourcePath), slugs);
                return new SiteArticle(slug, article.Title, article.Kicker, article.Author,
                    article.Author is { } author ? OutputNames.Transliterate(author) : null, article.Affiliation, article.Lang,
                    firstPages.GetValueOrDefault(source, 1), article.ContentsLine, Summary(article));
            }).ToImmutableArray();
            var record = new SiteVolume(name, issue.Newsletter, issue.Volume, issue.Date, issue.Publisher, issue.Language, issue.Contents.Title,
                articles, [.. Downloads.Zip(build.Outputs).Select(d => new SiteDownload(ProfileName(d.First), Path.GetFileName(d.Second), new FileInfo(d.Second).Length))],
                build.Document.Pages.Length, hash, issue.Style.Accent.ScreenHex);

            var shell = new PageShell(site, issue.Newsletter, issue.Language);
            SiteFiles.Write(Path.Combine(work, "index.html"), VolumePages.VolumePage(shell, record, issue.Donation));
            string ImageAddress(string path)
            {
                var relative = Relative(issue.Folder, path);
                var copy = Path.Combine(work, relative.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(path, copy, overwrite: true);
                return site.Of($"{name}/{relative}");
            }
            for (int i = 0; i < build.Articles.Count; i++)
                SiteFiles.Write(Path.Combine(work, articles[i].Slug, "index.html"),
                    VolumePages.ArticlePage(shell, record, i, build.Articles[i], issue.Donation, ImageAddress));

            var target = Path.Combine(outFolder, name);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(work, target);
            SiteCache.Write(outFolder, record);
            return (record, build.Warnings);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The pages across volumes, written again from the records on every run.</summary>
    private static void WriteArchivePages(string outFolder, SiteAddress site, IReadOnlyList<SiteVolume> newestFirst)
    {
        var newest = newestFirst[0];
        var shell = new PageShell(site, newest.Newsletter, newest.Language);
        SiteFiles.Write(Path.Combine(outFolder, "site.css"), SiteStyle.Css(newest.Accent ?? Manifest.Style.Default.Accent.ScreenHex));
        SiteFiles.Write(Path.Combine(outFolder, "index.html"), ArchivePages.Index(shell, newestFirst));
        SiteFiles.Write(Addresses.FileOf(outFolder, "search/"), ArchivePages.Search(shell));
        var authorsFolder = Path.Combine(outFolder, "authors");
        if (Directory.Exists(authorsFolder)) Directory.Delete(authorsFolder, recursive: true); // authors who left the archive
        SiteFiles.Write(Addresses.FileOf(outFolder, "authors/"), ArchivePages.AuthorList(shell, newestFirst));
        var authors = ArchivePages.Authors(newestFirst);
        foreach (var (slug, authorName, articles) in authors)
            SiteFiles.Write(Addresses.FileOf(outFolder, Addresses.Author(slug)), ArchivePages.AuthorPage(shell, authorName, articles));
        SiteFiles.Write(Path.Combine(outFolder, "feed.xml"), Feeds.AtomFeed(site, newest.Newsletter, newestFirst));
        var pages = new List<(string, DateOnly?)> { ("", newest.Date), ("authors/", newest.Date), ("search/", null) };
        foreach (var volume in newestFirst)
        {
            pages.Add((Addresses.Volume(volume), volume.Date));
            pages.AddRange(volume.Articles.Select(a => (Addresses.Article(volume, a), (DateOnly?)volume.Date)));
        }
        pages.AddRange(authors.Select(a => (Addresses.Author(a.Slug), (DateOnly?)a.Articles[0].Volume.Date)));
        SiteFiles.Write(Path.Combine(outFolder, "sitemap.xml"), Feeds.Sitemap(site, pages));
    }

    /// <summary>The pages, PDFs and records of volumes whose folders are gone from the archive.</summary>
    private static void RemoveVolumesNoLongerThere(string outFolder, HashSet<string> names)
    {
        var records = Path.Combine(outFolder, SiteCache.Folder, "volumes");
        if (!Directory.Exists(records)) return;
        foreach (var record in Directory.GetFiles(records, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(record);
            if (names.Contains(name)) continue;
            var folder = Path.Combine(outFolder, name);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            File.Delete(record);
        }
    }

    private static string ProfileName(PdfProfile profile) => profile switch
    {
        PdfProfile.Print => "print",
        PdfProfile.Archive => "archive",
        _ => "screen",
    };

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The article's address in its volume: its file's name, with spaces as hyphens; a second article of the
    /// same name (in another folder) gets -2.</summary>
    private static string UniqueSlug(string fileName, HashSet<string> taken)
    {
        var slug = fileName.Replace(' ', '-');
        if (slug is "" or "images") slug = "article-" + slug;
        var unique = slug;
        for (int n = 2; !taken.Add(unique); n++) unique = $"{slug}-{n}";
        return unique;
    }

    private static string Summary(Article article)
    {
        var first = article.Blocks.OfType<Paragraph>().Select(p => string.Concat(p.Text.Select(s => s.Text))).FirstOrDefault() ?? "";
        first = first.Replace('\n', ' ');
        return first.Length <= SummaryLength ? first : first[..SummaryLength] + "…";
    }
}
