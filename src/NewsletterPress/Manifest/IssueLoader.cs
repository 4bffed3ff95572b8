using System.Collections.Immutable;
using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Manifest;

/// <summary>Stage 1: reads and validates issues/vol-N/issue.yaml into an <see cref="Issue"/>.</summary>
public static class IssueLoader
{
    public const string ManifestFileName = "issue.yaml";

    /// <summary>The issue's files as errors name them, in the order the editor reads them: the manifest, then the
    /// articles as it lists them (for <see cref="InputErrors"/>).</summary>
    public static IEnumerable<string> ReadingOrder(string folder, IEnumerable<string> articlePaths) =>
        articlePaths.Prepend(Path.Combine(folder, ManifestFileName)).Select(SourcePosition.DisplayPath);

    private static readonly string[] TopKeys =
        ["newsletter", "volume", "date", "publisher", "language", "contents", "articles", "pages", "donation", "style", "hyphenation", "slug", "exclude"];

    /// <summary>The issue folder an editor named: the folder itself, or its issue.yaml (as a shell's
    /// completion or an editor's "run on this file" gives it).</summary>
    public static string FolderOf(string given)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(given));
        var (kind, _) = FileKinds.Of(full);
        if (kind is FileKind.Missing or FileKind.Directory) return full;
        if (Path.GetFileName(full) == ManifestFileName) return Path.GetDirectoryName(full)!;
        throw new InputException(SourcePosition.WholeFile(full),
            $"'{given}' is {FileKinds.Describe(kind)}; name an issue folder, or the {ManifestFileName} inside it");
    }

    public static Issue Load(string folder)
    {
        var (issue, errors) = LoadCollecting(folder);
        if (errors is not null) throw errors;
        return issue!;
    }

    /// <summary>The issue as far as its manifest could be read, and the manifest's errors (null when none), so
    /// that a build can still read the articles it lists and report their errors in the same run. A manifest
    /// that cannot be parsed at all is thrown at once.</summary>
    public static (Issue? Issue, InputException? Errors) LoadCollecting(string folder)
    {
        folder = FolderOf(folder);
        var file = Path.Combine(folder, ManifestFileName);
        var (kind, _) = FileKinds.Of(folder);
        if (kind != FileKind.Directory)
            throw new InputException(SourcePosition.WholeFile(folder), kind == FileKind.Missing
                ? $"the issue folder '{folder}' does not exist"
                : $"the issue folder '{folder}' is {FileKinds.Describe(kind)}, not a folder");
        if (FileKinds.Of(file).Kind == FileKind.Missing)
            throw new InputException(SourcePosition.WholeFile(file), $"'{file}' not found: an issue folder needs an {ManifestFileName} (see README, 'The issue folder')");

        var display = SourcePosition.DisplayPath(file);
        var text = InputFiles.ReadText(file, FileRule.Manifest, SourcePosition.WholeFile(file), ManifestFileName, InputFiles.RealFolder(folder));
        var nodes = new YamlNodes(display, text);
        var stream = new YamlStream();
        YamlText.Load(stream, text, nodes, "the manifest");
        if (stream.Documents.Count == 0)
            throw new InputException(new SourcePosition(display, 1, 1), "the manifest is empty");

        // Each key is read on its own: an error is recorded and the next key read, so that one run reports
        // every error of the manifest, in file order.
        return nodes.ReadCollecting(() =>
        {
            var root = nodes.Mapping(stream.Documents[0].RootNode, "the manifest");
            var e = nodes.Entries(root, "the manifest", TopKeys);
            foreach (var key in new[] { "newsletter", "volume", "date", "articles" }.Where(k => !e.ContainsKey(k)))
                nodes.Report(nodes.Error(root, $"the manifest needs the key '{key}'"));
            T Read<T>(string key, Func<YamlNode, T> read, T fallback) =>
                e.TryGetValue(key, out var node) ? nodes.Try(() => read(node), fallback) : fallback;

            return new Issue(
                Folder: folder,
                Newsletter: Read("newsletter", n => nodes.String(n, "newsletter"), ""),
                Volume: Read("volume", n => nodes.Integer(n, "volume", 1, 100_000), 1),
                Date: Read("date", n => nodes.Date(n, "date"), default),
                Publisher: Read("publisher", n => nodes.String(n, "publisher"), ""),
                Language: Read("language", n => nodes.String(n, "language"), "ja"),
                Contents: Read("contents", n => ReadContents(nodes, n), new ContentsSettings("CONTENTS", ContentsPlacement.Cover)),
                Articles: Read("articles", n => ReadArticles(nodes, n, folder), []),
                Donation: Read<Donation?>("donation", n => ReadDonation(nodes, n), null),
                Style: Read("style", n => StyleReader.Read(nodes, n, folder), Style.Default))
            {
                HyphenationExceptions = Read("hyphenation", n => ReadHyphenation(nodes, n), ImmutableDictionary<string, string>.Empty),
                NewsletterWhere = e.TryGetValue("newsletter", out var title) ? nodes.At(title) : null,
                PublisherWhere = e.TryGetValue("publisher", out var pub) ? nodes.At(pub) : null,
                Pages = Read<PageTarget?>("pages", n => ReadPageTarget(nodes, n), null),
                Slug = Read<string?>("slug", n => ReadSlug(nodes, n), null),
                Exclude = Read("exclude", n => ReadExclude(nodes, n), []),
                ExcludeWhere = e.TryGetValue("exclude", out var exclude) ? nodes.At(exclude) : null,
            };
        });
    }

    private static ContentsSettings ReadContents(YamlNodes nodes, YamlNode node)
    {
        var e = nodes.Entries(nodes.Mapping(node, "contents"), "contents", ["title", "placement"]);
        return new ContentsSettings(
            e.TryGetValue("title", out var t) ? nodes.String(t, "contents.title") : "CONTENTS",
            e.TryGetValue("placement", out var p) && p is not null
                ? nodes.Choice(p, "contents.placement", new Dictionary<string, ContentsPlacement>
                {
                    ["cover"] = ContentsPlacement.Cover, ["own-page"] = ContentsPlacement.OwnPage,
                })
                : ContentsPlacement.Cover,
            p is null ? null : nodes.At(p));
    }

    private static readonly Dictionary<string, ArticleStart> Starts = new()
    {
        ["auto"] = ArticleStart.Auto, ["new-page"] = ArticleStart.NewPage, ["new-column"] = ArticleStart.NewColumn, ["continue"] = ArticleStart.Continue,
    };

    private static ImmutableArray<ArticleRef> ReadArticles(YamlNodes nodes, YamlNode node, string folder)
    {
        var list = nodes.Sequence(node, "articles");
        if (list.Children.Count == 0) throw nodes.Error(list, "articles must list at least one Markdown file");
        var result = ImmutableArray.CreateBuilder<ArticleRef>();
        long total = 0;
        foreach (var item in list.Children)
            total = nodes.Try(() => ReadArticle(nodes, item, folder, result, total), total);
        return result.ToImmutable();
    }

    /// <summary>One entry of the articles list, added to <paramref name="result"/>; returns the articles' size so far.</summary>
    private static long ReadArticle(YamlNodes nodes, YamlNode item, string folder, ImmutableArray<ArticleRef>.Builder result, long total)
    {
        YamlNode pathNode = item;
        var start = ArticleStart.Auto;
        if (item is YamlMappingNode map)
        {
            var e = nodes.Entries(map, "an article entry", ["path", "start"], "path");
            pathNode = e["path"];
            if (e.TryGetValue("start", out var s)) start = nodes.Choice(s, "start", Starts);
        }
        var relative = nodes.String(pathNode, "an article path");
        var full = ResolveInside(nodes, pathNode, folder, relative, FileRule.Article);
        total += FileKinds.Of(full).Size;
        if (total > FileRule.ArticlesTotal)
            throw nodes.Error(pathNode, $"with '{relative}' the articles come to more than the {FileRule.Size(FileRule.ArticlesTotal)} of text an issue may have (about 200 pages); split the issue");
        result.Add(new ArticleRef(full, start, nodes.At(pathNode)));
        return total;
    }

    /// <summary>A path from the manifest, which must name a regular file that stays inside the issue
    /// folder, through symbolic links too, so that the folder alone rebuilds the volume.</summary>
    /// <returns>The full path as written (links not resolved), for messages that name the file as the editor does.</returns>
    internal static string ResolveInside(YamlNodes nodes, YamlNode node, string folder, string relative, FileRule rule)
    {
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw nodes.Error(node, $"'{relative}' is outside the issue folder; copy the file into the folder so the volume can be rebuilt from it");
        if (FileKinds.Of(full).Kind == FileKind.Missing)
            throw nodes.Error(node, $"'{relative}' not found in {folder}");
        InputFiles.Check(full, rule, nodes.At(node), relative, InputFiles.RealFolder(folder));
        return full;
    }

    /// <summary><c>slug: civil-society-forum</c>: lower-case ASCII letters and digits in words joined by hyphens,
    /// so that the name is the same on every file system and in every URL.</summary>
    private static string ReadSlug(YamlNodes nodes, YamlNode node)
    {
        var slug = nodes.String(node, "slug");
        if (slug.Length > 80 || !System.Text.RegularExpressions.Regex.IsMatch(slug, "^[a-z0-9]+(-[a-z0-9]+)*$"))
            throw nodes.Error(node, $"slug must be lower-case letters a–z and digits, in words joined by single hyphens, at most 80 characters (e.g. civil-society-forum), not '{slug}'");
        return slug;
    }

    /// <summary><c>exclude: [notes/, "*.bak"]</c>: relative patterns, never a way out of the folder.</summary>
    private static ImmutableArray<string> ReadExclude(YamlNodes nodes, YamlNode node)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var item in nodes.Sequence(node, "exclude").Children)
        {
            var pattern = nodes.String(item, "an exclude pattern");
            if (pattern.Length == 0 || pattern.StartsWith('/') || pattern.Contains('\\') || pattern.Split('/').Contains(".."))
                throw nodes.Error(item, $"an exclude pattern is a path inside the issue folder with '/' between folders, such as notes/ or *.bak, not '{pattern}'");
            result.Add(pattern);
        }
        return result.ToImmutable();
    }

    /// <summary><c>pages: 8</c>, or <c>pages: { multiple-of: 4 }</c> for a saddle-stitched issue.</summary>
    private static PageTarget ReadPageTarget(YamlNodes nodes, YamlNode node)
    {
        const int Most = 999;
        if (node is YamlScalarNode)
            return new PageTarget(nodes.Integer(node, "pages", 1, Most), null, nodes.At(node));
        var e = nodes.Entries(nodes.Mapping(node, "pages (a number, or { multiple-of: 4 })"), "pages", ["multiple-of"], "multiple-of");
        return new PageTarget(null, nodes.Integer(e["multiple-of"], "pages.multiple-of", 1, Most), nodes.At(node));
    }

    /// <summary>Words written with their allowed breaks: "Ta-jik-i-stan"; "CANGO" alone never breaks.</summary>
    private static ImmutableDictionary<string, string> ReadHyphenation(YamlNodes nodes, YamlNode node)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var item in nodes.Sequence(node, "hyphenation").Children)
        {
            var written = nodes.String(item, "a hyphenation exception");
            if (written.Any(c => !char.IsLetter(c) && c != '-') || written.StartsWith('-') || written.EndsWith('-') || written.Contains("--"))
                throw nodes.Error(item, $"write a hyphenation exception as one word with hyphens where it may break, e.g. Ta-jik-i-stan, not '{written}'");
            var word = written.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
            if (!result.TryAdd(word, written.ToLowerInvariant()))
                throw nodes.Error(item, $"the word '{word}' is listed twice under hyphenation");
        }
        return result.ToImmutable();
    }

    private static Donation ReadDonation(YamlNodes nodes, YamlNode node)
    {
        var e = nodes.Entries(nodes.Mapping(node, "donation"), "donation", ["placement", "lead", "options", "details"]);
        var options = ImmutableArray.CreateBuilder<string>();
        if (e.TryGetValue("options", out var o))
            foreach (var item in nodes.Sequence(o, "donation.options").Children)
                options.Add(nodes.String(item, "a donation option"));
        var details = ImmutableArray.CreateBuilder<DonationRow>();
        if (e.TryGetValue("details", out var d))
            foreach (var item in nodes.Sequence(d, "donation.details").Children)
            {
                var row = nodes.Mapping(item, "a donation detail (write it as '- label: value')");
                if (row.Children.Count != 1)
                    throw nodes.Error(row, "each donation detail is one 'label: value' pair");
                var (label, value) = row.Children.Single();
                details.Add(new DonationRow(nodes.String(label, "a detail label"), nodes.String(value, "a detail value")) { Where = nodes.At(label) });
            }
        return new Donation(
            e.TryGetValue("lead", out var l) ? nodes.String(l, "donation.lead") : "",
            options.ToImmutable(), details.ToImmutable(),
            e.TryGetValue("placement", out var p)
                ? nodes.Choice(p, "donation.placement", new Dictionary<string, DonationPlacement>
                {
                    ["auto"] = DonationPlacement.Auto, ["end"] = DonationPlacement.End,
                })
                : DonationPlacement.Auto);
    }
}
