using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Layout;
using NewsletterPress.Layout.Collect;
using NewsletterPress.Manifest;
using NewsletterPress.Tests.Support;
using NewsletterPress.Text;

namespace NewsletterPress.Tests.Layout;

/// <summary>Articles set ahead on other threads and collected in order (issue #14): when it is on, and whether the
/// collection in order really finds its paragraphs set.</summary>
public sealed class ArticlesAheadTests
{
    [Theory]
    [InlineData(null, 2, 3, 2)] // the default: every core…
    [InlineData(null, 8, 3, 3)] // …but not more threads than articles
    [InlineData(null, 1, 3, 1)] // one core: one after another
    [InlineData(null, 8, 1, 1)] // one article: nothing to do in parallel
    [InlineData("0", 8, 20, 1)] // off
    [InlineData("1", 1, 20, 2)] // on even on one core (a worker and the calling thread)
    [InlineData("1", 4, 1, 1)]
    [InlineData("yes", 4, 20, 4)] // anything else: the default
    public void Parallel_collection_is_on_with_more_than_one_core_and_article_unless_turned_off(string? setting, int cores,
        int articles, int threads) =>
        Assert.Equal(threads, ArticlesAhead.Threads(setting, cores, articles));

    [Theory]
    [InlineData("issues/vol-11")]
    [InlineData("samples/figures-and-tables")]
    public void The_collection_in_order_takes_every_setting_from_the_articles_set_ahead_and_keeps_its_own_warnings(string folder)
    {
        var issue = IssueLoader.Load(Repo.Path(folder));
        var articles = issue.Articles.Select(a => ArticleLoader.Load(a.Path, issue.Language, issue.Folder, new WarningLog())).ToList();
        using var fonts = new FontLibrary(issue.Style.Fonts, issue.Folder, issue.Style.LatinInJapanese);
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        var scale = new TypeScale(config.BodySize, issue.Style.Accent, issue.Style.ProportionalHeadings);

        (List<CollectedArticle> Articles, List<Warning> Warnings, int Elements) Collect(int threads, out int taken, out int missed)
        {
            var setter = new ParagraphSetter(fonts);
            var warnings = new WarningLog();
            var structure = new StructureBuilder();
            var collector = new ArticleCollector(issue, setter, config, scale, warnings, structure);
            var collected = new List<CollectedArticle>();
            using var ahead = ArticlesAhead.Start(issue, articles, setter, config, scale, threads);
            for (int i = 0; i < articles.Count; i++)
                using (ahead?.For(i))
                    collected.Add(collector.Collect(articles[i], issue.Articles[i], i, joinsColumnRun: false, mayRunIn: i > 0));
            (taken, missed) = (ahead?.Taken ?? 0, ahead?.Missed ?? 0);
            return (collected, [.. warnings.All], structure.ToImmutable().Length);
        }

        var inOrder = Collect(1, out _, out _);
        var inParallel = Collect(3, out int taken, out int missed);
        Assert.Equal(0, missed);
        Assert.True(taken > 20, $"{taken} settings taken");
        // Only the settings come from the workers: the structure and the warnings are the collection in order's.
        Assert.Equal(inOrder.Elements, inParallel.Elements);
        Assert.Equal(inOrder.Warnings, inParallel.Warnings);
        Assert.Equal(inOrder.Articles.Select(Text), inParallel.Articles.Select(Text));
    }

    /// <summary>The text of an article's lines and bands, with each fragment's structure element.</summary>
    private static string Text(CollectedArticle article) => string.Join("\n",
        article.Parts.SelectMany(p => p switch
        {
            ColumnLines c => c.Lines.SelectMany(l => l.Fragments),
            SpanningBand b => b.Band.Fragments,
            SpanningRows r => r.Rows.SelectMany(l => l.Fragments),
            _ => [],
        }).Concat(article.Opener?.Fragments ?? []).Concat(article.ColumnOpener?.Fragments ?? [])
        .OfType<TextFragment>().Select(t => $"{t.Element}: {t.Line.Text}"));
}
