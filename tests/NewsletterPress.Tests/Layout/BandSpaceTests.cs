using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Layout;
using NewsletterPress.Layout.Collect;
using NewsletterPress.Layout.Plan;
using NewsletterPress.Manifest;
using NewsletterPress.Shared;

namespace NewsletterPress.Tests.Layout;

/// <summary>
/// Lever 2 of the page planner: one or two blank grid lines around a table across the columns and above the
/// donation box, chosen by the planner (none only at a page's head: under text, a rule or a frame would touch it). Planned on articles of known heights (lines that draw nothing but a rule), so
/// that the one line that decides is known.
/// </summary>
public sealed class BandSpaceTests
{
    private static readonly LayoutConfig Config = LayoutConfig.From(Style.Default, new WarningLog());
    private const int Masthead = 6, Opener = 3;

    /// <summary>Where the article's text starts: under the masthead, the one blank line before the opener, and the opener.</summary>
    private const int TextTop = Masthead + 1 + Opener;

    /// <summary>Lines of text, each a paragraph of its own (no widow or orphan to keep), that draw a short rule.</summary>
    private static List<FlowLine> Lines(int firstId, int lines) =>
        [.. Enumerable.Range(0, lines).Select(i => new FlowLine(1, [new RuleFragment(0, 5, 10, 5, 1, Ink.Black)], Paragraph: firstId + i))];

    /// <summary>A table across the columns as the collector makes it: a blank grid line above and below.</summary>
    private static SpanningBand TableBand(int lines) =>
        new(new Band(lines + 2, [new RuleFragment(0, Config.Leading, 100, Config.Leading, 1, Ink.Black)]) { SpaceAbove = 1, SpaceBelow = 1 });

    private static CollectedIssue Issue(ImmutableArray<FlowPart> parts, Band? donation = null,
        DonationPlacement placement = DonationPlacement.Auto, bool contentsOwnPage = false)
    {
        var source = new Article("a.md", "A", null, null, null, "en", null, [], []);
        var article = new CollectedArticle(0, source, new ArticleRef("a.md", ArticleStart.Continue, new SourcePosition("issue.yaml", 1, 1)),
            2, new Band(Opener, [new AnchorFragment(IssueLayout.ArticleAnchor(0))]), null, false, parts, [], [], new ParagraphAlternatives(null!, Config));
        return new CollectedIssue(new Band(Masthead, []), 0, contentsOwnPage, [article], donation, placement, null);
    }

    /// <summary>An article on a page of its own (the contents fill the cover), of single-line paragraphs, whose text
    /// after a table would leave four lines on the next page, fewer than a piece of it may hold there: two blank lines
    /// around the table (instead of one) send two lines more per column on, and no piece is stranded.</summary>
    [Fact]
    public void A_table_takes_two_blank_lines_around_it_when_that_keeps_a_piece_of_its_article_from_being_stranded()
    {
        const int Before = 3, After = 4; // lines per column above and below the table on the first page
        int table = Config.LinesPerPage - Opener - Before - After - 2;
        var issue = Issue([new ColumnLines(Lines(0, 2 * Before)), TableBand(table), new ColumnLines(Lines(100, 2 * After + 4))],
            contentsOwnPage: true);

        var plan = new IssuePlanner(Config).Plan(issue);

        var page = plan.Pages[1];
        var band = page.Placements.OfType<BandPlacement>().Single(b => b.Band.Lines >= table);
        Assert.Equal(table + 4, band.Band.Lines);
        Assert.Equal(Opener + Before, band.Top);
        Assert.Equal(2 * Before + 2 * (After - 2), page.Placements.OfType<RegionPlacement>().Sum(r => r.Cut[^1] - r.Cut[0]));
        Assert.All(plan.Pieces, piece => Assert.True(piece.Lines >= PlanCost.FewestLinesOn(2 * Before + 2 * After + 4), $"{piece}"));
    }

    /// <summary>The same with the text after the table fitting on the page: the table keeps one blank line each side
    /// (nothing needs the lever).</summary>
    [Fact]
    public void A_table_keeps_one_blank_line_each_side_when_nothing_needs_more()
    {
        const int Before = 3, After = 4;
        int table = Config.LinesPerPage - Opener - Before - After - 2;
        var issue = Issue([new ColumnLines(Lines(0, 2 * Before)), TableBand(table), new ColumnLines(Lines(100, 2 * After))],
            contentsOwnPage: true);

        var plan = new IssuePlanner(Config).Plan(issue);

        Assert.Equal(2, plan.Pages.Length);
        Assert.Equal(table + 2, plan.Pages[1].Placements.OfType<BandPlacement>().Single(b => b.Band.Lines >= table).Band.Lines);
    }

    /// <summary>Text that leaves exactly the donation box's height under it: with no blank line the box would touch
    /// the text, so it goes on the next page (at its foot, or for <c>end</c> at its head), dear as a page alone is.</summary>
    [Theory]
    [InlineData(DonationPlacement.Auto)]
    [InlineData(DonationPlacement.End)]
    public void The_donation_box_is_never_set_right_against_the_text(DonationPlacement placement)
    {
        const int Box = 7;
        int text = Config.LinesPerPage - TextTop - Box + 1; // the opener may give up its blank line: still no room
        var issue = Issue([new ColumnLines(Lines(0, 2 * text))], new Band(Box, []), placement);

        var plan = new IssuePlanner(Config).Plan(issue);

        Assert.Equal(2, plan.Pages.Length);
        int top = placement == DonationPlacement.Auto ? Config.LinesPerPage - Box : 0; // at the foot, or at the head
        Assert.Equal(top, plan.Pages[1].Placements.OfType<BandPlacement>().Single(b => b.Band.Lines == Box).Top);
    }

    /// <summary>After the last article (<c>placement: end</c>), a box that would leave one blank line under it takes two
    /// above it instead and sits on the page's foot; with more room it keeps one line above it.</summary>
    [Theory]
    [InlineData(2, 2)]
    [InlineData(4, 1)]
    public void The_donation_box_after_the_last_article_takes_two_blank_lines_when_that_sets_it_on_the_foot(int left, int space)
    {
        const int Box = 7;
        int text = Config.LinesPerPage - TextTop - Box - left;
        var issue = Issue([new ColumnLines(Lines(0, 2 * text))], new Band(Box, []), DonationPlacement.End);

        var plan = new IssuePlanner(Config).Plan(issue);

        var box = plan.Pages[0].Placements.OfType<BandPlacement>().Single(b => b.Band.Lines == Box);
        Assert.Equal(TextTop + text + space, box.Top);
    }
}
