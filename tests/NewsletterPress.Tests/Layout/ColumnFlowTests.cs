using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Layout;
using NewsletterPress.Layout.Collect;
using NewsletterPress.Layout.Paint;
using NewsletterPress.Layout.Plan;
using NewsletterPress.Manifest;
using NewsletterPress.Shared;

namespace NewsletterPress.Tests.Layout;

/// <summary>Column flow as the planner lays it out and the painter draws it: regions filled page by page, the last one
/// balanced, widows, orphans and headings kept off column breaks.</summary>
public class ColumnFlowTests
{
    private static readonly LayoutConfig Config = LayoutConfig.From(Style.Default, new WarningLog());

    /// <summary>The pages one article of these lines fills from the top of a page, as painted.</summary>
    private static List<Page> Flow(List<FlowLine> lines, List<PlanDefect>? defects = null)
    {
        var source = new Article("a.md", "A", null, null, null, "en", null, [], []);
        var article = new CollectedArticle(0, source, new ArticleRef("a.md", ArticleStart.NewPage, new SourcePosition("issue.yaml", 1, 1)),
            2, new Band(0, []), null, false, [new ColumnLines(lines)], [], [], new ParagraphAlternatives(null!, Config));
        var group = new FlowGroup([new GroupMember(article, JoinMode.None)], Config.Leading);
        var recorder = new PlanRecorder(Config);
        new GroupFlow(Config).Run(group, group.Base, 0, new StartChoice(StartMode.NewPage, 0, Asked: true), recorder);
        recorder.FinishPage(PageBreak.LastPage);
        defects?.AddRange(recorder.Defects);
        var plan = new PagePlan(recorder.Pages, [1], [], [], [], null);
        return [.. PlanPainter.Paint(plan, new Band(0, []), Config, _ => { }).Select(p => p.ToPage())];
    }

    /// <summary>Paragraphs of the given lengths whose lines draw a short rule, so the page shows where each line went.</summary>
    private static List<FlowLine> Paragraphs(params int[] lengths)
    {
        var lines = new List<FlowLine>();
        for (int p = 0; p < lengths.Length; p++)
            for (int i = 0; i < lengths[p]; i++)
                lines.Add(new FlowLine(1, [new RuleFragment(0, 5, 10, 5, 1, Ink.Black)], Paragraph: p, LineInParagraph: i, LinesInParagraph: lengths[p]));
        return lines;
    }

    private static List<(double Left, int Lines, double Bottom)> Columns(Page page) =>
        page.Items.OfType<Rule>().GroupBy(r => Math.Round(r.X1)).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), g.Max(r => r.Y1))).ToList();

    [Theory]
    [InlineData(new[] { 5, 6, 4, 7 })]
    [InlineData(new[] { 12, 3, 9 })]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2 })]
    public void The_last_region_of_an_article_is_balanced_within_one_line(int[] paragraphs)
    {
        var columns = Columns(Flow(Paragraphs(paragraphs)).Single());
        Assert.Equal(2, columns.Count);
        Assert.InRange(columns[0].Lines - columns[1].Lines, 0, 1);
        Assert.Equal(paragraphs.Sum(), columns.Sum(c => c.Lines));
    }

    [Fact]
    public void Balancing_never_splits_a_two_line_paragraph_even_if_the_columns_then_differ_by_two()
    {
        var columns = Columns(Flow(Paragraphs(2, 2, 2, 2, 2, 2, 2)).Single());
        Assert.Equal([8, 6], columns.Select(c => c.Lines));
    }

    [Fact]
    public void Balancing_does_not_buy_even_columns_with_a_widow()
    {
        // The end of a long paragraph spills two lines into the last region: 1 + 1 would leave
        // the paragraph's last line alone at the head of column two, so both stay in column one.
        var last = Columns(Flow(Paragraphs(Config.LinesPerPage * 2 + 2)).Last());
        Assert.Equal([2], last.Select(c => c.Lines));
    }

    [Fact]
    public void A_rule_broken_because_nothing_else_fits_is_reported()
    {
        var defects = new List<PlanDefect>();
        // A block kept together that is taller than a column must break somewhere.
        var kept = Enumerable.Range(0, Config.LinesPerPage + 5)
            .Select(_ => new FlowLine(1, [new RuleFragment(0, 5, 10, 5, 1, Ink.Black)], Keep.WithNext)).ToList();
        Flow(kept, defects);
        Assert.Contains(defects, d => d.Kind == DefectKind.KeepBroken);

        var clean = new List<PlanDefect>();
        Flow(Paragraphs(30, 30, 33), clean);
        Assert.DoesNotContain(clean, d => d.Kind == DefectKind.KeepBroken);
    }

    [Fact]
    public void A_long_article_fills_whole_pages_before_it_balances_the_last_one()
    {
        var pages = Flow(Paragraphs(Enumerable.Repeat(10, 12).ToArray())); // 120 lines
        Assert.Equal(2, pages.Count);
        var first = Columns(pages[0]);
        Assert.All(first, c => Assert.Equal(Config.LinesPerPage, c.Lines));
        var last = Columns(pages[1]);
        Assert.InRange(last[0].Lines - last[1].Lines, 0, 1);
    }

    /// <summary>A figure in a column that does not fit at the foot of the first: the text after it fills that foot, and
    /// the figure heads the next column with its caption under it (lever 3), instead of leaving five lines of white.</summary>
    [Fact]
    public void A_figure_in_a_column_that_does_not_fit_at_its_foot_heads_the_next_column_and_the_text_after_it_fills_the_foot()
    {
        const int Hole = 5, FigureLines = 10;
        var figure = new FlowLine(FigureLines, [new ImageFragment("figure.png", 0, 0, 100, FigureLines * Config.Leading - 4)], Keep.WithNext);
        var caption = new FlowLine(1, [new RuleFragment(0, 5, 10, 5, 1, Ink.Black)]);
        var text = Paragraphs(Config.LinesPerPage - Hole);
        var after = Paragraphs(Enumerable.Repeat(10, 8).ToArray());

        var page = Flow([.. text, figure, caption, .. after])[0];

        var columns = Columns(page);
        Assert.Equal(Config.LinesPerPage, columns[0].Lines); // its text and the first five lines after the figure
        var image = Assert.Single(page.Items.OfType<ImageItem>());
        Assert.True(image.X > columns[0].Left + Config.ColumnWidth, "the figure is in the second column");
        Assert.Equal(Config.LineTop(0), image.Y, 3);
        // Its caption right under it, and the text read on under the caption.
        var second = page.Items.OfType<Rule>().Where(r => r.X1 > image.X - 1).OrderBy(r => r.Y1).ToList();
        Assert.Equal(Config.LineTop(FigureLines) + 5, second[0].Y1, 3);
        Assert.Equal(Config.LinesPerPage - FigureLines, second.Count);
    }

    /// <summary>The opener of an article that starts in a new column: one line that must head a column.</summary>
    private static FlowLine ColumnOpener() =>
        new(1, [new RuleFragment(0, 5, 10, 5, 1, Ink.Black)], Keep.WithNext | Keep.ColumnBreakBefore);

    [Fact]
    public void An_article_that_starts_in_a_new_column_leaves_the_rest_of_the_column_before_it_empty()
    {
        var columns = Columns(Flow([.. Paragraphs(6), ColumnOpener(), .. Paragraphs(4)]).Single());
        Assert.Equal([6, 5], columns.Select(c => c.Lines));
    }

    [Fact]
    public void A_new_column_after_the_last_column_of_a_page_is_the_first_column_of_the_next_page()
    {
        var pages = Flow([.. Paragraphs(Config.LinesPerPage + 3), ColumnOpener(), .. Paragraphs(4)]);
        Assert.Equal(2, pages.Count);
        // The article before ends in the last column, so the next one starts on the next page and this
        // page is the article's last: its columns are balanced.
        var first = Columns(pages[0]);
        Assert.Equal(Config.LinesPerPage + 3, first.Sum(c => c.Lines));
        Assert.InRange(first[0].Lines - first[1].Lines, 0, 1);
        var next = Columns(pages[1]);
        Assert.Equal(5, next.Sum(c => c.Lines));
        Assert.Equal(Config.LineTop(0) + 5, pages[1].Items.OfType<Rule>().Min(r => r.Y1), 3);
    }
}
