using System.Text.RegularExpressions;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Layout.Collect;
using NewsletterPress.Manifest;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>The real volume, built by the real command line and read back by real PDF readers.</summary>
public sealed partial class Vol11PdfTests(Vol11Build build) : IClassFixture<Vol11Build>
{
    [Fact]
    public void The_build_succeeds_and_names_the_file()
    {
        Assert.True(build.Result.ExitCode == 0, build.Result.StdErr);
        Assert.Contains("wrote", build.Result.StdOut);
    }

    [Fact]
    public void Qpdf_and_ghostscript_accept_the_file_without_warnings()
    {
        var qpdf = PdfTools.Run("qpdf", "--check", build.Pdf);
        Assert.True(qpdf.ExitCode == 0, qpdf.StdOut + qpdf.StdErr);
        var gs = PdfTools.Run("gs", "-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=nullpage", build.Pdf);
        Assert.Equal(0, gs.ExitCode);
        Assert.Equal("", gs.StdErr + gs.StdOut);
    }

    [Fact]
    public void Pages_are_A4_and_the_title_is_the_volume()
    {
        var info = PdfTools.Ok("pdfinfo", build.Pdf);
        Assert.Matches(@"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info);
        Assert.Matches(@"Title:\s+Civil Society Forum Vol\.11", info);
        Assert.True(build.Pages.Count >= 4);
    }

    [Fact]
    public void Every_font_is_embedded_subset_with_ToUnicode_and_none_is_Type3()
    {
        var rows = PdfTools.Ok("pdffonts", build.Pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.DoesNotContain("Type 3", r);
            Assert.Matches(@"yes\s+yes\s+yes\s+\d+\s+\d+\s*$", r);
        });
        Assert.Contains(rows, r => r.Contains("IPAexMincho"));
        Assert.Contains(rows, r => r.Contains("LiberationSerif"));
    }

    [Fact]
    public void Every_paragraph_of_every_article_comes_back_from_pdftotext_and_mutool()
    {
        var poppler = string.Concat(build.Pages.Select(BodyText)); // content-stream order: column by column
        var mupdf = string.Concat(PdfTools.Ok("mutool", "draw", "-q", "-F", "txt", "-o", "-", build.Pdf).Split('\f').Select(BodyText));
        var issue = IssueLoader.Load(Repo.Vol11);
        int checkedParagraphs = 0;
        foreach (var a in issue.Articles.Select(r => ArticleLoader.Load(r.Path, issue.Language, issue.Folder, new WarningLog())))
            foreach (var text in Texts(a.Blocks))
            {
                Assert.Contains(Squeeze(text), poppler);
                // mupdf ignores ActualText, so a discretionary hyphen at a line end comes out as "-":
                // compare its text with hyphens removed on both sides.
                Assert.Contains(WithoutHyphens(Squeeze(text)), WithoutHyphens(mupdf));
                checkedParagraphs++;
            }
        Assert.True(checkedParagraphs > 50, $"only {checkedParagraphs} paragraphs found");
        // 民 is the ideograph U+6C11, never the radical U+2EA0.
        Assert.Contains("市民社会", poppler);
        Assert.DoesNotMatch("[\u2E80-\u2FDF]", poppler);
    }

    [Fact]
    public void The_donation_box_is_printed_with_its_check_box_and_rows()
    {
        // The planner puts the box at the foot of the last page, or of an earlier page an editor's new page leaves short.
        var page = build.Pages.Select(Squeeze).Single(p => p.Contains(Squeeze("☐寄附一口3,000円"), StringComparison.Ordinal));
        foreach (var expected in new[] { "金融機関名", "株式会社三菱UFJ銀行入間支店(606)", "4569420", "ボランティアカッドウコクサイ", "info@jivri.org" })
            Assert.Contains(Squeeze(expected), page);
    }

    [Fact]
    public void Contents_page_numbers_are_the_pages_where_the_articles_begin()
    {
        var cover = Spaced(build.Pages[0]);
        var pages = build.Pages.Select(BodyText).ToList();
        var issue = IssueLoader.Load(Repo.Vol11);
        foreach (var a in issue.Articles.Select(r => ArticleLoader.Load(r.Path, issue.Language, issue.Folder, new WarningLog())))
        {
            // The contents line ends in its page number; characters may be split by spaces in extraction.
            var title = string.Join(@"\s?", a.Title.Select(c => Regex.Escape(c.ToString())));
            var listed = int.Parse(Regex.Match(cover, title + @"\s+(\d+)").Groups[1].Value);
            // The opener prints the title followed by the author or, without one, the first text.
            var next = a.Author ?? Texts(a.Blocks).First();
            var opener = Squeeze(a.Title + next[..Math.Min(10, next.Length)]);
            int actual = 1 + pages.FindIndex(p => p.Contains(opener, StringComparison.Ordinal));
            Assert.Equal(actual, listed);
        }
    }

    [Fact]
    public void Links_outline_and_language_are_written()
    {
        var raw = PdfTools.Uncompressed(build.Pdf);
        Assert.Contains("mailto:info@jivri.org", raw);
        Assert.Contains("mailto:shamskarimov14@gmail.com", raw);
        Assert.Matches(@"/Dest\s*\(article-2\)|/Dest\s*/article-2", raw);
        Assert.Contains("/Outlines", raw);
        Assert.Matches(@"/Lang\s*\(ja\)", raw);
    }

    [Fact]
    public void The_outline_has_an_entry_per_article_with_its_sections()
    {
        using var json = System.Text.Json.JsonDocument.Parse(PdfTools.Ok("qpdf", "--json", "--json-key=outlines", build.Pdf));
        var outlines = json.RootElement.GetProperty("outlines").EnumerateArray().ToList();
        Assert.Equal(3, outlines.Count);
        Assert.Equal("2022年度事業計画", outlines[0].GetProperty("title").GetString());
        Assert.Equal(["基本方針", "事業計画"], outlines[0].GetProperty("kids").EnumerateArray().Select(k => k.GetProperty("title").GetString()));
        Assert.StartsWith("World Report 1: Practice", outlines[1].GetProperty("title").GetString());
    }

    /// <summary>Built again with the articles collected one after another (0) and in parallel (1; the fixture's build
    /// takes the default): the same bytes. ParallelCollectionTests has the archive profile and the twenty articles.</summary>
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public void Building_twice_gives_the_same_bytes_with_parallel_collection_on_and_off(string parallel)
    {
        var second = Path.Combine(build.Folder, $"again-{parallel}.pdf");
        var again = Cli.RunWith(new Dictionary<string, string> { [ArticlesAhead.EnvironmentVariable] = parallel }, Repo.Root,
            "build", "issues/vol-11", "--out", second);
        Assert.True(again.ExitCode == 0, again.StdErr);
        Assert.Equal(File.ReadAllBytes(build.Pdf), File.ReadAllBytes(second));
    }

    private static IEnumerable<string> Texts(IEnumerable<Block> blocks)
    {
        foreach (var b in blocks)
            switch (b)
            {
                case Paragraph p: yield return string.Concat(p.Text.Select(s => s.Text)); break;
                case Heading h: yield return string.Concat(h.Text.Select(s => s.Text)); break;
                case ListBlock l: foreach (var t in l.Items.SelectMany(i => Texts(i))) yield return t; break;
                case Quote q: foreach (var t in Texts(q.Blocks)) yield return t; break;
                case Fields f: foreach (var r in f.Rows) yield return r.Label[0].Text + "：" + r.Value[0].Text; break;
            }
    }

    /// <summary>A page's text without white space and without its running footer (drawn last).</summary>
    private static string BodyText(string page) => Footer().Replace(Squeeze(page), "");

    private static string WithoutHyphens(string text) => text.Replace("-", "", StringComparison.Ordinal);

    private static string Spaced(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"(\d+CivilSocietyForumVol\.11|CivilSocietyForumVol\.11\d+)$")]
    private static partial Regex Footer();

    /// <summary>Text without any white space, so that line breaks and justification do not matter,
    /// and without soft hyphens (the discretionary hyphens at line ends).</summary>
    private static string Squeeze(string text) => Whitespace().Replace(text, "").Replace("\u00AD", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
