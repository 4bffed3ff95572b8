using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Site;

/// <summary>The site command on an archive of three volumes, its output read as files: what each page holds, the
/// cache, the feed and the sitemap. What a reader sees in a browser is in <see cref="SiteBrowserTests"/>.</summary>
[Collection("archive site")]
public sealed partial class SiteBuildTests(ArchiveSite site)
{
    [Fact]
    public void The_archive_of_three_volumes_builds_into_a_site()
    {
        Assert.True(site.Result.ExitCode == 0, site.Result.StdErr);
        Assert.Contains("3 built, 0 unchanged", site.Result.StdOut);
        foreach (var volume in new[] { "vol-11", "vol-12", "vol-13" })
        {
            Assert.True(File.Exists(Path.Combine(site.Folder, volume, "index.html")), volume);
            Assert.True(File.Exists(Path.Combine(site.Folder, volume, "cover.png")), volume);
            Assert.Contains($"built {volume}", site.Result.StdErr); // the progress line of each volume
        }
        foreach (var page in new[] { "vol-11/world-report", "vol-11/ceas", "vol-11/plan-2022", "vol-12/donation-report", "vol-12/huang-letter", "vol-13/field-notes" })
            Assert.True(File.Exists(Path.Combine(site.Folder, page, "index.html")), page);
    }

    [Fact]
    public void Each_volume_offers_its_screen_print_and_archive_PDFs()
    {
        var volume = site.Page("vol-11/");
        foreach (var (file, check) in new[]
                 {
                     ("civil-society-forum-vol-11.pdf", "PDF/UA"), ("civil-society-forum-vol-11-print.pdf", "PDF/X-4"),
                     ("civil-society-forum-vol-11-archive.pdf", "PDF/A"),
                 })
        {
            Assert.Contains($"href=\"/vol-11/{file}\"", volume);
            var pdf = Path.Combine(site.Folder, "vol-11", file);
            Assert.Equal(0, PdfTools.Run("qpdf", "--check", pdf).ExitCode);
            Assert.Contains(check, PdfTools.Ok("pdfinfo", "-meta", pdf).Replace("pdfuaid", "PDF/UA").Replace("GTS_PDFXVersion>PDF/X-4", "PDF/X-4").Replace("pdfaid", "PDF/A"));
        }
        Assert.Contains("issue.yaml", PdfTools.Ok("pdfdetach", "-list", Path.Combine(site.Folder, "vol-11", "civil-society-forum-vol-11-archive.pdf")));
    }

    [Fact]
    public void A_second_run_rebuilds_nothing_and_changing_one_article_rebuilds_only_its_volume()
    {
        Assert.Equal(0, site.Result.ExitCode);
        using var copy = new TempCopy(site.Root);
        var root = copy.Path;
        var siteFolder = Path.Combine(root, "site");
        var pdfs = Directory.GetFiles(siteFolder, "*.pdf", SearchOption.AllDirectories).ToDictionary(p => p, File.GetLastWriteTimeUtc);

        var second = Cli.Run(root, "site", root, "--out", siteFolder, "--no-search");
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.Contains("0 built, 3 unchanged", second.StdOut);
        Assert.All(pdfs, p => Assert.Equal(p.Value, File.GetLastWriteTimeUtc(p.Key)));

        File.AppendAllText(Path.Combine(root, "issues", "vol-12", "articles", "huang-letter.md"), "\nA paragraph added after the first run.\n");
        var third = Cli.Run(root, "site", root, "--out", siteFolder, "--no-search");
        Assert.True(third.ExitCode == 0, third.StdErr);
        Assert.Contains("1 built, 2 unchanged", third.StdOut);
        Assert.Contains("built vol-12", third.StdErr);
        Assert.All(pdfs, p => Assert.True(p.Key.Contains($"{Path.DirectorySeparatorChar}vol-12{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            == (File.GetLastWriteTimeUtc(p.Key) != p.Value), p.Key));
        Assert.Contains("A paragraph added after the first run.", File.ReadAllText(Path.Combine(siteFolder, "vol-12", "huang-letter", "index.html")));
    }

    /// <summary>Every block of text mupdf reads from vol-11's PDF, whitespace removed, is in the web edition (the volume's
    /// page and its articles) with whitespace removed; only the running footers (newsletter, volume, page number) are not.
    /// What print draws and the web leaves to its stylesheet is set aside too: the bullets of lists (・ •) and the donation
    /// box's options (☐), the contents' dot leaders and page numbers (the web lists "p. 1" apart), and the kicker's capitals
    /// (text-transform), so the comparison ignores case.</summary>
    [Fact]
    public void The_web_edition_of_vol_11_holds_every_paragraph_of_its_PDF()
    {
        var web = Squeeze(string.Concat(new[] { "vol-11/", "vol-11/plan-2022/", "vol-11/world-report/", "vol-11/ceas/" }.Select(p => TextOf(site.Page(p)))));
        var xml = XDocument.Parse(PdfTools.Ok("mutool", "draw", "-q", "-F", "stext", "-o", "-", Path.Combine(site.Folder, "vol-11", "civil-society-forum-vol-11.pdf")));
        var blocks = xml.Descendants("block")
            .Select(b => string.Concat(b.Descendants("line").Select(l => string.Concat(l.Descendants("char").Select(c => c.Attribute("c")!.Value)) + "\n")))
            .Select(Squeeze).Where(t => t.Length > 0 && !Footer().IsMatch(t))
            .Select(t => Leaders().Replace(t.TrimStart('・', '•', '☐'), "").ToUpperInvariant()).ToList();
        Assert.True(blocks.Count > 40, $"only {blocks.Count} blocks of text in the PDF");
        // mupdf ignores ActualText, so a hyphen of a word broken at a line end comes out as "-": compare without hyphens.
        web = web.ToUpperInvariant();
        var missing = blocks.Where(b => !WithoutHyphens(web).Contains(WithoutHyphens(b), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "in the PDF but not on the web:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Raw_HTML_in_an_article_never_reaches_the_page()
    {
        var page = site.Page("vol-13/field-notes/");
        Assert.DoesNotContain("alert(", page);
        Assert.DoesNotContain("onclick", page);
        Assert.Contains("music", page);
        Assert.Contains("<img src=\"/vol-13/images/market.png\" alt=\"Volunteers at the spring market\"", page);
        Assert.True(File.Exists(Path.Combine(site.Folder, "vol-13", "images", "market.png")));
        Assert.Matches("<table>.*<th>Hour</th>", page.Replace("\n", ""));
        Assert.Contains("<li id=\"fn1\" value=\"1\">", page); // the footnote, linked from its reference
        Assert.Contains("href=\"#fn1\" id=\"fnref1\"", page);
    }

    [Fact]
    public void The_stylesheet_sets_Japanese_by_JLREQ_is_responsive_and_has_a_print_style()
    {
        var css = File.ReadAllText(Path.Combine(site.Folder, "site.css"));
        foreach (var rule in new[] { "line-break: strict", "text-spacing-trim", "text-autospace", "hanging-punctuation", "word-break: auto-phrase", "@media print", "@media (max-width" })
            Assert.Contains(rule, css);
        Assert.DoesNotContain("url(", css); // no web font or picture fetched from anywhere
    }

    [Fact]
    public void The_stylesheet_takes_the_newest_volumes_accent_colour()
    {
        // The three volumes keep the default style: the site is in the newsletter's default accent.
        Assert.Contains("--accent: #00598f;", File.ReadAllText(Path.Combine(site.Folder, "site.css")));

        using var copy = new TempCopy(site.Root);
        var root = copy.Path;
        var siteFolder = Path.Combine(root, "site");
        var newest = Path.Combine(root, "issues", "vol-13", "issue.yaml");
        File.AppendAllText(newest, "style:\n  accent: { cmyk: [0, 85, 70, 10], rgb: \"#b0283a\" }\n");
        var run = Cli.Run(root, "site", root, "--out", siteFolder, "--no-search");
        Assert.True(run.ExitCode == 0, run.StdErr);
        var css = File.ReadAllText(Path.Combine(siteFolder, "site.css"));
        Assert.Contains("--accent: #b0283a;", css);
        Assert.DoesNotContain("#00598f", css);
        Assert.Contains("var(--accent)", css);
    }

    [Theory]
    [InlineData(1.00, 0.40, 0, 0.20, null, "#007acc")] // cmyk only: (1 − C)(1 − K) and so on, in bytes
    [InlineData(0, 0, 0, 1, null, "#000000")]
    [InlineData(1.00, 0.40, 0, 0.20, "#00598f", "#00598f")] // the RGB alternate wins
    public void An_accent_is_shown_on_screens_in_its_RGB_alternate_or_else_converted_from_CMYK(
        double c, double m, double y, double k, string? rgb, string expected) =>
        Assert.Equal(expected, new NewsletterPress.Shared.Ink(c, m, y, k, rgb).ScreenHex);

    [Fact]
    public void Author_pages_list_each_authors_articles_across_volumes()
    {
        var huang = site.Page("authors/prof-huang-haoming/");
        Assert.Contains("href=\"/vol-11/world-report/\"", huang);
        Assert.Contains("href=\"/vol-12/huang-letter/\"", huang);
        var karimov = site.Page("authors/shamsiddin-karimov-ph-d/");
        Assert.Contains("href=\"/vol-11/ceas/\"", karimov);
        Assert.Contains("href=\"/vol-13/field-notes/\"", karimov);
        Assert.Contains("href=\"/authors/prof-huang-haoming/\"", site.Page("authors/"));
    }

    [Fact]
    public void The_feed_and_the_sitemap_are_well_formed_and_list_every_volume()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom", map = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var feed = XDocument.Load(Path.Combine(site.Folder, "feed.xml"));
        Assert.Equal(["Civil Society Forum Vol.13", "Civil Society Forum Vol.12", "Civil Society Forum Vol.11"],
            feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value));
        var sitemap = XDocument.Load(Path.Combine(site.Folder, "sitemap.xml"));
        var locations = sitemap.Root!.Elements(map + "url").Select(u => u.Element(map + "loc")!.Value).ToList();
        Assert.Contains("/vol-11/world-report/", locations);
        Assert.All(locations, l => Assert.True(File.Exists(Path.Combine(site.Folder, l.TrimStart('/'), "index.html")), l));
        Assert.Equal(Directory.GetFiles(site.Folder, "index.html", SearchOption.AllDirectories).Length, locations.Count);
    }

    [Fact]
    public void A_folder_without_issues_is_refused_with_a_message()
    {
        using var tree = new IssuesTree();
        var result = Cli.Run(tree.Root, "site", tree.Root, "--out", tree.Path("site"), "--no-search");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("issues/vol-*/", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }

    /// <summary>A page's text as a reader sees it: the tags dropped, the entities decoded, the head left out.</summary>
    private static string TextOf(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(html[html.IndexOf("<body", StringComparison.Ordinal)..], ""));

    private static string Squeeze(string text) => Whitespace().Replace(text, "").Replace("\u00AD", "", StringComparison.Ordinal);

    private static string WithoutHyphens(string text) => text.Replace("-", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\.{3,}\d+$")]
    private static partial Regex Leaders();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>The running footer of a page: "Civil Society Forum Vol.11" and the page number, in either order.</summary>
    [GeneratedRegex(@"^(\d+CivilSocietyForumVol\.11|CivilSocietyForumVol\.11\d+|\d+)$")]
    private static partial Regex Footer();
}
