using NewsletterPress.Content;
using NewsletterPress.Shared;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Collect;

/// <summary>The structure elements of an opener's lines, made once: an opener set both across the columns and a column
/// wide (the planner chooses one) tags both with the same elements.</summary>
internal sealed record OpenerElements(int Kicker, int Title, int Author, int Affiliation)
{
    public static OpenerElements Add(StructureBuilder structure, Article article, int articleElement) => new(
        article.Kicker is null ? -1 : structure.Add(Display.StructureRole.P, articleElement),
        structure.Add(Display.StructureRole.H1, articleElement),
        article.Author is null ? -1 : structure.Add(Display.StructureRole.P, articleElement),
        article.Affiliation is null ? -1 : structure.Add(Display.StructureRole.P, articleElement));
}

/// <summary>An article's opener: kicker, title, author, affiliation and a thin rule, across the
/// columns or as wide as one column (for an article that starts in a column of the article before).</summary>
internal static class ArticleOpener
{
    public static Band Compose(Article article, string anchor, ParagraphSetter setter, LayoutConfig config, TypeScale scale,
        OpenerElements elements, double width)
    {
        var band = new BandBuilder(config);
        band.Add(new AnchorFragment(anchor));
        string lang = article.Lang;
        // Display lines: Japanese breaks only between phrases, and a title of two lines is balanced.
        ParagraphFormat Format(string l) => new(width, 0, false, l, config.BodySize, Display: true);
        bool japaneseTitle = lang.StartsWith("ja", StringComparison.Ordinal);

        double first = 0;
        if (article.Kicker is { } kicker)
        {
            // Latin kickers are set in letter-spaced capitals (look.md); Japanese ones as written.
            var text = japaneseTitle ? kicker : kicker.ToUpperInvariant();
            band.AddLines(setter.Set([new TextRun(text, scale.Kicker)], Format(lang)), 0, scale.Kicker.Size * Look.Opener.KickerAdvanceRatio, scale.Kicker.Size * Look.Opener.KickerLeadingRatio,
                elements.Kicker);
            first = scale.Title.Size * Look.Opener.TitleAfterKickerRatio;
        }
        else first = scale.Title.Size * Look.Opener.TitleAtTopRatio;
        var title = setter.Set(ArticleCollector.Runs([new Span(article.Title)], scale.Title), Format(lang));
        band.AddLines(title, 0, first, scale.Title.Size * Look.Opener.TitleLeadingRatio, elements.Title);
        if (article.Author is { } author)
            band.AddLines(setter.Set(ArticleCollector.Runs([new Span(author)], scale.Author), Format(lang)), 0,
                config.Leading * Look.Opener.AuthorAdvanceLeading, config.Leading, elements.Author);
        if (article.Affiliation is { } affiliation)
            band.AddLines(setter.Set(ArticleCollector.Runs([new Span(affiliation)], scale.Affiliation), Format(lang)), 0,
                article.Author is null ? config.Leading * Look.Opener.AuthorAdvanceLeading : config.Leading * Look.Opener.AffiliationLeading,
                config.Leading * Look.Opener.AffiliationLeading, elements.Affiliation);
        band.Rule(config.BodySize * Look.Opener.RuleGapEm, 0, width, Look.Opener.RuleWeight, Ink.Black);
        return band.Build(config.Leading * Look.Opener.BottomLeading);
    }
}
