using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>
/// Stage 4's entry point: lays out a whole volume — cover, articles, donation box, footers —
/// into a display list. The contents list needs the pages the articles land on, so the
/// layout runs again with the computed numbers until they no longer change.
/// </summary>
public static class IssueLayout
{
    private const int MaxPasses = 4;

    public static string ArticleAnchor(int index) => $"article-{index + 1}";

    /// <summary>Where an article's title, kicker and author come from: its front matter.</summary>
    internal static SourcePosition FrontMatter(Article article) =>
        SourcePosition.InFile(article.SourcePath, 2, 1);

    /// <summary>Where the masthead, donation box and footer text come from: the manifest.</summary>
    private static SourcePosition Manifest(Issue issue) =>
        SourcePosition.InFile(Path.Combine(issue.Folder, IssueLoader.ManifestFileName), 1, 1);

    public static DisplayDocument Compose(Issue issue, IReadOnlyList<Article> articles, FontLibrary fonts, WarningLog warnings,
        DateTimeOffset date)
    {
        var config = LayoutConfig.From(issue.Style, warnings);
        var scale = new TypeScale(config.BodySize, issue.Style.Accent, issue.Style.ProportionalHeadings);
        var setter = new ParagraphSetter(fonts);

        var pages = articles.Select(_ => 0).ToList();
        PageFlow? flow = null;
        var sections = new List<ImmutableArray<OutlineEntry>>();
        StructureBuilder structure = new();
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            structure = new StructureBuilder();
            sections.Clear();
            // Warnings are only kept from the first pass; later passes only change the contents' numbers.
            flow = Run(issue, articles, pages, setter, config, scale, pass == 0 ? warnings : new WarningLog(), structure, sections);
            var computed = articles.Select((_, i) => flow.AnchorPages[ArticleAnchor(i)]).ToList();
            if (computed.SequenceEqual(pages)) break;
            pages = computed;
            if (pass == MaxPasses - 1)
                warnings.Add(null, "the contents page numbers did not settle; check the contents list");
        }

        foreach (var page in flow!.Pages.Skip(1)) MissingGlyphs.At(Manifest(issue), () => Footer.Draw(page, issue.FullTitle, setter, config, scale));

        // One outline entry per article, with its sections (level-2 headings) under it.
        var outline = articles.Select((a, i) => new OutlineEntry(a.ContentsLine, ArticleAnchor(i), sections[i])).ToImmutableArray();
        var info = new DocumentInfo(issue.FullTitle, issue.Publisher, issue.Language, date);
        return new DisplayDocument(info, [.. flow.ToPages()], outline) { Structure = structure.ToImmutable() };
    }

    private static PageFlow Run(Issue issue, IReadOnlyList<Article> articles, IReadOnlyList<int> pages,
        ParagraphSetter setter, LayoutConfig config, TypeScale scale, WarningLog warnings, StructureBuilder structure,
        List<ImmutableArray<OutlineEntry>> sections)
    {
        var flow = new PageFlow(config, warnings);
        var manifest = Manifest(issue);
        flow.NewPage();
        flow.PlaceBand(MissingGlyphs.At(manifest, () => Masthead.Compose(issue, setter, config, scale, structure)));
        flow.PlaceBand(MissingGlyphs.At(manifest, () => ContentsList.Compose(issue.Contents, articles, pages, setter, config, scale, structure)));
        if (issue.Contents.Placement == ContentsPlacement.OwnPage) flow.NewPage();

        var composer = new BlockComposer(setter, config, scale, warnings, structure, issue.HyphenationExceptions, issue.Style.Footnotes);
        // An article's parts are flowed only when the next article does not join its last column run.
        var pending = new List<FlowPart>();
        int pendingColumns = config.Columns;
        Article? pendingArticle = null;
        for (int i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            var start = issue.Articles[i].Start;
            int columns = article.Columns ?? config.Columns;
            double width = columns == 1 ? config.BlockWidth : config.ColumnWidth;
            int element = structure.Add(StructureRole.Art, structure.Root,
                lang: article.Lang == issue.Language ? null : article.Lang);
            Band Opener(double w) => MissingGlyphs.At(FrontMatter(article),
                () => ArticleOpener.Compose(article, ArticleAnchor(i), setter, config, scale, structure, element, w));

            if (start == ArticleStart.NewColumn && pending is [.., ColumnLines previous] && pendingColumns == columns && columns > 1)
            {
                // The article goes on in the same column run, from the head of the next column,
                // with its opener as wide as the column.
                var opener = Opener(width);
                var parts = composer.Compose(article, width, element, ArticleAnchor(i));
                sections.Add([.. composer.Sections]);
                var joined = new List<FlowLine>(previous.Lines) { new(opener.Lines, opener.Fragments, Keep.WithNext | Keep.ColumnBreakBefore) };
                if (parts is [ColumnLines first, ..]) joined.AddRange(first.Lines);
                pending[^1] = new ColumnLines(joined);
                pending.AddRange(parts is [ColumnLines, ..] ? parts.Skip(1) : parts);
                continue;
            }
            Flow(flow, pending, pendingColumns, composer, pendingArticle, nextOnNewPage: start == ArticleStart.NewPage, warnings);
            if (start == ArticleStart.NewColumn && i > 0 && pendingColumns != columns)
                warnings.Add(issue.Articles[i].Where, "start: new-column joins the columns of the article before, which has a different number of columns; this article starts below it instead");
            if (start == ArticleStart.NewPage && !flow.AtPageTop) flow.NewPage();
            else flow.Skip(1);
            flow.PlaceBand(Opener(config.BlockWidth), keepLines: 4);
            pending = composer.Compose(article, width, element, ArticleAnchor(i));
            pendingColumns = columns;
            pendingArticle = article;
            sections.Add([.. composer.Sections]);
        }
        Flow(flow, pending, pendingColumns, composer, pendingArticle, nextOnNewPage: issue.Donation is null, warnings);
        if (issue.Donation is { } donation)
        {
            flow.Skip(1);
            flow.PlaceBand(MissingGlyphs.At(manifest, () => DonationBox.Compose(donation, issue.Language, setter, config, scale, structure)));
        }
        return flow;
    }

    /// <param name="nextOnNewPage">What follows starts on a new page (or nothing follows), so an article end that
    /// runs onto a page of its own leaves that page nearly empty: the editor is told.</param>
    private static void Flow(PageFlow flow, List<FlowPart> parts, int columns, BlockComposer composer, Article? article,
        bool nextOnNewPage, WarningLog warnings)
    {
        for (int i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part is ColumnLines lines)
            {
                var (tightened, stranded) = SpillTightener.Tighten(lines.Lines, columns, flow, composer);
                flow.FlowColumns(tightened, columns);
                if (stranded > 0 && nextOnNewPage && i == parts.Count - 1 && article is not null)
                    warnings.Add(FrontMatter(article),
                        $"page {flow.Current.Number} holds only the last {stranded} lines of \"{article.Title}\", and setting its " +
                        $"paragraphs tighter could not bring them back; cutting about {stranded} lines, or starting what follows " +
                        "on that page (start: continue), would fill it");
            }
            else if (part is SpanningBand spanning) flow.PlaceBand(spanning.Band, keepLines: 2);
            else if (part is SpanningRows rows) flow.PlaceRows(rows.Rows);
        }
        parts.Clear();
    }
}
