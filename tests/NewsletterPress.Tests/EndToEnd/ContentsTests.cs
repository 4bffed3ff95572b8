using System.Text.Json;
using System.Text.RegularExpressions;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// The contents list of an issue with many articles of different lengths and starts, read back
/// from the PDF: each printed page number is the page the article's title is on, and each contents
/// line links there (named destinations resolved through the catalog with qpdf).
/// </summary>
public class ContentsTests
{
    private static readonly string[] Words =
        ("the river mill was rebuilt after the flood and the committee met every month to decide how the water " +
         "should be shared between the farms the houses and the new school which had opened that spring").Split(' ');

    private static string Paragraphs(int count, int seed) =>
        string.Join("\n\n", Enumerable.Range(0, count).Select(p =>
            string.Join(' ', Enumerable.Range(0, 70).Select(w => Words[(w * 7 + p * 13 + seed) % Words.Length])) + "."));

    [Fact]
    public void Every_contents_number_is_the_page_its_article_starts_on_and_the_line_links_there()
    {
        // Eight articles: long and short, starting on a new page, below the previous one, in a new column, or where the
        // planner finds best (auto: under the article before, with its opener across the columns, or on a new page).
        (string Title, string Start, int Paragraphs)[] articles =
        [
            ("Harbour Report", "continue", 3), ("Mill Restoration", "new-page", 14), ("School Garden", "auto", 2),
            ("Water Committee", "new-column", 5), ("Volunteer Day", "new-page", 1), ("Annual Accounts", "auto", 9),
            ("Letters", "new-column", 2), ("Tide Tables", "auto", 6),
        ];
        var manifest = "newsletter: Many Articles\nvolume: 9\ndate: 2025-01-10\npublisher: Tester\nlanguage: en\n" +
                       "contents: { title: Contents, placement: cover }\narticles:\n" +
                       string.Concat(articles.Select((a, i) => $"  - path: articles/a{i}.md\n    start: {a.Start}\n"));
        using var folder = new IssueFolder(manifest, [.. articles.Select((a, i) =>
            ($"a{i}.md", $"---\ntitle: {a.Title}\nauthor: Author {i}\nlang: en\n---\n\n{Paragraphs(a.Paragraphs, i)}\n"))]);
        var pdf = folder.Output("out.pdf");
        var run = Cli.Run(Repo.Root, "build", folder.Path, "--out", pdf);
        Assert.True(run.ExitCode == 0, run.StdErr);

        int pageCount = int.Parse(Regex.Match(PdfTools.Ok("pdfinfo", pdf), @"Pages:\s+(\d+)").Groups[1].Value);
        // The cover as laid out (a contents line on one line).
        var cover = PdfTools.Ok("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-");
        var linked = LinkedPages(pdf);
        // The titles as mupdf reads them: lines set at the title's size (17 pt), with their page.
        var titleLines = StructuredText.Read(pdf).Where(c => Math.Abs(c.Size - 17) < 0.1).GroupBy(c => c.Line)
            .Select(g => (Page: g.First().Page, Text: string.Concat(g.Select(c => c.Text)).Replace(" ", "", StringComparison.Ordinal))).ToList();
        Assert.Equal(articles.Length, linked.Count);
        for (int i = 0; i < articles.Length; i++)
        {
            // The contents line: the title, the leader (extracted as spaces) and the page number.
            var line = Regex.Match(cover, $@"^\s*{articles[i].Title}\s{{2,}}(\d+)\s*$", RegexOptions.Multiline);
            Assert.True(line.Success, $"no contents line for {articles[i].Title}");
            int listed = int.Parse(line.Groups[1].Value);
            // The article's opener: the page its title's first line is on (a title a column wide may take two lines).
            var title = articles[i].Title.Replace(" ", "", StringComparison.Ordinal);
            int actual = titleLines.Where(t => t.Text.Length > 0 && title.StartsWith(t.Text, StringComparison.Ordinal)).Select(t => t.Page).FirstOrDefault();
            Assert.True(actual > 0, $"the opener of {articles[i].Title} was not found");
            Assert.Equal(actual, listed);
            Assert.Equal(actual, linked[i]);
        }
        Assert.True(pageCount >= 4, $"the issue should run over several pages, not {pageCount}");
    }

    /// <summary>The page each link on the cover leads to, in the order of the links from top to bottom.</summary>
    private static List<int> LinkedPages(string pdf)
    {
        using var objects = new PdfObjects(pdf);
        var Get = objects.Get;
        var kids = objects.PageReferences.ToList();
        var names = Get(Get(objects.Root.GetProperty("/Names")).GetProperty("/Dests")).GetProperty("/Names").EnumerateArray().ToList();
        var destinations = new Dictionary<string, int>();
        for (int i = 0; i < names.Count; i += 2)
            destinations[names[i].GetString()!.Replace("u:", "", StringComparison.Ordinal)] = 1 + kids.IndexOf(Get(names[i + 1])[0].GetString()!);
        var cover = objects.Page(0);
        return Get(cover.GetProperty("/Annots")).EnumerateArray().Select(Get)
            .Where(a => a.TryGetProperty("/Dest", out _))
            .OrderByDescending(a => a.GetProperty("/Rect")[1].GetDouble())
            .Select(a => destinations[a.GetProperty("/Dest").GetString()!.Replace("u:", "", StringComparison.Ordinal)])
            .ToList();
    }
}
