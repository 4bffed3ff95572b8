namespace NewsletterPress.Site;

/// <summary>
/// What every page of the site shares: the document's language and title, the viewport for phones, the one local
/// stylesheet, the feed's link, and the header (the newsletter, the back issues, the authors and a search box that
/// opens the search page). No page loads anything from another site.
/// </summary>
internal sealed record PageShell(SiteAddress Site, string SiteTitle, string Language)
{
    public Labels Labels { get; } = Labels.For(Language);

    /// <summary>A whole page: <paramref name="body"/> goes into &lt;main&gt;.</summary>
    /// <param name="head">Further elements for &lt;head&gt; (the search page's scripts), made by the site.</param>
    /// <param name="description">What the page is about, for search engines and link previews (an article's first words).</param>
    public string Page(string title, string lang, string body, string? head = null, string? description = null)
    {
        var html = new Html();
        html.Markup("<!DOCTYPE html>").Line();
        html.Open("html", ("lang", lang)).Line();
        html.Open("head").Line();
        html.Markup("<meta charset=\"utf-8\">").Line();
        html.Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">").Line();
        html.Element("title", title).Line();
        if (description is not null) html.Open("meta", ("name", "description"), ("content", description)).Line();
        html.Open("link", ("rel", "stylesheet"), ("href", Site.Of("site.css"))).Line();
        html.Open("link", ("rel", "alternate"), ("type", "application/atom+xml"), ("title", SiteTitle), ("href", Site.Of("feed.xml"))).Line();
        if (head is not null) html.Markup(head);
        html.Close("head").Line();
        html.Open("body").Line();
        html.Open("header", ("class", "site"), ("lang", Language));
        html.Element("a", SiteTitle, ("class", "name"), ("href", Site.Of("")));
        html.Open("nav", ("aria-label", "site"));
        html.Element("a", Labels.Volumes, ("href", Site.Of("")));
        html.Element("a", Labels.Authors, ("href", Site.Of("authors/")));
        html.Open("form", ("role", "search"), ("action", Site.Of("search/")), ("method", "get"));
        html.Open("input", ("type", "search"), ("name", "q"), ("placeholder", Labels.SearchPlaceholder), ("aria-label", Labels.Search));
        html.Element("button", Labels.Search, ("type", "submit"));
        html.Close("form");
        html.Close("nav").Close("header").Line();
        html.Open("main").Line().Markup(body).Close("main").Line();
        html.Open("footer", ("class", "site"), ("lang", Language));
        html.Element("a", Labels.Feed, ("href", Site.Of("feed.xml")));
        html.Close("footer").Line();
        html.Close("body").Line().Close("html").Line();
        return html.ToString();
    }
}
