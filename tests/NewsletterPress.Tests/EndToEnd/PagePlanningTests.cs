using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Manifest;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// The page planner's rules (page-planning.md), read back from the built PDFs with mupdf: every page but the last at
/// least 85 % full unless the editor forced its break, the last at least half full or closed by the donation box, no
/// page to spare, and no page holding only a few lines of an article.
/// </summary>
public class PagePlanningTests
{
    public static TheoryData<string> Issues() => BuiltIssues.All();

    private const double FullEnough = 0.85, LastPageFullEnough = 0.5;

    /// <summary>A piece of an article on a page holds at least ten lines of text, or, for a short article (a news item
    /// of a dozen lines cannot be split without a short piece), a third of its lines and at least four.</summary>
    private static int FewestLinesOnAPage(int articleLines) => Math.Min(10, Math.Max(4, articleLines / 3));

    /// <summary>The issue's manifest and its articles' titles.</summary>
    private static (Issue Issue, List<Article> Articles) Source(BuiltIssue built)
    {
        var issue = IssueLoader.Load(built.Folder);
        return (issue, [.. issue.Articles.Select(a => ArticleLoader.Load(a.Path, issue.Language, issue.Folder, new WarningLog()))]);
    }

    /// <summary>Where each article begins and the lines of it each page holds.</summary>
    private static (List<(int Page, int Article, int Lines)> Pieces, List<PdfBox> Titles) Read(BuiltIssue built)
    {
        var (issue, articles) = Source(built);
        var read = PageContent.Articles(built.Boxes, [.. articles.Select(a => a.Title)], built.Config, TitleSize, issue.Donation?.Lead);
        Assert.Equal(articles.Count, read.Titles.Count);
        return read;
    }

    /// <summary>Article titles are set at 17 pt (look.md).</summary>
    private const double TitleSize = 17;

    /// <summary>Pages whose end the editor asked for: the contents on a page of their own, and the page before an
    /// article that starts a new page, or a new column at the top of a page.</summary>
    private static HashSet<int> ForcedBreaks(BuiltIssue built)
    {
        var (issue, _) = Source(built);
        var titles = Read(built).Titles;
        var forced = new HashSet<int>();
        if (issue.Contents.Placement == ContentsPlacement.OwnPage) forced.Add(1);
        for (int i = 0; i < titles.Count; i++)
        {
            bool atPageTop = titles[i].Y0 < built.Config.LineTop(2);
            if (issue.Articles[i].Start == ArticleStart.NewPage || issue.Articles[i].Start == ArticleStart.NewColumn && atPageTop)
                forced.Add(titles[i].Page - 1);
        }
        return forced;
    }

    /// <summary>The donation box sits at the foot of the last page: its frame's text reaches the last grid lines.</summary>
    private static bool BoxAtFoot(BuiltIssue built, Issue issue)
    {
        if (issue.Donation is not { } donation) return false;
        var lead = built.Boxes.LastOrDefault(b => b.Page == built.Pages && donation.Lead.Length > 0
                                                  && PageContent.Normalise(donation.Lead).StartsWith(PageContent.Normalise(b.Text), StringComparison.Ordinal));
        var deepest = built.Boxes.Where(b => b.Page == built.Pages && b.Y1 < built.Config.LineTop(built.Config.LinesPerPage) + 1).Max(b => b.Y1);
        return lead is not null && deepest >= built.Config.LineTop(built.Config.LinesPerPage - 2);
    }

    [Theory]
    [MemberData(nameof(Issues))]
    public void Every_page_but_the_last_is_full_and_the_last_half_full_or_closed_by_the_donation_box(string issue) =>
        AssertFillRule(BuiltIssues.Get(issue));

    [Fact]
    public void The_fill_rule_holds_on_an_issue_of_twenty_articles() => AssertFillRule(BuiltIssues.TwentyWorldReports());

    private static void AssertFillRule(BuiltIssue built)
    {
        var fills = PageContent.Fill(built.Boxes, built.Pages, built.Config);
        var forced = ForcedBreaks(built);
        for (int page = 1; page < built.Pages; page++)
            Assert.True(forced.Contains(page) || fills[page - 1] >= FullEnough,
                $"{built.Issue} page {page} is only {fills[page - 1]:0%} full (fills: {string.Join(" ", fills.Select(f => f.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))})");
        Assert.True(fills[^1] >= LastPageFullEnough || BoxAtFoot(built, Source(built).Issue),
            $"{built.Issue}: the last page is only {fills[^1]:0%} full and has no donation box at its foot");
    }

    [Theory]
    [MemberData(nameof(Issues))]
    public void The_issue_has_no_page_to_spare(string issue)
    {
        // The room left on the pages whose break nobody forced could not take the last page's content.
        var built = BuiltIssues.Get(issue);
        var fills = PageContent.Fill(built.Boxes, built.Pages, built.Config);
        var forced = ForcedBreaks(built);
        double room = Enumerable.Range(1, built.Pages - 1).Where(p => !forced.Contains(p)).Sum(p => 1 - fills[p - 1]);
        Assert.True(built.Pages == 1 || room < fills[^1],
            $"{built.Issue}: {room:0.00} pages of room before the last page, which holds {fills[^1]:0.00} of a page");
    }

    [Theory]
    [MemberData(nameof(Issues))]
    public void No_page_holds_only_a_few_lines_of_an_article(string issue) => AssertNoStrandedPieces(BuiltIssues.Get(issue));

    [Fact]
    public void Twenty_articles_take_at_most_44_pages_and_none_holds_only_a_few_lines_of_one()
    {
        var built = BuiltIssues.TwentyWorldReports();
        Assert.True(built.Pages <= 44, $"the twenty World Reports take {built.Pages} pages");
        // Each report is long: every piece of it holds ten lines at least.
        Assert.All(Read(built).Pieces.GroupBy(p => p.Article), a => Assert.True(a.Sum(p => p.Lines) >= 30));
        AssertNoStrandedPieces(built);
    }

    private static void AssertNoStrandedPieces(BuiltIssue built)
    {
        var (_, articles) = Source(built);
        var pieces = Read(built).Pieces;
        for (int i = 0; i < articles.Count; i++)
        {
            var own = pieces.Where(p => p.Article == i).ToList();
            Assert.NotEmpty(own);
            if (own.Count < 2) continue; // a short article whole on its page
            int fewest = FewestLinesOnAPage(own.Sum(p => p.Lines));
            foreach (var piece in (IEnumerable<(int Page, int Article, int Lines)>)[own[0], own[^1]])
                Assert.True(piece.Lines >= fewest,
                    $"{built.Issue} page {piece.Page} holds only {piece.Lines} lines of \"{articles[i].Title}\" (of {own.Sum(p => p.Lines)})");
        }
    }

    [Fact]
    public void Vol11_asked_for_four_pages_has_four_or_a_copyfit_report_naming_the_articles_and_the_lines_to_cut()
    {
        using var folder = new TempCopy(Repo.Vol11);
        var manifest = Path.Combine(folder.Path, "issue.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("articles:\n", "pages: 4\narticles:\n", StringComparison.Ordinal));
        var pdf = Path.Combine(folder.Path, "..", Path.GetFileName(folder.Path) + ".pdf");
        try
        {
            var run = Cli.Run(Repo.Root, "build", folder.Path, "--out", pdf);
            Assert.True(run.ExitCode == 0, run.StdErr);
            int pages = StructuredText.Read(pdf).Max(c => c.Page);
            if (pages == 4) return;
            var copyfit = Assert.Single(run.StdErr.Split('\n'), l => l.Contains("warning[copyfit]", StringComparison.Ordinal));
            Assert.Contains("issue.yaml:", copyfit, StringComparison.Ordinal);
            var cuts = System.Text.RegularExpressions.Regex.Matches(copyfit, @"cut about (\d+) lines? from ""[^""]+"" \(([^)]+\.md)\)");
            Assert.NotEmpty(cuts);
            Assert.All(cuts, m => Assert.True(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0));
            // check prints the same report with the fill of every page.
            var check = Cli.Run(Repo.Root, "check", folder.Path);
            Assert.Contains("copyfit: 4 pages asked", check.StdOut, StringComparison.Ordinal);
            Assert.Contains("cut about", check.StdOut, StringComparison.Ordinal);
            Assert.Equal(pages, System.Text.RegularExpressions.Regex.Matches(check.StdOut, @"^  page +\d+: +\d+%", System.Text.RegularExpressions.RegexOptions.Multiline).Count);
        }
        finally { File.Delete(pdf); }
    }

    [Fact]
    public void An_issue_asked_for_a_page_fewer_than_it_needs_gets_a_copyfit_report_that_cuts_from_its_articles()
    {
        // However many pages vol-11 takes, one fewer: the planner keeps its plan and names the articles to shorten.
        int natural = BuiltIssues.Get("issues/vol-11").Pages;
        using var folder = new TempCopy(Repo.Vol11);
        var built = BuiltIssues.Get(AskForPages(folder.Path, natural - 1));
        Assert.Equal(natural, built.Pages);
        AssertFillRule(built);
        var cuts = CopyfitChanges(built, "cut");
        Assert.NotEmpty(cuts);
        // The report is not a page's worth of text per article: what it asks is about what the pages lack.
        int linesPerPage = built.Config.LinesPerPage * built.Config.Columns;
        Assert.InRange(cuts.Sum(c => c.Lines), 1, 2 * linesPerPage);
    }

    [Fact]
    public void An_issue_asked_for_a_page_more_than_its_text_fills_keeps_its_pages_full_and_says_what_to_add()
    {
        // A page target is met with the planner's levers, never by leaving a page under the fill rule: an article
        // that could start on a new page under the cover must not, just to make the count.
        const string sample = "samples/long-article";
        int natural = BuiltIssues.Get(sample).Pages;
        using var folder = new TempCopy(Repo.Path(sample));
        var built = BuiltIssues.Get(AskForPages(folder.Path, natural + 1));
        AssertFillRule(built);
        AssertNoStrandedPieces(built);
        if (built.Pages == natural + 1) return;
        Assert.NotEmpty(CopyfitChanges(built, "add"));
    }

    /// <summary>The folder with <c>pages: N</c> in its manifest.</summary>
    private static string AskForPages(string folder, int pages)
    {
        var manifest = Path.Combine(folder, "issue.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("articles:\n", $"pages: {pages}\narticles:\n", StringComparison.Ordinal));
        return folder;
    }

    /// <summary>The copyfit warning's changes of one kind ("cut" or "add"), each with its article's file, checked to be
    /// one of the issue's articles; the warning is located at the manifest's <c>pages:</c> key.</summary>
    private static List<(string File, int Lines)> CopyfitChanges(BuiltIssue built, string kind)
    {
        var warning = Assert.Single(built.StdErr.Split('\n'), l => l.Contains("warning[copyfit]", StringComparison.Ordinal));
        var pagesLine = Array.FindIndex(File.ReadAllLines(Path.Combine(built.Folder, "issue.yaml")), l => l.StartsWith("pages:", StringComparison.Ordinal)) + 1;
        Assert.Contains($"issue.yaml:{pagesLine}:", warning, StringComparison.Ordinal);
        var (issue, _) = Source(built);
        var changes = System.Text.RegularExpressions.Regex.Matches(warning, kind + @" about (\d+) lines? (?:from|to) ""[^""]+"" \(([^)]+\.md)\)")
            .Select(m => (File: m.Groups[2].Value, Lines: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.All(changes, c =>
        {
            Assert.True(c.Lines > 0, warning);
            Assert.Contains(issue.Articles, a => Path.GetFileName(a.Path) == Path.GetFileName(c.File));
        });
        return changes;
    }
}
