using System.Globalization;
using System.Text.Json;

namespace NewsletterPress.Site;

/// <summary>The pages across volumes, written again on every run from the volumes' records: the index of volumes
/// (newest first, grouped by year, each with its cover and contents), the authors and the search page.</summary>
internal static class ArchivePages
{
    public static string Index(PageShell shell, IReadOnlyList<SiteVolume> newestFirst)
    {
        var labels = shell.Labels;
        var html = new Html();
        html.Element("h1", shell.SiteTitle).Line();
        foreach (var year in newestFirst.GroupBy(v => v.Date.Year))
        {
            var id = "y" + year.Key.ToString(CultureInfo.InvariantCulture);
            html.Open("section", ("class", "year"), ("aria-labelledby", id)).Element("h2", year.Key.ToString(CultureInfo.InvariantCulture), ("id", id));
            html.Open("ul", ("class", "volumes")).Line();
            foreach (var volume in year)
            {
                html.Open("li", ("class", "volume"), ("lang", volume.Language));
                html.Open("a", ("href", shell.Site.Of(Addresses.Volume(volume))), ("class", "cover"))
                    .Open("img", ("src", shell.Site.Of(Addresses.Cover(volume))), ("alt", $"{volume.Title} {labels.Cover}"), ("width", "298"), ("height", "421"), ("loading", "lazy"))
                    .Close("a");
                html.Open("h3").Element("a", volume.Title, ("href", shell.Site.Of(Addresses.Volume(volume)))).Close("h3");
                html.Open("p", ("class", "dateline")).Element("time", Dates.Long(volume.Date, volume.Language), ("datetime", Dates.Iso(volume.Date))).Close("p");
                VolumePages.Contents(html, shell.Site, volume, pages: false);
                html.Close("li").Line();
            }
            html.Close("ul").Close("section").Line();
        }
        return shell.Page(shell.SiteTitle, shell.Language, html.ToString());
    }

    /// <summary>Every author with the articles they wrote, by the author's address.</summary>
    public static IReadOnlyList<(string Slug, string Name, IReadOnlyList<(SiteVolume Volume, SiteArticle Article)> Articles)> Authors(
        IReadOnlyList<SiteVolume> newestFirst) =>
        [.. newestFirst.SelectMany(v => v.Articles.Where(a => a.AuthorSlug is not null).Select(a => (Volume: v, Article: a)))
            .GroupBy(x => x.Article.AuthorSlug!, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Article.Author!, (IReadOnlyList<(SiteVolume, SiteArticle)>)[.. g]))
            .OrderBy(a => a.Item2, StringComparer.Ordinal)];

    public static string AuthorList(PageShell shell, IReadOnlyList<SiteVolume> newestFirst)
    {
        var html = new Html();
        html.Element("h1", shell.Labels.Authors).Line().Open("ul", ("class", "authors")).Line();
        foreach (var (slug, name, articles) in Authors(newestFirst))
            html.Open("li").Element("a", name, ("href", shell.Site.Of(Addresses.Author(slug))))
                .Text($" ({articles.Count.ToString(CultureInfo.InvariantCulture)})").Close("li").Line();
        html.Close("ul").Line();
        return shell.Page($"{shell.Labels.Authors} — {shell.SiteTitle}", shell.Language, html.ToString());
    }

    public static string AuthorPage(PageShell shell, string name, IReadOnlyList<(SiteVolume Volume, SiteArticle Article)> articles)
    {
        var html = new Html();
        html.Element("h1", name).Line();
        var affiliations = articles.Select(a => a.Article.Affiliation).OfType<string>().Distinct().ToList();
        foreach (var affiliation in affiliations) html.Element("p", affiliation, ("class", "affiliation"));
        html.Element("h2", shell.Labels.ArticlesBy).Open("ul", ("class", "articles")).Line();
        foreach (var (volume, article) in articles)
        {
            html.Open("li", ("lang", article.Lang)).Element("a", article.ContentsLine, ("href", shell.Site.Of(Addresses.Article(volume, article))));
            html.Text(" — ").Element("a", volume.Title, ("href", shell.Site.Of(Addresses.Volume(volume)))).Text(", ")
                .Element("time", Dates.Long(volume.Date, volume.Language), ("datetime", Dates.Iso(volume.Date)), ("lang", volume.Language));
            html.Close("li").Line();
        }
        html.Close("ul").Line();
        return shell.Page($"{name} — {shell.SiteTitle}", shell.Language, html.ToString());
    }

    /// <summary>The search page: Pagefind's own interface, from the site's pagefind/ folder, searching every volume. A
    /// query in the address (?q=…, from the search box of every page) is searched at once.</summary>
    public static string Search(PageShell shell)
    {
        var bundle = shell.Site.Of("pagefind/");
        var head = $"<link rel=\"stylesheet\" href=\"{Html.Encode(bundle)}pagefind-ui.css\">\n" +
                   $"<script src=\"{Html.Encode(bundle)}pagefind-ui.js\"></script>\n";
        var script = "<script>\nwindow.addEventListener('DOMContentLoaded', () => {\n" +
                     $"  const ui = new PagefindUI({{ element: '#search', baseUrl: '{JsonEncodedText.Encode(shell.Site.BasePath)}', bundlePath: '{JsonEncodedText.Encode(bundle)}', showImages: false, showSubResults: true }});\n" +
                     "  const q = new URLSearchParams(location.search).get('q');\n" +
                     "  if (q) ui.triggerSearch(q);\n" +
                     "});\n</script>\n";
        var html = new Html();
        html.Element("h1", shell.Labels.Search).Line();
        html.Open("div", ("id", "search")).Close("div").Line();
        html.Markup(script);
        return shell.Page($"{shell.Labels.Search} — {shell.SiteTitle}", shell.Language, html.ToString(), head);
    }
}
