using System.Text;
using NewsletterPress.Diagnostics;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Reliability;

/// <summary>Text that must not reach the PDF: invalid UTF-8, control characters, links that would run code.</summary>
public class BadTextTests
{
    private static InputException Refused(string manifestTail, byte[] article)
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md") + manifestTail);
        File.WriteAllBytes(Path.Combine(folder.Path, "articles", "a.md"), article);
        var e = Assert.Throws<InputException>(() => IssueBuild.Compose(folder.Path, new WarningLog()));
        Assert.NotNull(e.Position);
        return e;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Invalid_utf8_is_an_error_at_its_line_and_column()
    {
        var article = Utf8("---\ntitle: T\n---\n\n本文。ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Utf8("。\n")).ToArray();
        var e = Refused("", article);
        Assert.Equal(("a.md", 5, 6), (Path.GetFileName(e.Position!.File), e.Position.Line, e.Position.Column));
        Assert.Contains("not valid UTF-8", e.Message);
    }

    [Theory]
    [InlineData("\u0007", 5, 3)]
    [InlineData("\u001B[31m", 5, 3)]
    [InlineData("\u0000", 5, 3)]
    [InlineData("\u0085", 5, 3)]
    public void Control_characters_other_than_tab_and_newline_are_refused_at_their_place(string control, int line, int column)
    {
        var e = Refused("", Utf8("---\ntitle: T\n---\n\n本文" + control + "。\n"));
        Assert.Equal((line, column), (e.Position!.Line, e.Position.Column));
        Assert.Contains("control character", e.Message);
    }

    [Fact]
    public void Control_characters_written_as_escapes_or_entities_are_refused_too()
    {
        var yaml = Refused("", Utf8("---\ntitle: \"T\\a\"\n---\n\n本文。\n"));
        Assert.Equal(2, yaml.Position!.Line);
        var entity = Refused("", Utf8("---\ntitle: T\n---\n\n本文&#7;。\n"));
        Assert.Equal(5, entity.Position!.Line);
        Assert.Contains("&#7;", entity.Message);
        using var folder = new IssueFolder("newsletter: \"Bell\\e\"\nvolume: 3\ndate: 2024-01-15\narticles:\n  - articles/a.md\n",
            ("a.md", "---\ntitle: T\n---\n\n本文。\n"));
        var manifest = Assert.Throws<InputException>(() => IssueBuild.Compose(folder.Path, new WarningLog()));
        Assert.Equal("1:13", $"{manifest.Position!.Line}:{manifest.Position.Column}");
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[file](file:///etc/passwd)")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    public void Javascript_file_and_data_links_are_refused(string link)
    {
        var e = Refused("", Utf8("---\ntitle: T\n---\n\nSee " + link + " now.\n"));
        Assert.Equal(5, e.Position!.Line);
        Assert.Contains("must not carry as a live link", e.Message);
    }

    [Fact]
    public void Web_mail_and_footnote_links_stay_links()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("en", "a.md"),
            ("a.md", "---\ntitle: T\n---\n\nSee [us](https://example.org), <info@example.org>, [call](tel:+81-3-0000) and a note.[^1]\n\n[^1]: The note.\n"));
        var (_, document) = IssueBuild.Compose(folder.Path, new WarningLog());
        var uris = document.Pages.SelectMany(p => p.Items.OfType<NewsletterPress.Display.LinkArea>()).Select(l => l.Uri).Where(u => u is not null).ToList();
        Assert.Contains("https://example.org", uris);
        Assert.Contains("mailto:info@example.org", uris);
        Assert.Contains("tel:+81-3-0000", uris);
    }

    [Fact]
    public void A_paragraph_longer_than_the_limit_is_an_error_at_the_paragraph()
    {
        var e = Refused("", Utf8("---\ntitle: T\n---\n\nintro\n\n" + string.Concat(Enumerable.Repeat("word ", 5000)) + "\n"));
        Assert.Equal(7, e.Position!.Line);
        Assert.Contains("split it into paragraphs", e.Message);
    }

    [Fact]
    public void An_article_over_the_size_limit_is_refused_at_the_manifest_line_that_lists_it()
    {
        var e = Refused("", Utf8("---\ntitle: T\n---\n\n" + string.Concat(Enumerable.Repeat("本文です。\n\n", 120_000))));
        Assert.Equal(("issue.yaml", 7), (Path.GetFileName(e.Position!.File), e.Position.Line));
        Assert.Contains("more than the 1 MB", e.Message);
    }
}
