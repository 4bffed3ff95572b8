using NewsletterPress.Files;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Archive;

/// <summary>Output file names (issue #15): the manifest's slug, else the masthead transliterated; never a generic word.</summary>
public sealed class OutputNamesTests
{
    [Theory]
    [InlineData("Civil Society Forum", "civil-society-forum")]
    [InlineData("Café Créole — Lettre n°2", "cafe-creole-lettre-n-2")]
    [InlineData("ボランティア通信", "borantia-tong-xin")]
    [InlineData("  Tajikistan   Today!  ", "tajikistan-today")]
    public void A_masthead_is_transliterated_to_ascii_words(string masthead, string slug) =>
        Assert.Equal(slug, OutputNames.Transliterate(masthead));

    [Fact]
    public void Japanese_mastheads_stay_distinct()
    {
        string[] mastheads = ["市民社会フォーラム", "市民社会ニュース", "国際ボランティア通信", "ボランティア通信", "こくさい通信"];
        var slugs = mastheads.Select(OutputNames.Transliterate).ToList();
        Assert.Equal(mastheads.Length, slugs.Distinct().Count());
        Assert.All(slugs, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s));
        Assert.DoesNotContain("newsletter", slugs);
    }

    [Fact]
    public void A_masthead_with_no_letters_gets_a_hash_of_itself()
    {
        var a = OutputNames.Transliterate("★☆★");
        var b = OutputNames.Transliterate("☆★☆");
        Assert.Matches("^newsletter-[0-9a-f]{8}$", a);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_long_masthead_is_cut_at_a_word()
    {
        var slug = OutputNames.Transliterate(string.Join(' ', Enumerable.Repeat("Community", 12)));
        Assert.True(slug.Length <= 60, slug);
        Assert.EndsWith("community", slug);
    }

    [Fact]
    public void The_build_names_its_output_after_the_slug_field_else_the_transliterated_masthead()
    {
        const string Article = "---\ntitle: T\n---\n\n本文。\n";
        using var work = new TempFolder();
        using var japanese = new IssueFolder(IssueFolder.Manifest("ja", "a.md").Replace("Test Letter", "市民社会フォーラム", StringComparison.Ordinal), ("a.md", Article));
        var r = Cli.Run(work.Path, "build", japanese.Path, "--profile", "archive");
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.True(File.Exists(work.File("out/shi-min-she-hui-foramu-vol-3-archive.pdf")), r.StdOut);

        using var named = new IssueFolder(IssueFolder.Manifest("ja", "a.md") + "slug: csf\n", ("a.md", Article));
        r = Cli.Run(work.Path, "build", named.Path);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("wrote out/csf-vol-3.pdf", r.StdOut);

        using var bad = new IssueFolder(IssueFolder.Manifest("ja", "a.md") + "slug: Civil Forum\n", ("a.md", Article));
        r = Cli.Run(work.Path, "build", bad.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"issue\.yaml:8:7: error: slug must be lower-case letters", r.StdErr);
    }
}
