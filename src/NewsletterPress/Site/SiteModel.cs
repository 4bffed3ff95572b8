using System.Collections.Immutable;
using NewsletterPress.Diagnostics;

namespace NewsletterPress.Site;

// The site's own model: what the index, the author pages, the feed and the sitemap need of each volume. It is small
// enough to keep in the site's cache, so that the pages across volumes are written again without rebuilding volumes.

/// <summary>One volume of the archive as the site shows it.</summary>
/// <param name="Name">The volume's folder under issues/ ("vol-11"): its address on the site, /vol-11/.</param>
/// <param name="SourceHash">The SHA-256 of the volume's sources and the tool's version: the key of the cache.</param>
/// <param name="Pages">The page count of the PDF.</param>
/// <param name="Accent">The volume's accent colour for screens ("#00598f", from style.accent); null in a record cached
/// before it was kept, which the site reads as the default accent.</param>
public sealed record SiteVolume(string Name, string Newsletter, int Number, DateOnly Date, string Publisher, string Language,
    string ContentsTitle, ImmutableArray<SiteArticle> Articles, ImmutableArray<SiteDownload> Downloads, int Pages, string SourceHash,
    string? Accent = null)
{
    /// <summary>"Civil Society Forum Vol.11", as the PDF's title.</summary>
    public string Title => $"{Newsletter} Vol.{Number}";
}

/// <summary>One article of a volume.</summary>
/// <param name="Slug">The article's file name without .md ("world-report"): its address, /vol-11/world-report/.</param>
/// <param name="AuthorSlug">The author's address under /authors/, or null when the article names no author.</param>
/// <param name="FirstPage">The printed number of the page it starts on in the PDF.</param>
/// <param name="Summary">The first words of the article, for its page's description.</param>
public sealed record SiteArticle(string Slug, string Title, string? Kicker, string? Author, string? AuthorSlug, string? Affiliation,
    string Lang, int FirstPage, string ContentsLine, string Summary);

/// <summary>A PDF of the volume offered for download.</summary>
/// <param name="Profile">screen, print or archive.</param>
public sealed record SiteDownload(string Profile, string FileName, long Bytes);

/// <summary>Where the site is served.</summary>
/// <param name="BasePath">The path every address of the site starts with, "/" or "/archive/".</param>
/// <param name="AbsoluteBase">The full address of the site ("https://example.org/archive/") when --base-url gave one: the
/// feed and the sitemap need absolute addresses.</param>
public sealed record SiteAddress(string BasePath, string? AbsoluteBase)
{
    public static SiteAddress Root { get; } = new("/", null);

    /// <summary>--base-url: a path ("/archive") or a full http(s) address ("https://example.org/archive/").</summary>
    public static SiteAddress Parse(string? baseUrl)
    {
        if (string.IsNullOrEmpty(baseUrl)) return Root;
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var path = uri.AbsolutePath.TrimEnd('/') + "/";
            return new SiteAddress(path, uri.GetLeftPart(UriPartial.Authority) + path);
        }
        if (baseUrl.StartsWith('/') && !baseUrl.StartsWith("//", StringComparison.Ordinal) && !baseUrl.Contains('?') && !baseUrl.Contains('#'))
            return new SiteAddress(baseUrl.TrimEnd('/') + "/", null);
        throw new InputException(SourcePosition.Named("--base-url"), $"'{baseUrl}' is neither a path that starts with / (\"/archive/\") nor an http(s) address (\"https://example.org/archive/\")");
    }

    /// <summary>The address of a page of the site, from its path below the site's root ("vol-11/" → "/archive/vol-11/").</summary>
    public string Of(string path) => BasePath + path;

    /// <summary>The full address when known, else the path: for the feed and the sitemap.</summary>
    public string Absolute(string path) => (AbsoluteBase ?? BasePath) + path;
}
