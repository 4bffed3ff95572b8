using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Content;

public class ArticleLoaderTests
{
    private static Article Load(string markdown, WarningLog? warnings = null)
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", markdown));
        return ArticleLoader.Load(Path.Combine(folder.Path, "articles", "a.md"), "ja", folder.Path, warnings ?? new WarningLog());
    }

    private static string TextOf(Block block) => block switch
    {
        Paragraph p => string.Concat(p.Text.Select(s => s.Text)),
        Heading h => string.Concat(h.Text.Select(s => s.Text)),
        _ => "",
    };

    [Fact]
    public void Front_matter_fills_the_article_fields()
    {
        var a = Load("---\ntitle: Practice\nkicker: World Report 1\nauthor: Prof. X\naffiliation: CANGO\nlang: en\ncolumns: 1\n---\n\nText.\n");
        Assert.Equal(("Practice", "World Report 1", "Prof. X", "CANGO", "en", 1),
            (a.Title, a.Kicker, a.Author, a.Affiliation, a.Lang, a.Columns));
        Assert.Equal("World Report 1: Practice", a.ContentsLine);
    }

    [Fact]
    public void An_unknown_front_matter_key_points_at_its_line_in_the_article()
    {
        var e = Assert.Throws<InputException>(() => Load("---\ntitle: T\nauthr: X\n---\n\nText.\n"));
        Assert.Equal(3, e.Position!.Line);
        Assert.Contains("did you mean 'author'", e.Message);
    }

    [Fact]
    public void Soft_breaks_join_Japanese_without_a_space_and_English_with_one()
    {
        var a = Load("---\ntitle: T\n---\n\n市民社会\nの発展\n\none\ntwo\n");
        Assert.Equal("市民社会の発展", TextOf(a.Blocks[0]));
        Assert.Equal("one two", TextOf(a.Blocks[1]));
    }

    [Fact]
    public void Smart_quotes_emphasis_and_bare_email_addresses_become_styled_spans()
    {
        var a = Load("---\ntitle: T\n---\n\n\"Isolate the virus\" is **bold**, write to info@jivri.org.\n");
        var spans = ((Paragraph)a.Blocks[0]).Text;
        Assert.Equal("\u201CIsolate the virus\u201D is bold, write to info@jivri.org.", string.Concat(spans.Select(s => s.Text)));
        Assert.Contains(spans, s => s.Text == "bold" && s.Style == SpanStyle.Bold);
        Assert.Contains(spans, s => s.Text == "info@jivri.org" && s.Link == "mailto:info@jivri.org");
    }

    [Fact]
    public void Smart_quotes_apply_to_the_front_matter_as_to_the_body_and_nothing_else_in_it_is_markdown()
    {
        var a = Load("---\ntitle: The \"Chinese NGOs' Global Responses\" -- and *what* comes next...\nkicker: The 'World' Report\n" +
                     "author: Prof. O'Brien\naffiliation: C# [and] _Friends_\n---\n\nThe NGOs' response.\n");
        Assert.Equal("The \u201CChinese NGOs\u2019 Global Responses\u201D \u2013 and *what* comes next\u2026", a.Title);
        Assert.Equal("The \u2018World\u2019 Report", a.Kicker);
        Assert.Equal("Prof. O\u2019Brien", a.Author);
        Assert.Equal("C# [and] _Friends_", a.Affiliation);
        // The same apostrophe as the body's.
        Assert.Contains("NGOs\u2019", TextOf(a.Blocks[0]));
    }

    [Fact]
    public void Vol11_front_matter_titles_have_the_bodys_apostrophe()
    {
        var report = ArticleLoader.Load(Repo.Path("issues", "vol-11", "articles", "world-report.md"), "ja", Repo.Path("issues", "vol-11"), new WarningLog());
        Assert.Equal("Practice and Future Trends on Chinese NGOs\u2019 Global Responses to COVID-19", report.Title);
    }

    [Fact]
    public void A_fields_paragraph_becomes_label_value_rows()
    {
        var a = Load("---\ntitle: T\n---\n\n日時：2022年11月18日（金）13:00-17:40\n場所：オンライン開催\nテーマ：市民社会組織による子ども支援 {.fields}\n");
        var fields = Assert.IsType<Fields>(Assert.Single(a.Blocks));
        Assert.Equal(["日時", "場所", "テーマ"], fields.Rows.Select(r => r.Label[0].Text));
        Assert.Equal("2022年11月18日（金）13:00-17:40", fields.Rows[0].Value[0].Text);
    }

    [Fact]
    public void A_fields_paragraph_without_rows_is_an_error_at_its_line()
    {
        // Found by the property tests: only the class, nothing to align.
        var e = Assert.Throws<NewsletterPress.Diagnostics.InputException>(() => Load("---\ntitle: T\n---\n\nText.\n\n{.fields}\n"));
        Assert.Equal(7, e.Position!.Line);
        Assert.Contains("label：value", e.Message);
    }

    [Fact]
    public void An_empty_code_fence_prints_nothing_and_the_text_around_it_is_kept()
    {
        // Found by the property tests: Markdig gives an empty fence no line array.
        var a = Load("---\ntitle: T\n---\n\nBefore.\n\n```\n```\n\nAfter.\n");
        Assert.Equal(["Before.", "After."], a.Blocks.Select(TextOf));
    }

    [Fact]
    public void Lists_headings_quotes_and_footnotes_are_kept()
    {
        var a = Load("---\ntitle: T\n---\n\n## Head\n\n- one\n- two\n\n1. first\n\n> quoted[^n]\n\n[^n]: The note.\n");
        Assert.IsType<Heading>(a.Blocks[0]);
        var bullets = Assert.IsType<ListBlock>(a.Blocks[1]);
        Assert.False(bullets.Ordered);
        Assert.Equal(2, bullets.Items.Length);
        Assert.True(Assert.IsType<ListBlock>(a.Blocks[2]).Ordered);
        Assert.IsType<Quote>(a.Blocks[3]);
        var note = Assert.Single(a.Footnotes);
        Assert.Equal("The note.", TextOf(note.Blocks[0]));
    }

    [Fact]
    public void Raw_html_is_reported_not_silently_dropped()
    {
        var warnings = new WarningLog();
        Load("---\ntitle: T\n---\n\n<div>boxed</div>\n", warnings);
        Assert.Contains(warnings.All, w => w.Message.Contains("raw HTML") && w.Position!.Line == 5);
    }

    [Fact]
    public void An_article_without_front_matter_is_an_error_that_says_what_to_add()
    {
        var e = Assert.Throws<InputException>(() => Load("Just text.\n"));
        Assert.Contains("title:", e.Message);
    }

    [Fact]
    public void Vol11_articles_load_with_the_structure_of_the_printed_volume()
    {
        var issue = NewsletterPress.Manifest.IssueLoader.Load(Repo.Vol11);
        var articles = issue.Articles.Select(r => ArticleLoader.Load(r.Path, issue.Language, issue.Folder, new WarningLog())).ToList();
        Assert.Equal(["2022年度事業計画", "World Report 1: Practice and Future Trends on Chinese NGOs' Global Responses to COVID-19",
            "CSOs Across the World: Center for European and Asian Studies"], articles.Select(a => a.ContentsLine.Replace('\u2019', '\'')));
        var plan = articles[0];
        Assert.Equal("ja", plan.Lang);
        Assert.Contains(plan.Blocks, b => b is Fields f && f.Rows.Length == 3);
        Assert.Equal(2, plan.Blocks.OfType<ListBlock>().Count());
        Assert.Equal(3, plan.Blocks.OfType<Heading>().Count(h => h.Level == 3));
        Assert.Equal("en", articles[1].Lang);
        Assert.Equal("Prof. Huang Haoming", articles[1].Author);
    }
}
