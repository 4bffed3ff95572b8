using System.Collections.Immutable;
using System.Globalization;
using NewsletterPress.Content;
using NewsletterPress.Manifest;

namespace NewsletterPress.Site;

/// <summary>
/// The web edition of an article: semantic HTML5 written from the same document model the PDF is set from, in the
/// order of the source (which is the reading order of the PDF's structure tree): headings, paragraphs, lists,
/// quotes, label/value fields, tables, figures with their captions as alt text, and the footnotes as endnotes
/// linked both ways. Every text goes through <see cref="Html"/>'s encoder.
/// </summary>
internal sealed class ArticleHtml(Html html, Func<string, string> imageAddress)
{
    private readonly HashSet<string> _noteReferences = [];

    /// <summary>&lt;article lang&gt; with its header (kicker, title, byline), body and footnotes; the search indexes it,
    /// with the volume (<paramref name="volume"/>, "Vol.11") as a filter.</summary>
    public void Write(Article article, string? authorAddress, string volume)
    {
        html.Open("article", ("lang", article.Lang), ("class", "article"), ("data-pagefind-body", ""), ("data-pagefind-filter", "volume:" + volume)).Line();
        html.Open("header");
        if (article.Kicker is { } kicker) html.Element("p", kicker, ("class", "kicker"));
        html.Element("h1", article.Title);
        if (article.Author is { } author)
        {
            html.Open("p", ("class", "byline"));
            if (authorAddress is not null) html.Element("a", author, ("href", authorAddress), ("rel", "author"));
            else html.Text(author);
            if (article.Affiliation is { } affiliation) html.Element("span", affiliation, ("class", "affiliation"));
            html.Close("p");
        }
        html.Close("header").Line();
        Blocks(article.Blocks);
        if (article.Footnotes.Length > 0)
        {
            html.Open("section", ("class", "footnotes"), ("role", "doc-endnotes"), ("aria-label", article.Lang.StartsWith("ja", StringComparison.Ordinal) ? "注" : "Notes"));
            html.Open("ol");
            foreach (var note in article.Footnotes)
            {
                var number = note.Number.ToString(CultureInfo.InvariantCulture);
                html.Open("li", ("id", "fn" + number), ("value", number));
                Blocks(note.Blocks);
                html.Element("a", "↩", ("href", "#fnref" + number), ("role", "doc-backlink"), ("aria-label", "back to the text"));
                html.Close("li").Line();
            }
            html.Close("ol").Close("section").Line();
        }
        html.Close("article").Line();
    }

    /// <summary>The donation box of the volume, in the volume's language.</summary>
    public static void Donation(Html html, Donation donation, string lang)
    {
        html.Open("aside", ("class", "donation"), ("lang", lang)).Line();
        html.Element("p", donation.Lead, ("class", "lead"));
        if (donation.Options.Length > 0)
        {
            html.Open("ul", ("class", "options"));
            foreach (var option in donation.Options) html.Element("li", option);
            html.Close("ul");
        }
        if (donation.Details.Length > 0)
        {
            html.Open("dl");
            var colon = lang.StartsWith("ja", StringComparison.Ordinal) ? "：" : ":"; // as in the PDF's box
            foreach (var row in donation.Details)
                html.Open("div").Element("dt", row.Label + colon).Element("dd", row.Value).Close("div");
            html.Close("dl");
        }
        html.Close("aside").Line();
    }

    private void Blocks(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks) Block(block);
    }

    private void Block(Block block)
    {
        switch (block)
        {
            case Heading h:
                var tag = "h" + Math.Clamp(h.Level, 2, 6).ToString(CultureInfo.InvariantCulture); // h1 is the title: a # in an article is a section like ##
                Inline(tag, h.Text);
                break;
            case Paragraph p:
                Inline("p", p.Text);
                break;
            case ListBlock list:
                html.Open(list.Ordered ? "ol" : "ul", ("start", list.Ordered && list.Start != 1 ? list.Start.ToString(CultureInfo.InvariantCulture) : null));
                foreach (var item in list.Items)
                {
                    html.Open("li");
                    Blocks(item);
                    html.Close("li");
                }
                html.Close(list.Ordered ? "ol" : "ul").Line();
                break;
            case Quote q:
                html.Open("blockquote");
                Blocks(q.Blocks);
                html.Close("blockquote").Line();
                break;
            case Fields fields:
                html.Open("dl", ("class", "fields"));
                foreach (var row in fields.Rows)
                {
                    html.Open("div", ("class", "field")).Open("dt");
                    foreach (var span in row.Label) Span(span);
                    html.Text("：").Close("dt"); // the colon the PDF sets after each label
                    Inline("dd", row.Value);
                    html.Close("div");
                }
                html.Close("dl").Line();
                break;
            case Table table:
                Table(table);
                break;
            case Figure figure:
                Figure(figure);
                break;
            case ThematicBreak:
                html.Markup("<hr>").Line();
                break;
        }
    }

    private void Table(Table table)
    {
        html.Open("div", ("class", "table")).Open("table");
        foreach (var (row, index) in table.Rows.Select((r, i) => (r, i)))
        {
            if (index == 0) html.Open("thead");
            else if (index == 1) html.Open("tbody");
            html.Open("tr");
            foreach (var (cell, column) in row.Select((c, i) => (c, i)))
            {
                var align = column < table.Alignments.Length ? table.Alignments[column] : CellAlignment.Start;
                Inline(index == 0 ? "th" : "td", cell, align == CellAlignment.Start ? null : $"text-align:{(align == CellAlignment.Center ? "center" : "end")}");
            }
            html.Close("tr");
            if (index == 0) html.Close("thead");
        }
        if (table.Rows.Length > 1) html.Close("tbody");
        html.Close("table").Close("div").Line();
    }

    private void Figure(Figure figure)
    {
        var alt = figure.Alt.Trim().Length > 0 ? figure.Alt : Path.GetFileNameWithoutExtension(figure.Path);
        var width = figure.Width is { } w ? string.Create(CultureInfo.InvariantCulture, $"width:{w * 100:0.#}%") : null;
        html.Open("figure", ("class", figure.Spans ? "span" : null), ("style", width));
        html.Markup("<img").Markup($" src=\"{Html.Encode(imageAddress(figure.Path))}\" alt=\"{Html.Encode(alt)}\" loading=\"lazy\">");
        if (figure.Caption.Length > 0) Inline("figcaption", figure.Caption);
        html.Close("figure").Line();
    }

    private void Inline(string tag, ImmutableArray<Span> spans, string? style = null)
    {
        html.Open(tag, ("style", style));
        foreach (var span in spans) Span(span);
        html.Close(tag);
        if (tag is "p" or "figcaption" || tag.StartsWith('h')) html.Line();
    }

    private void Span(Span span)
    {
        var wrappers = new List<string>();
        if (span.Lang is { } lang) { html.Open("span", ("lang", lang)); wrappers.Add("span"); }
        if (span.Style.HasFlag(SpanStyle.Superscript)) { html.Open("sup"); wrappers.Add("sup"); }
        if (span.Style.HasFlag(SpanStyle.Bold)) { html.Open("strong"); wrappers.Add("strong"); }
        if (span.Style.HasFlag(SpanStyle.Italic)) { html.Open("em"); wrappers.Add("em"); }
        if (span.Style.HasFlag(SpanStyle.Code)) { html.Open("code"); wrappers.Add("code"); }
        if (span.Link is { } link)
        {
            if (link.StartsWith("#fn", StringComparison.Ordinal))
            {
                // A footnote reference: the first one of each note is the target of the note's way back.
                var id = _noteReferences.Add(link) ? "fnref" + link[3..] : null;
                html.Open("a", ("href", link), ("id", id), ("role", "doc-noteref"));
            }
            else html.Open("a", ("href", link));
            wrappers.Add("a");
        }
        var lines = span.Text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) html.Markup("<br>");
            html.Text(lines[i]);
        }
        for (int i = wrappers.Count - 1; i >= 0; i--) html.Close(wrappers[i]);
    }
}
