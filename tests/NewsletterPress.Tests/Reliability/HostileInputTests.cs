using System.Text.RegularExpressions;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Reliability;

/// <summary>
/// One test per family of hostile or careless input (issue #11): each is refused with exit 1 and
/// an error at the place that caused it, writes no output, and leaves the issue folder as it was.
/// </summary>
public class HostileInputTests
{
    private const string Article = "---\ntitle: T\n---\n\n本文。\n";

    /// <summary>Bounds a run: a hang fails the test. Generous for a loaded two-core machine.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static Cli.Result Run(string workingDirectory, params string[] arguments) =>
        Cli.RunWithin(Limit, new Dictionary<string, string>(), workingDirectory, arguments);

    /// <summary>Builds <paramref name="folder"/> and asserts the refusal: exit 1, an error at <paramref name="where"/>
    /// (a regular expression for "file:line:col" or "file"), no PDF, the folder unchanged.</summary>
    private static Cli.Result AssertRefused(IssueFolder folder, string where, string? output = null, params string[] extra)
    {
        var before = HostileFiles.Snapshot(folder.Path);
        output ??= folder.Output("x.pdf");
        var r = Run(folder.Path, ["build", folder.Path, "--out", output, .. extra]);
        Assert.True(r.ExitCode == 1, $"exit {r.ExitCode}: {r.StdErr}");
        Assert.Matches(where + @": error: \S", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
        Assert.Equal(before, HostileFiles.Snapshot(folder.Path));
        if (!output.StartsWith(folder.Path, StringComparison.Ordinal) && !output.StartsWith("/dev/", StringComparison.Ordinal))
            Assert.False(File.Exists(output), $"{output} was written");
        return r;
    }

    private static IssueFolder Issue(string manifestTail = "", string article = Article) =>
        new(IssueFolder.Manifest("ja", "a.md") + manifestTail, ("a.md", article));

    [Fact]
    public void Output_into_the_issue_folder_onto_an_input_or_onto_a_special_file_is_refused()
    {
        using var folder = Issue();
        foreach (var target in new[] { "issue.yaml", "articles/a.md", "new.pdf" })
            AssertRefused(folder, Regex.Escape(Path.GetFileName(target)), Path.Combine(folder.Path, target));
        // Through a link beside the folder that leads into it.
        var link = folder.Output("into-issue");
        Directory.CreateSymbolicLink(link, folder.Path);
        AssertRefused(folder, "into-issue/x.pdf", Path.Combine(link, "x.pdf"));
        // A FIFO or a device is neither a file nor absent.
        var fifo = folder.Output("pipe.pdf");
        HostileFiles.MakeFifo(fifo);
        var r = AssertRefused(folder, "pipe.pdf", fifo);
        Assert.Contains("FIFO", r.StdErr);
        Assert.Contains("character device", AssertRefused(folder, "/dev/null", "/dev/null").StdErr);
        // The default output, run from inside the folder, goes beside it, never into it.
        var before = HostileFiles.Snapshot(folder.Path);
        var ok = Run(folder.Path, "build", folder.Path);
        Assert.True(ok.ExitCode == 0, ok.StdErr);
        Assert.Equal(before, HostileFiles.Snapshot(folder.Path));
        var beside = Path.Combine(Path.GetDirectoryName(folder.Path)!, "out", "test-letter-vol-3.pdf");
        Assert.True(File.Exists(beside));
        File.Delete(beside);
    }

    [Fact]
    public void A_link_to_a_file_or_a_folder_outside_is_an_error_at_the_line_that_named_it()
    {
        using var outside = new TempFolder();
        File.WriteAllText(outside.File("secret.md"), "---\ntitle: Secret\n---\n\nroot:x:0:0\n");
        File.WriteAllBytes(outside.File("photo.png"), File.ReadAllBytes(TestImages.Png(outside.File("p.png"), 40, 30, SkiaSharp.SKColors.Red)));

        using (var article = Issue())
        {
            File.Delete(Path.Combine(article.Path, "articles", "a.md"));
            File.CreateSymbolicLink(Path.Combine(article.Path, "articles", "a.md"), outside.File("secret.md"));
            var r = AssertRefused(article, @"issue\.yaml:7:5");
            Assert.Contains("leads outside the issue folder", r.StdErr);
        }
        using (var folderLink = new IssueFolder(IssueFolder.Manifest("ja", "a.md")))
        {
            Directory.Delete(Path.Combine(folderLink.Path, "articles"));
            File.Copy(outside.File("secret.md"), outside.File("a.md"));
            Directory.CreateSymbolicLink(Path.Combine(folderLink.Path, "articles"), outside.Path);
            AssertRefused(folderLink, @"issue\.yaml:7:5");
        }
        using (var image = Issue(article: Article + "\n![写真](../images/photo.png)\n"))
        {
            Directory.CreateDirectory(Path.Combine(image.Path, "images"));
            File.CreateSymbolicLink(Path.Combine(image.Path, "images", "photo.png"), outside.File("photo.png"));
            AssertRefused(image, @"a\.md:7:1");
        }
        using (var font = Issue("style:\n  fonts: { serif: mine.ttf }\n"))
        {
            File.Copy(Repo.Path("fonts", "NotoSerif-Regular.ttf"), outside.File("mine.ttf"));
            File.CreateSymbolicLink(Path.Combine(font.Path, "mine.ttf"), outside.File("mine.ttf"));
            AssertRefused(font, @"issue\.yaml:9:19");
        }
        using (var icc = Issue("style:\n  print-condition: { icc: shop.icc, identifier: JC200103 }\n"))
        {
            File.WriteAllBytes(outside.File("shop.icc"), new byte[200]);
            File.CreateSymbolicLink(Path.Combine(icc.Path, "shop.icc"), outside.File("shop.icc"));
            AssertRefused(icc, @"issue\.yaml:9:27", extra: ["--profile", "print"]);
        }
        // Not named by any line: the archive attaches only what the volume needs, so a link in the folder is never followed.
        using (var stray = Issue())
        {
            File.CreateSymbolicLink(Path.Combine(stray.Path, "passwd"), outside.File("secret.md"));
            Directory.CreateSymbolicLink(Path.Combine(stray.Path, "tree"), outside.Path);
            AssertStrayFilesUnread(stray);
        }
    }

    /// <summary>An archive build of a folder with files no line names: built, and none of them attached or read.</summary>
    private static void AssertStrayFilesUnread(IssueFolder folder)
    {
        var pdf = folder.Output("archive.pdf");
        var r = Run(folder.Path, "build", folder.Path, "--profile", "archive", "--out", pdf);
        Assert.True(r.ExitCode == 0, r.StdErr);
        var attached = PdfTools.Ok("qpdf", "--list-attachments", pdf);
        Assert.Contains("articles/a.md", attached);
        foreach (var stray in new[] { "passwd", "tree", "notes" })
            Assert.DoesNotContain(stray, attached);
    }

    [Fact]
    public void FIFOs_as_inputs_fail_within_seconds_without_being_opened()
    {
        using (var article = Issue())
        {
            File.Delete(Path.Combine(article.Path, "articles", "a.md"));
            HostileFiles.MakeFifo(Path.Combine(article.Path, "articles", "a.md"));
            Assert.Contains("FIFO", AssertRefused(article, @"issue\.yaml:7:5").StdErr);
        }
        using (var image = Issue(article: Article + "\n![写真](../images/photo.png)\n"))
        {
            Directory.CreateDirectory(Path.Combine(image.Path, "images"));
            HostileFiles.MakeFifo(Path.Combine(image.Path, "images", "photo.png"));
            AssertRefused(image, @"a\.md:7:1");
        }
        using (var font = Issue("style:\n  fonts: { mincho: pipe.ttf }\n"))
        {
            HostileFiles.MakeFifo(Path.Combine(font.Path, "pipe.ttf"));
            AssertRefused(font, @"issue\.yaml:9:20");
        }
        using (var stray = Issue())
        {
            HostileFiles.MakeFifo(Path.Combine(stray.Path, "notes"));
            AssertStrayFilesUnread(stray);
        }
        using var pdfFolder = new TempFolder();
        HostileFiles.MakeFifo(pdfFolder.File("in.pdf"));
        var r = Run(pdfFolder.Path, "check", "--pdf", pdfFolder.File("in.pdf"));
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"in\.pdf: error: .*FIFO", r.StdErr);
    }

    [Theory]
    [InlineData("list", "- item")]
    [InlineData("quote", "> quote")]
    public void Markdown_nested_100_levels_deep_is_an_error_at_its_line(string kind, string line)
    {
        var deep = kind == "list"
            ? string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + line + "\n"))
            : string.Concat(Enumerable.Repeat("> ", 100)) + "deep\n";
        using var folder = Issue(article: Article + "\n" + deep);
        var r = AssertRefused(folder, @"a\.md:\d+:\d+");
        Assert.Contains("nested", r.StdErr);
    }

    [Theory]
    [InlineData("", "\n![c](../images/p.png){width=NaN%}\n", @"a\.md:7:1")]
    [InlineData("", "\n![c](../images/p.png){width=Infinity%}\n", @"a\.md:7:1")]
    [InlineData("style:\n  accent: { cmyk: [NaN, 0, 0, 0] }\n", "", @"issue\.yaml:9:20")]
    [InlineData("style:\n  accent: { cmyk: [.inf, 0, 0, 0] }\n", "", @"issue\.yaml:9:20")]
    [InlineData("style:\n  column-gap: 1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000mm\n", "", @"issue\.yaml:9:15")]
    [InlineData("style:\n  body: { size: 0pt }\n", "", @"issue\.yaml:9:17")]
    [InlineData("style:\n  body: { leading: 0.001pt }\n", "", @"issue\.yaml:9:20")]
    [InlineData("style:\n  paper: { width: 100000mm, height: 297mm }\n", "", @"issue\.yaml:9:19")]
    // Keys each within its range that together make no page: the error is at the key to change.
    [InlineData("style:\n  column-width: 60zw\n", "", @"issue\.yaml:9:17")]
    [InlineData("style:\n  margins: { top: 140mm, bottom: 140mm }\n", "", @"issue\.yaml:9:12")]
    public void NaN_Infinity_and_silly_numbers_are_errors_at_their_key(string style, string body, string where)
    {
        using var folder = Issue(style, Article + body);
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        TestImages.Png(Path.Combine(folder.Path, "images", "p.png"), 40, 30, SkiaSharp.SKColors.Teal);
        AssertRefused(folder, where);
    }

    [Fact]
    public void A_title_too_long_to_serve_as_one_is_an_error_at_its_front_matter()
    {
        using var folder = Issue(article: "---\ntitle: " + string.Concat(Enumerable.Repeat("長い題名", 450)) + "\n---\n\n本文。\n");
        var r = AssertRefused(folder, @"a\.md:2:8"); // at the title itself
        Assert.Contains("shorten the title", r.StdErr);
    }

    [Theory]
    [InlineData("head", "units per em")]
    // A damaged 'name' table makes hb-subset fail. (A damaged GPOS did, until the subsets left the layout tables out:
    // HarfBuzz's shaper ignores a layout table that fails its checks, and the PDF no longer carries it.)
    [InlineData("name", "subset")]
    public void A_font_with_a_damaged_table_is_an_error_at_the_line_that_names_it(string table, string message)
    {
        using var folder = Issue("style:\n  fonts: { serif: bad.ttf }\n", "---\ntitle: T\n---\n\nHello, office workers. 本文。\n");
        File.WriteAllBytes(Path.Combine(folder.Path, "bad.ttf"), HostileFiles.DamagedFont(table));
        Assert.Contains(message, AssertRefused(folder, @"issue\.yaml:9:19").StdErr);
    }

    [Theory]
    [InlineData("png", 100_000, 100_000)]
    [InlineData("jpg", 65_500, 65_500)]
    [InlineData("png", 25_000, 25_000)]
    public void Images_whose_header_claims_too_many_pixels_are_refused_before_decoding(string format, int width, int height)
    {
        using var folder = Issue(article: Article + $"\n![写真](../images/big.{format})\n");
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        File.WriteAllBytes(Path.Combine(folder.Path, "images", "big." + format),
            format == "png" ? HostileFiles.PngClaiming(width, height) : HostileFiles.JpegClaiming(folder.Path, width, height));
        Assert.Contains("megapixels", AssertRefused(folder, @"a\.md:7:1").StdErr);
    }

    [Theory]
    [InlineData("jpg")]
    [InlineData("png")]
    public void A_truncated_image_is_refused_never_half_printed_nor_passed_into_the_pdf(string format)
    {
        using var folder = Issue(article: Article + $"\n![写真](../images/cut.{format})\n");
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        File.WriteAllBytes(Path.Combine(folder.Path, "images", "cut." + format), HostileFiles.Truncated(format));
        Assert.Contains("damaged: its data ends early", AssertRefused(folder, @"a\.md:7:1").StdErr);
    }

    public static TheoryData<string, byte[]> HostilePdfs() => new()
    {
        { "an object that is a reference to itself", HostileFiles.Pdf(HostileFiles.Catalog, HostileFiles.OnePage, HostileFiles.Page, "5 0 R", "4 0 R") },
        { "a page tree that loops", HostileFiles.Pdf(HostileFiles.Catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>") },
        { "a /Length that refers to its own object", HostileFiles.Pdf(HostileFiles.Catalog, HostileFiles.OnePage, HostileFiles.Page, "<< /Length 4 0 R >>\nstream\nBT ET\nendstream") },
        { "a huge /Length", HostileFiles.Pdf(HostileFiles.Catalog, HostileFiles.OnePage, HostileFiles.Page, "<< /Length 99999999999 >>\nstream\nBT ET\nendstream") },
        { "a compressed-stream bomb", HostileFiles.Pdf(System.Text.Encoding.Latin1.GetBytes(HostileFiles.Catalog), System.Text.Encoding.Latin1.GetBytes(HostileFiles.OnePage),
            System.Text.Encoding.Latin1.GetBytes(HostileFiles.Page), HostileFiles.Stream("/Filter /FlateDecode", HostileFiles.FlateBomb())) },
    };

    [Theory]
    [MemberData(nameof(HostilePdfs))]
    public void Check_pdf_refuses_self_referring_looping_and_exploding_pdfs(string what, byte[] pdf)
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("in.pdf"), pdf);
        var r = Run(folder.Path, "check", "--pdf", folder.File("in.pdf"));
        Assert.True(r.ExitCode == 1, $"{what}: exit {r.ExitCode}: {r.StdErr}");
        Assert.Matches(@"in\.pdf: error: \S", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("2000")]
    [InlineData("401")]
    public void Proof_dpi_out_of_range_is_an_error_naming_the_option(string dpi)
    {
        using var folder = Issue();
        var proofs = folder.Output("proofs");
        var r = Run(folder.Path, "proof", folder.Path, "--out", proofs, "--dpi", dpi);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches("--dpi: error: the proof resolution must be from 10 to 400 dpi", r.StdErr);
        Assert.False(Directory.Exists(proofs));
    }

    [Fact]
    public void Proof_out_naming_a_file_or_a_folder_inside_the_issue_is_an_error()
    {
        using var folder = Issue();
        var file = folder.Output("a-file.png");
        File.WriteAllText(file, "keep me");
        var r = Run(folder.Path, "proof", folder.Path, "--out", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"a-file\.png: error: --out must name a folder", r.StdErr);
        Assert.Equal("keep me", File.ReadAllText(file));
        var before = HostileFiles.Snapshot(folder.Path);
        Assert.Equal(1, Run(folder.Path, "proof", folder.Path, "--out", Path.Combine(folder.Path, "proofs")).ExitCode);
        Assert.Equal(before, HostileFiles.Snapshot(folder.Path));
    }
}
