using NewsletterPress.Content;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>An article's opener: kicker, title, author, affiliation and a thin rule, across the
/// columns or (for an article that starts in a new column) as wide as one column.</summary>
internal static class ArticleOpener
{
    public static Band Compose(Article article, string anchor, ParagraphSetter setter, LayoutConfig config, TypeScale scale,
        StructureBuilder structure, int articleElement, double width)
    {
        var band = new BandBuilder(config);
        band.Add(new AnchorFragment(anchor));
        string lang = article.Lang;
        ParagraphFormat Format(string l) => new(width, 0, false, l, config.BodySize);
        bool japaneseTitle = lang.StartsWith("ja", StringComparison.Ordinal);

        double first = 0;
        if (article.Kicker is { } kicker)
        {
            // Latin kickers are set in letter-spaced capitals (look.md); Japanese ones as written.
            var text = japaneseTitle ? kicker : kicker.ToUpperInvariant();
            band.AddLines(setter.Set([new TextRun(text, scale.Kicker)], Format(lang)), 0, scale.Kicker.Size * 1.3, scale.Kicker.Size * 1.5,
                structure.Add(Display.StructureRole.P, articleElement));
            first = scale.Title.Size * 1.6;
        }
        else first = scale.Title.Size * 1.2;
        var title = setter.Set(BlockComposer.Runs([new Span(article.Title)], scale.Title, lang), Format(lang));
        band.AddLines(title, 0, first, scale.Title.Size * 1.35, structure.Add(Display.StructureRole.H1, articleElement));
        if (article.Author is { } author)
            band.AddLines(setter.Set(BlockComposer.Runs([new Span(author)], scale.Author, lang), Format(lang)), 0,
                config.Leading * 1.3, config.Leading, structure.Add(Display.StructureRole.P, articleElement));
        if (article.Affiliation is { } affiliation)
            band.AddLines(setter.Set(BlockComposer.Runs([new Span(affiliation)], scale.Affiliation, lang), Format(lang)), 0,
                article.Author is null ? config.Leading * 1.3 : config.Leading * 0.95, config.Leading * 0.95,
                structure.Add(Display.StructureRole.P, articleElement));
        band.Rule(config.BodySize * 0.9, 0, width, 0.5, Display.Ink.Black);
        return band.Build(config.Leading * 0.6);
    }
}
