using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Layout.Collect;
using NewsletterPress.Layout.Furniture;
using NewsletterPress.Layout.Paint;
using NewsletterPress.Layout.Plan;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>How full each page of the plan is, the paragraphs the planner set a line shorter or longer, and what to
/// cut or add when the page target cannot be met: for <c>check</c>, the tests and the editor.</summary>
public sealed record LayoutReport(ImmutableArray<PageFill> Pages, ImmutableArray<AdjustedParagraph> Adjusted, CopyfitReport? Copyfit);

/// <summary>A paragraph the planner set one line shorter (<see cref="Lines"/> −1) or longer (+1) to fit the pages.</summary>
public sealed record AdjustedParagraph(string Where, int Lines, string Text);

/// <summary>A page's fill: the share of its text block's grid lines (all columns) that carry content; and why it ends.</summary>
public sealed record PageFill(int Page, double Fill, string Break)
{
    /// <summary>What the fill rule asks of every page but the last, unless the editor forced its break.</summary>
    public const double FullEnough = Plan.PlanCost.FullEnough;
}

/// <summary>The page target the plan misses, and for each article about how many lines to cut (negative) or add.</summary>
public sealed record CopyfitReport(string Target, int PagesPlanned, ImmutableArray<CopyfitLine> Articles);

public sealed record CopyfitLine(string File, string Title, int Lines);

/// <summary>
/// Stage 4's entry point: collect → plan → paint (page-planning.md). Every article is set once into what the
/// planner places (<see cref="ArticleCollector"/>); the planner chooses, over the whole issue, where articles start,
/// which paragraphs are set a line shorter or longer and where the donation box goes (<see cref="IssuePlanner"/>);
/// the contents list then gets the pages from the plan, and the painter draws it all (<see cref="PlanPainter"/>).
/// </summary>
public static class IssueLayout
{
    public static string ArticleAnchor(int index) => $"article-{index + 1}";

    /// <summary>Where an article's title, kicker and author come from: its front matter.</summary>
    internal static SourcePosition FrontMatter(Article article) =>
        SourcePosition.InFile(article.SourcePath, 2, 1);

    /// <summary>Where the masthead, donation box and footer text come from: the manifest.</summary>
    internal static SourcePosition Manifest(Issue issue) =>
        SourcePosition.InFile(Path.Combine(issue.Folder, IssueLoader.ManifestFileName), 1, 1);

    public static (DisplayDocument Document, LayoutReport Report) Compose(Issue issue, IReadOnlyList<Article> articles, FontLibrary fonts,
        WarningLog warnings, DateTimeOffset date)
    {
        // The errors that can be found apart — characters no font has, a page the style makes impossible, each title
        // too long for the contents, the masthead — are all found before the articles are set, and told in one run.
        var errors = new InputErrors(IssueLoader.ReadingOrder(issue.Folder, articles.Select(a => a.SourcePath)));
        GlyphCoverage.Check(articles, fonts, errors);
        var config = errors.Try(() => LayoutConfig.From(issue.Style, warnings), null);
        if (config is null) throw errors.Combined!;
        var scale = new TypeScale(config.BodySize, issue.Style.Accent, issue.Style.ProportionalHeadings);
        var setter = new ParagraphSetter(fonts);
        var structure = new StructureBuilder();
        var manifest = Manifest(issue);

        var masthead = errors.Try(() => MissingGlyphs.At(manifest, () => Masthead.Compose(issue, setter, config, scale, structure)), null);
        var contents = errors.Try(() => MissingGlyphs.At(manifest, () => new ContentsList(issue.Contents, articles, setter, config, scale, structure)), null);
        if (masthead is not null && contents is not null && masthead.Lines + contents.Lines > config.LinesPerPage - 4)
            errors.Add(new InputException(manifest, $"the masthead and the contents list take {masthead.Lines + contents.Lines} of the page's " +
                $"{config.LinesPerPage} lines; shorten the article titles or split the issue"));
        // The donation box is tried here on a structure of its own, for its errors; it is set for the page after the
        // articles, so that it follows them in the structure tree (the reading order).
        if (issue.Donation is { } tried)
            errors.Try(() => MissingGlyphs.At(manifest, () => DonationBox.Compose(tried, issue.Language, setter, config, scale, new StructureBuilder())));
        errors.ThrowIfAny();
        var collected = Collect(issue, articles, setter, config, scale, warnings, structure);
        var donation = issue.Donation is { } d
            ? MissingGlyphs.At(manifest, () => DonationBox.Compose(d, issue.Language, setter, config, scale, structure))
            : null;

        var plan = new IssuePlanner(config).Plan(new CollectedIssue(masthead!, contents!.Lines,
            issue.Contents.Placement == ContentsPlacement.OwnPage, collected, donation,
            issue.Donation?.Placement ?? DonationPlacement.Auto, issue.Pages));
        PlanWarnings.Report(plan, issue, collected, warnings);

        var footer = new Footer(issue.FullTitle, setter, config, scale);
        var pages = PlanPainter.Paint(plan, contents.Compose(plan.ArticlePages), config,
            page => MissingGlyphs.At(manifest, () => footer.Draw(page)));

        // One outline entry per article, with its sections (level-2 headings) under it.
        var outline = collected.Select(a => new OutlineEntry(a.Source.ContentsLine, ArticleAnchor(a.Index), a.Sections)).ToImmutableArray();
        var info = new DocumentInfo(issue.FullTitle, issue.Publisher, issue.Language, date) { Volume = Record(issue, articles, plan.ArticlePages) };
        var document = new DisplayDocument(info, [.. pages.Select(p => p.ToPage())], outline) { Structure = structure.ToImmutable() };
        return (document, Report(plan, collected));
    }

    private static VolumeRecord Record(Issue issue, IReadOnlyList<Article> articles, IReadOnlyList<int> firstPages) =>
        new(issue.Newsletter, issue.Volume, issue.Date, issue.Publisher, issue.Language,
            [.. articles.Select((a, i) => new ArticleRecord(a.Title, a.Kicker, a.Author, firstPages[i],
                Path.GetRelativePath(issue.Folder, a.SourcePath).Replace(Path.DirectorySeparatorChar, '/')))]);

    /// <summary>Every article set once, in order, its paragraphs set ahead on all cores (<see cref="ArticlesAhead"/>).
    /// One that starts in a new column joins the column run of the article before when there is one of the same number of
    /// columns; otherwise it starts below, and the editor is told why.</summary>
    private static ImmutableArray<CollectedArticle> Collect(Issue issue, IReadOnlyList<Article> articles, ParagraphSetter setter,
        LayoutConfig config, TypeScale scale, WarningLog warnings, StructureBuilder structure)
    {
        using var ahead = ArticlesAhead.Start(issue, articles, setter, config, scale, ArticlesAhead.Threads(articles.Count));
        var collector = new ArticleCollector(issue, setter, config, scale, warnings, structure);
        var collected = ImmutableArray.CreateBuilder<CollectedArticle>(articles.Count);
        for (int i = 0; i < articles.Count; i++)
        {
            var entry = issue.Articles[i];
            int columns = articles[i].Columns ?? config.Columns;
            // A column run to join: the article before has the same columns (more than one) and ends in its columns.
            bool joinable = i > 0 && collected[i - 1] is var before && before.Columns == columns && columns > 1 && before.Parts is [.., ColumnLines];
            if (entry.Start == ArticleStart.NewColumn && i > 0 && collected[i - 1].Columns != columns)
                warnings.Add(entry.Where, WarningCode.NewColumnNotJoined,
                    "start: new-column joins the columns of the article before, which has a different number of columns; this article starts below it instead");
            using (ahead?.For(i))
                collected.Add(collector.Collect(articles[i], entry, i, joinsColumnRun: joinable && entry.Start == ArticleStart.NewColumn,
                    mayRunIn: joinable && entry.Start == ArticleStart.Auto));
        }
        return collected.MoveToImmutable();
    }

    private static LayoutReport Report(PagePlan plan, ImmutableArray<CollectedArticle> articles) => new(
        [.. plan.Pages.Select(p => new PageFill(p.Number, Math.Round(p.Fill, 3), Warning.Kebab(p.Break.ToString())))],
        [.. plan.Choices.SelectMany(c => c.Shorter.Select(p => (c.Article, p, -1)).Concat(c.Longer.Select(p => (c.Article, p, +1))))
            .Select(x => (Source: articles[x.Article].Alternatives.Source(x.p), Lines: x.Item3))
            .Select(x => new AdjustedParagraph(x.Source.Where.ToString(), x.Lines, x.Source.Text))],
        plan.Copyfit is { } c
            ? new CopyfitReport(c.Target.ToString(), c.PagesPlanned,
                [.. c.Changes.Select(x => new CopyfitLine(SourcePosition.DisplayPath(x.Article.Source.SourcePath), x.Article.Source.Title, x.Lines))])
            : null);
}
