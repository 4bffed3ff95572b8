using System.Text.RegularExpressions;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>Errors as the editor reads them: all of a pass in one run, in file order, each with its line and a caret;
/// YAML slips in plain words at the line of the slip.</summary>
public class DiagnosticsTests
{
    private const string Article = "---\ntitle: T\n---\n\n本文。\n";

    private static Cli.Result Check(string manifest, params (string Name, string Text)[] articles)
    {
        using var folder = new IssueFolder(manifest, articles.Length > 0 ? articles : [("a.md", Article)]);
        return Cli.Run(folder.Path, "check", ".");
    }

    [Fact]
    public void A_manifest_with_three_errors_reports_all_three_in_one_run_with_snippets()
    {
        var manifest = "newsletter: Test Letter\nvolumen: 3\ndate: 2024-13-45\npublisher: Tester\narticles:\n  - articles/a.md\nstyle:\n  columns: 3\n";
        var r = Check(manifest);
        Assert.Equal(1, r.ExitCode);
        var errors = Regex.Matches(r.StdErr, @"issue\.yaml:(\d+):(\d+): error: ").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([2, 3, 8], errors);
        Assert.Contains("issue.yaml:2:1: error: unknown key 'volumen' in the manifest; did you mean 'volume'?\n  |\n2 | volumen: 3\n  | ^^^^^^^\n", r.StdErr);
        Assert.Contains("issue.yaml:3:7: error: date must be a date written YYYY-MM-DD, not '2024-13-45'\n  |\n3 | date: 2024-13-45\n  |       ^^^^^^^^^^\n", r.StdErr);
        Assert.Contains("8 |   columns: 3\n  |            ^\n", r.StdErr);
        Assert.Contains("3 errors", r.StdErr);
        Assert.DoesNotContain("needs the key 'volume'", r.StdErr); // the typo stands for the key it means
    }

    [Fact]
    public void Errors_in_several_articles_are_reported_in_one_run_in_manifest_order()
    {
        var r = Check(IssueFolder.Manifest("ja", "b.md", "a.md"),
            ("a.md", "---\ntitel: A\n---\n\n本文。\n"), ("b.md", "---\ntitle: B\ncolumns: 4\n---\n\n本文。\n"));
        Assert.Equal(1, r.ExitCode);
        var b = r.StdErr.IndexOf("b.md:3:10: error: columns must be a whole number from 1 to 2", StringComparison.Ordinal);
        var a = r.StdErr.IndexOf("a.md:2:1: error: unknown key 'titel' in the front matter; did you mean 'title'?", StringComparison.Ordinal);
        Assert.True(b >= 0 && a > b, r.StdErr);
    }

    [Fact]
    public void Errors_of_the_manifest_and_of_its_articles_come_in_one_run()
    {
        var manifest = IssueFolder.Manifest("ja", "a.md").Replace("publisher: Tester\n", "publisher: Tester\nstyle: { columns: 3 }\n", StringComparison.Ordinal);
        var r = Check(manifest, ("a.md", "---\ntitel: A\n---\n\n本文。\n"));
        Assert.Equal(1, r.ExitCode);
        var inManifest = r.StdErr.IndexOf("issue.yaml:5:19: error: style.columns must be a whole number from 1 to 2", StringComparison.Ordinal);
        var inArticle = r.StdErr.IndexOf("a.md:2:1: error: unknown key 'titel'", StringComparison.Ordinal);
        Assert.True(inManifest >= 0 && inArticle > inManifest, r.StdErr);
        Assert.Contains("2 errors", r.StdErr);
    }

    [Fact]
    public void Every_error_in_the_bodies_of_all_articles_comes_in_one_run_in_file_order_and_no_pdf_is_written()
    {
        // Errors in running text, in a list, in a figure, in a fields block and in a footnote, in two articles;
        // b.md's front matter has an error too. The manifest lists b.md first.
        var a = "---\ntitle: A\n---\n\n本文の[リンク](javascript:alert(1))です。\n\n- 項目 [x](file:///etc/passwd)\n\n"
            + "![写真](images/none.jpg)\n\n名前なし {.fields}\n\n注[^1]です。\n\n[^1]: 注の[y](data:text/html,x)\n";
        var b = "---\ntitle: B\ncolumns: 4\n---\n\nText with an image ![x](z.png){width=300%} inline.\n\n![big](../../elsewhere.jpg)\n";
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "b.md", "a.md"), ("a.md", a), ("b.md", b));
        var pdf = folder.Output("x.pdf");
        var r = Cli.Run(folder.Path, "build", ".", "--out", pdf);
        Assert.Equal(1, r.ExitCode);
        Assert.False(File.Exists(pdf), "a build with errors wrote a PDF");
        var errors = Regex.Matches(r.StdErr, @"articles/(\w)\.md:(\d+):(\d+): error: ").Select(m => $"{m.Groups[1]}:{m.Groups[2]}:{m.Groups[3]}").ToList();
        Assert.Equal(["b:3:10", "b:8:1", "a:5:4", "a:7:6", "a:9:1", "a:11:1", "a:15:9"], errors);
        Assert.Contains("7 errors", r.StdErr);
        // Each with its line, the carets under the whole fault, and what to do.
        Assert.Contains("a.md:5:4: error: the link target 'javascript:alert(1)' uses 'javascript:', which a PDF must not carry as a live link; "
            + "link to an http(s) address or an e-mail address\n  |\n5 | 本文の[リンク](javascript:alert(1))です。\n  |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n", r.StdErr);
        Assert.Contains("a.md:9:1: error: the image 'images/none.jpg' was not found", r.StdErr);
        Assert.Contains("9 | ![写真](images/none.jpg)\n  | ^^^^^^^^^^^^^^^^^^^^^^^^\n", r.StdErr);
        Assert.Contains("a.md:11:1: error: the {.fields} line '名前なし' has no 'label：value' colon", r.StdErr);
        Assert.Contains("b.md:8:1: error: the image '../../elsewhere.jpg' is outside the issue folder; copy it into images/", r.StdErr);
    }

    [Fact]
    public void Misspelt_font_families_are_reported_together_and_with_the_errors_of_the_articles()
    {
        var manifest = IssueFolder.Manifest("ja", "a.md") + "style:\n  fonts:\n    mincho: Noto Serif CJK JQ\n    serif: Liberation Serf\n";
        var r = Check(manifest, ("a.md", "---\ntitle: A\n---\n\n本文の[リンク](javascript:x)です。\n"));
        Assert.Equal(1, r.ExitCode);
        var errors = Regex.Matches(r.StdErr, @"(\S+):(\d+):(\d+): error: ").Select(m => $"{Path.GetFileName(m.Groups[1].Value)}:{m.Groups[2]}").ToList();
        Assert.Equal(["issue.yaml:10", "issue.yaml:11", "a.md:5"], errors);
        Assert.Contains("issue.yaml:10:13: error: the mincho font 'Noto Serif CJK JQ' is not a family", r.StdErr);
        Assert.Contains("the nearest installed families are 'Noto Serif CJK JP'", r.StdErr);
        Assert.Contains("issue.yaml:11:12: error: the serif font 'Liberation Serf' is not a family", r.StdErr);
        Assert.Contains("3 errors", r.StdErr);
    }

    [Fact]
    public void Every_character_no_font_has_is_reported_at_its_own_line_and_column_in_one_run()
    {
        var a = "---\ntitle: T\n---\n\n古代\U00013000文字。\n\n- 絵文字\U0001F600です\n\n| a | b |\n|---|---|\n| x | \U00013001 |\n\n"
            + "また\U00013000と\U0001F600。\n";
        var r = Check(IssueFolder.Manifest("ja", "a.md"), ("a.md", a));
        Assert.Equal(1, r.ExitCode);
        var errors = Regex.Matches(r.StdErr, @"a\.md:(\d+):(\d+): error: no configured font has the character (U\+\w+)")
            .Select(m => $"{m.Groups[1]}:{m.Groups[2]} {m.Groups[3]}").ToList();
        Assert.Equal(["5:3 U+13000", "7:6 U+1F600", "11:7 U+13001", "13:3 U+13000", "13:6 U+1F600"], errors);
        Assert.Contains("5 | 古代\U00013000文字。\n  |     ^\n", r.StdErr);
        // After an emoji, which a terminal shows two columns wide, the caret stays under its character.
        Assert.Contains("13 | また\U00013000と\U0001F600。\n   |        ^^\n", r.StdErr);
        Assert.Contains("add a font that has it to style.fonts or replace the character", r.StdErr);
    }

    [Fact]
    public void A_style_that_makes_an_impossible_page_is_told_all_that_is_wrong_with_it()
    {
        var r = Check(IssueFolder.Manifest("ja", "a.md") + "style:\n  column-width: 40zw\n  margins:\n    top: 130mm\n    bottom: 130mm\n");
        Assert.Equal(1, r.ExitCode);
        var width = r.StdErr.IndexOf("issue.yaml:9:17: error: the text block (779pt wide) and margins do not fit on the paper", StringComparison.Ordinal);
        var height = r.StdErr.IndexOf("issue.yaml:11:5: error: the margins leave fewer than 10 lines per page", StringComparison.Ordinal);
        Assert.True(width >= 0 && height > width, r.StdErr);
        Assert.Contains("2 errors", r.StdErr);
    }

    [Fact]
    public void Each_title_too_long_for_the_contents_is_told_with_the_characters_no_font_has_in_manifest_order()
    {
        var title = string.Concat(Enumerable.Repeat("市民社会組織による子ども支援の取り組みと課題について", 8));
        var r = Check(IssueFolder.Manifest("ja", "a.md", "b.md", "c.md"),
            ("a.md", $"---\ntitle: {title}\n---\n\n本文。\n"), ("b.md", "---\ntitle: B\n---\n\n本文\U0001F600。\n"),
            ("c.md", $"---\ntitle: {title}\n---\n\n本文\U00013000。\n"));
        Assert.Equal(1, r.ExitCode);
        var errors = Regex.Matches(r.StdErr, @"articles/(\w)\.md:(\d+):\d+: error: ").Select(m => $"{m.Groups[1]}:{m.Groups[2]}").ToList();
        Assert.Equal(["a:2", "b:5", "c:2", "c:5"], errors);
        // At the title itself, the carets under all of it.
        Assert.Contains("articles/c.md:2:8: error: the title takes", r.StdErr);
        Assert.Contains("lines in the contents (at most 3); shorten the title or the kicker", r.StdErr);
        Assert.Contains($"2 | title: {title}\n  |        {new string('^', title.Length * 2)}\n", r.StdErr);
        Assert.Contains("4 errors", r.StdErr);
    }

    public static TheoryData<string, string, string, string> Slips() => new()
    {
        // what, the line as mistyped, the position, the words
        { "missing colon", "volume 3", "issue.yaml:2:1", "'volume 3' has no colon; write a key and its value as 'key: value'" },
        { "tab indentation", "style:\n\tcolumns: 2", "issue.yaml:9:1", "indented with a tab; YAML indents with spaces only" },
        { "unquoted # in a flow mapping", "style:\n  accent: { cmyk: [0, 60, 20, 30], rgb: #8f1f5a }", "issue.yaml:9:41", "'#' after a space as the start of a comment" },
        { "unquoted # as a value", "style:\n  accent:\n    cmyk: [0, 60, 20, 30]\n    rgb: #8f1f5a", "issue.yaml:11:10", "accent.rgb is empty because YAML reads '#' after a space as the start of a comment; quote the value, e.g. \"#8f1f5a\"" },
        { "unclosed quote", "publisher: \"Tester", "issue.yaml:4:12", "this quote (\") is never closed" },
    };

    [Theory]
    [MemberData(nameof(Slips))]
    public void A_yaml_slip_is_said_in_plain_words_at_its_line(string what, string slip, string position, string words)
    {
        _ = what;
        var lines = IssueFolder.Manifest("ja", "a.md").TrimEnd('\n').Split('\n').ToList();
        // The slip replaces the line of the same key (volume, publisher), or is added at the end (style).
        var key = slip.Split(' ', ':')[0];
        var at = lines.FindIndex(l => l.StartsWith(key, StringComparison.Ordinal));
        if (at >= 0) lines[at] = slip; else lines.Add(slip);
        if (key == "style") lines.AddRange(["donation:", "  lead: L"]); // the slip is not at the end of the file
        var r = Check(string.Join("\n", lines) + "\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{position}: error: ", r.StdErr);
        Assert.Contains(words, r.StdErr);
        Assert.DoesNotContain("While scanning", r.StdErr);
    }

    [Fact]
    public void A_slip_in_front_matter_is_at_the_article_line()
    {
        var r = Check(IssueFolder.Manifest("ja", "a.md"), ("a.md", "---\ntitle: T\nauthor Hanako\nlang: ja\n---\n\n本文。\n"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("a.md:3:1: error: 'author Hanako' has no colon", r.StdErr);
        Assert.Contains("3 | author Hanako\n", r.StdErr);
    }
}
