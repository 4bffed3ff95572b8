using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;
using NewsletterPress.Text;
using NewsletterPress.Text.Fonts;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>style.fonts names families by the names inside the fonts: the issue folder's, the bundled, then the
/// installed ones through fontconfig (faces inside .ttc collections too); a misspelt name is an error at its line.</summary>
public class FontLookupTests
{
    private const string Article = "---\ntitle: お知らせ\n---\n\n本文の文字。Text.\n";

    [Theory]
    [InlineData("Noto Serif CJK JP", "NotoSerifCJKjp-Regular")]
    [InlineData("Noto Serif CJK KR", "NotoSerifCJKkr-Regular")]
    public void A_family_inside_a_ttc_resolves_to_its_face_and_embeds(string family, string postScriptName)
    {
        // fontconfig's own answer, asked independently with fc-match: the collection and the face's index in it.
        var expected = PdfTools.Ok("fc-match", "-f", "%{file}:%{index}", family).Split(':');
        var found = new FontFinder(Path.GetTempPath()).Find(family, FaceStyle.Regular);
        Assert.NotNull(found);
        Assert.Equal(FontSource.System, found.Source);
        Assert.EndsWith(".ttc", found.Face.File);
        Assert.Equal((expected[0], int.Parse(expected[1])), (found.Face.File, found.Face.Index));

        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md") + $"style:\n  fonts: {{ mincho: {family} }}\n", ("a.md", Article));
        var pdf = folder.Output("cjk.pdf");
        var r = Cli.Run(folder.Path, "build", ".", "--out", pdf);
        Assert.True(r.ExitCode == 0, r.StdErr);
        var fonts = PdfTools.Ok("pdffonts", pdf);
        Assert.Matches($@"[A-Z]{{6}}\+{postScriptName} +CID Type 0C +Identity-H +yes yes yes", fonts);
        Assert.Contains("本文の文字", PdfTools.Ok("pdftotext", pdf, "-"));
    }

    [Fact]
    public void A_misspelt_family_is_an_error_at_its_line_with_the_nearest_families()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md") + "style:\n  fonts:\n    serif: Liberation Serf\n", ("a.md", Article));
        var r = Cli.Run(folder.Path, "build", ".", "--out", folder.Output("x.pdf"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("issue.yaml:10:12: error: the serif font 'Liberation Serf' is not a family", r.StdErr);
        Assert.Contains("the nearest installed families are 'Liberation Serif'", r.StdErr);
        Assert.Contains("10 |     serif: Liberation Serf\n", r.StdErr);
    }

    [Fact]
    public void A_family_in_the_issue_folder_comes_before_the_bundled_and_installed_ones()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        // Named by what it says it is, not by its file name.
        File.Copy(Repo.Path("fonts", "NotoSerif-Regular.ttf"), Path.Combine(folder.Path, "house-face.ttf"));
        using var library = new FontLibrary(NewsletterPress.Manifest.Style.Default.Fonts with { Serif = "Noto Serif" }, folder.Path);
        Assert.Contains(Path.Combine(folder.Path, "house-face.ttf"), library.Files);
        // Its bold is not in the folder, and is not taken from elsewhere either: the regular face stands in.
        Assert.DoesNotContain(library.Files, f => f.EndsWith("NotoSerif-Bold.ttf", StringComparison.Ordinal));
    }

    [Fact]
    public void Fonts_lists_the_bundled_families_the_issue_folder_and_the_installed_ones()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md"), ("a.md", Article));
        File.Copy(Repo.Path("fonts", "NotoSans-Bold.ttf"), Path.Combine(folder.Path, "headline.ttf"));
        var r = Cli.Run(folder.Path, "fonts");
        Assert.Equal(0, r.ExitCode);
        var lines = r.StdOut.Split('\n');
        int issue = Array.FindIndex(lines, l => l.StartsWith("in the issue folder", StringComparison.Ordinal));
        int bundled = Array.FindIndex(lines, l => l.StartsWith("bundled", StringComparison.Ordinal));
        int installed = Array.FindIndex(lines, l => l.StartsWith("installed", StringComparison.Ordinal));
        Assert.True(issue >= 0 && issue < bundled && bundled < installed, r.StdOut);
        Assert.Matches(@"^  Noto Sans +Bold +\[Latin, Greek, Cyrillic\]$", lines[issue + 1]);
        var bundledLines = lines[(bundled + 1)..installed];
        Assert.Contains(bundledLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  Liberation Serif +Regular, Bold, Italic, Bold Italic +\[Latin"));
        Assert.Contains(bundledLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  IPAexMincho +Regular +\[Latin, Kana, Han"));
        Assert.Contains(lines[installed..], l => l.StartsWith("  Noto Serif CJK JP ", StringComparison.Ordinal));
    }
}
