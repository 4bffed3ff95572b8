using System.Xml.Linq;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Site;

/// <summary>The site command's options and its refusals, on a small archive of one or two volumes without search.</summary>
public sealed class SiteOptionsTests
{
    private const string Article = "---\ntitle: 春の集い\nauthor: 佐藤 一郎\n---\n\n春の集いに百人が集まりました。\n";

    private static string Manifest(int volume) =>
        $"newsletter: Test Letter\nvolume: {volume}\ndate: 2024-0{volume}-15\npublisher: Tester\nlanguage: ja\narticles:\n  - articles/a.md\n";

    [Fact]
    public void Under_a_base_url_every_link_starts_with_its_path_and_the_feed_and_sitemap_carry_full_addresses()
    {
        using var tree = new IssuesTree();
        tree.Issue("issues/vol-1", Manifest(1), ("a.md", Article));
        var result = Cli.Run(tree.Root, "site", "--out", tree.Path("site"), "--no-search", "--base-url", "https://example.org/archive/");
        Assert.True(result.ExitCode == 0, result.StdErr);
        var index = File.ReadAllText(tree.Path("site", "index.html"));
        Assert.Contains("href=\"/archive/vol-1/a/\"", index);
        Assert.Contains("src=\"/archive/vol-1/cover.png\"", index);
        Assert.Contains("href=\"/archive/site.css\"", index);
        Assert.DoesNotMatch("(href|src|action)=\"/(?!archive/)", index);
        Assert.Contains("baseUrl: '/archive/'", File.ReadAllText(tree.Path("site", "search", "index.html")));
        XNamespace atom = "http://www.w3.org/2005/Atom", map = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Equal("https://example.org/archive/vol-1/", XDocument.Load(tree.Path("site", "feed.xml")).Root!.Element(atom + "entry")!.Element(atom + "id")!.Value);
        Assert.All(XDocument.Load(tree.Path("site", "sitemap.xml")).Descendants(map + "loc"), l => Assert.StartsWith("https://example.org/archive/", l.Value));
        Assert.DoesNotContain("without a full --base-url", result.StdErr);
        Assert.Contains("wrote the site of 1 volume to", result.StdOut);
    }

    [Fact]
    public void A_volume_with_an_error_stops_the_run_naming_its_file_line_and_column()
    {
        using var tree = new IssuesTree();
        tree.Issue("issues/vol-1", Manifest(1), ("a.md", Article));
        tree.Issue("issues/vol-2", Manifest(2).Replace("volume: 2", "volume: two"), ("a.md", Article));
        var result = Cli.Run(tree.Root, "site", ".", "--out", tree.Path("site"), "--no-search");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"vol-2/issue\.yaml:2:\d+: error", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
        Assert.False(File.Exists(tree.Path("site", "index.html")));
    }

    [Fact]
    public void Without_Pagefind_the_command_says_how_to_install_it_or_to_leave_the_search_out()
    {
        using var tree = new IssuesTree();
        tree.Issue("issues/vol-1", Manifest(1), ("a.md", Article));
        var result = Cli.RunWith(new Dictionary<string, string> { ["PATH"] = tree.Root }, tree.Root, "site", ".", "--out", tree.Path("site"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("npm install pagefind", result.StdErr);
        Assert.Contains("--no-search", result.StdErr);
    }

    [Fact]
    public void The_site_never_goes_into_an_issue_folder()
    {
        using var tree = new IssuesTree();
        var before = IssuesTree.Snapshot(tree.Issue("issues/vol-1", Manifest(1), ("a.md", Article)));
        var result = Cli.Run(tree.Root, "site", ".", "--out", tree.Path("issues", "vol-1", "site"), "--no-search");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, IssuesTree.Snapshot(tree.Path("issues", "vol-1")));
    }
}
