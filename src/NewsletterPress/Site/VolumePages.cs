using System.Globalization;
using NewsletterPress.Content;
using NewsletterPress.Manifest;

namespace NewsletterPress.Site;

/// <summary>The pages of one volume: its own page (contents, downloads, the donation box) and the web edition of each
/// article. Written when the volume is built; the site-wide pages are written from its <see cref="SiteVolume"/>.</summary>
internal static class VolumePages
{
    public static string VolumePage(PageShell shell, SiteVolume volume, Donation? donation)
    {
        var labels = Labels.For(volume.Language);
        var html = new Html();
        html.Open("div", ("class", "volume"), ("data-pagefind-body", ""), ("data-pagefind-filter", "volume:" + VolumeFilter(volume))).Line();
        html.Open("header");
        html.Element("h1", volume.Title);
        Dates.Dateline(html, volume);
        html.Close("header").Line();
        html.Open("img", ("class", "cover"), ("src", shell.Site.Of(Addresses.Cover(volume))), ("alt", $"{volume.Title} {labels.Cover}"),
            ("width", "298"), ("height", "421")).Line();
        html.Open("section", ("class", "contents")).Element("h2", volume.ContentsTitle);
        Contents(html, shell.Site, volume, pages: true);
        html.Close("section").Line();
        html.Open("section", ("class", "downloads")).Element("h2", labels.Downloads).Open("ul");
        foreach (var download in volume.Downloads)
        {
            html.Open("li").Element("a", download.FileName, ("href", shell.Site.Of(volume.Name + "/" + download.FileName)), ("download", ""));
            html.Text($" — {labels.ProfileName(download.Profile)}, {Size(download.Bytes)}").Close("li");
        }
        html.Close("ul").Close("section").Line();
        if (donation is not null) ArticleHtml.Donation(html, donation, volume.Language);
        html.Close("div").Line();
        return shell.Page(volume.Title, volume.Language, html.ToString());
    }

    /// <summary>The volume's contents as a list of links: "kicker: title", the author, and, on the volume's page, the page
    /// the article starts on in the PDF.</summary>
    public static void Contents(Html html, SiteAddress site, SiteVolume volume, bool pages)
    {
        var labels = Labels.For(volume.Language);
        html.Open("ol", ("class", "toc"));
        foreach (var article in volume.Articles)
        {
            html.Open("li", ("lang", article.Lang)).Element("a", article.ContentsLine, ("href", site.Of(Addresses.Article(volume, article))));
            if (article.Author is { } author) html.Element("span", author, ("class", "author"));
            if (pages) html.Element("span", $"{labels.Page} {article.FirstPage}", ("class", "page"));
            html.Close("li");
        }
        html.Close("ol").Line();
    }

    /// <summary>The web edition of one article, with the way back to its volume and on to its neighbours.</summary>
    public static string ArticlePage(PageShell shell, SiteVolume volume, int index, Article article, Donation? donation,
        Func<string, string> imageAddress)
    {
        var labels = Labels.For(volume.Language);
        var entry = volume.Articles[index];
        var html = new Html();
        html.Open("nav", ("class", "crumbs"), ("aria-label", "breadcrumb"), ("lang", volume.Language));
        html.Element("a", volume.Title, ("href", shell.Site.Of(Addresses.Volume(volume))));
        html.Text(" · ").Element("time", Dates.Long(volume.Date, volume.Language), ("datetime", Dates.Iso(volume.Date)));
        html.Text($" · {labels.Page} {entry.FirstPage}");
        html.Close("nav").Line();
        var author = entry.AuthorSlug is { } slug ? shell.Site.Of(Addresses.Author(slug)) : null;
        new ArticleHtml(html, imageAddress).Write(article, author, VolumeFilter(volume));
        if (donation is not null) ArticleHtml.Donation(html, donation, volume.Language);
        html.Open("nav", ("class", "pager"), ("lang", volume.Language));
        if (index > 0)
            html.Element("a", $"← {volume.Articles[index - 1].Title}", ("href", shell.Site.Of(Addresses.Article(volume, volume.Articles[index - 1]))), ("rel", "prev"));
        if (index + 1 < volume.Articles.Length)
            html.Element("a", $"{volume.Articles[index + 1].Title} →", ("href", shell.Site.Of(Addresses.Article(volume, volume.Articles[index + 1]))), ("rel", "next"));
        html.Close("nav").Line();
        return shell.Page($"{entry.Title} — {volume.Title}", volume.Language, html.ToString(), description: entry.Summary);
    }

    /// <summary>"Vol.11": the search's filter by volume.</summary>
    private static string VolumeFilter(SiteVolume volume) => "Vol." + volume.Number.ToString(CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 1_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1000)} KB");
}

/// <summary>Dates as the site writes them: 2022年7月1日 in Japanese, 1 July 2022 in English, and ISO 8601 for machines.</summary>
internal static class Dates
{
    public static string Long(DateOnly date, string language) => language.StartsWith("ja", StringComparison.Ordinal)
        ? $"{date.Year}年{date.Month}月{date.Day}日"
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The masthead's line of the PDF: 2022年7月1日発行　発行：JIVRI, or 1 July 2022 · published by JIVRI.</summary>
    public static void Dateline(Html html, SiteVolume volume)
    {
        bool japanese = volume.Language.StartsWith("ja", StringComparison.Ordinal);
        html.Open("p", ("class", "dateline")).Element("time", Long(volume.Date, volume.Language), ("datetime", Iso(volume.Date)));
        if (japanese) html.Text("発行");
        if (volume.Publisher.Length > 0) html.Text((japanese ? "　発行：" : " · published by ") + volume.Publisher);
        html.Close("p");
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
