using NewsletterPress.Tests.Support;
using SkiaSharp;

namespace NewsletterPress.Tests.Proof;

public class ProofTests
{
    private const string Article = "---\ntitle: お知らせ\n---\n\n市民社会分野における研究交流を展開し、引き続き市民社会の発展を模索する機会創出に取り組む。\n";

    [Fact]
    public void Proof_renders_every_page_and_a_contact_sheet_with_ink_on_them()
    {
        using var folder = new IssueFolder(IssueFolder.ManifestWithArticleOnPage2("ja", "a.md"), ("a.md", Article));
        var proofs = Path.Combine(folder.Path, "..", Path.GetFileName(folder.Path) + "-proofs");
        try
        {
            var r = Cli.Run(folder.Path, "proof", folder.Path, "--out", proofs, "--dpi", "72");
            Assert.True(r.ExitCode == 0, r.StdErr);
            var pages = Directory.GetFiles(proofs, "page-*.png").Order().ToList();
            Assert.Equal(2, pages.Count);
            foreach (var page in pages)
            {
                using var bitmap = SKBitmap.Decode(page);
                Assert.Equal((int)Math.Ceiling(595.276), bitmap.Width);
                Assert.True(bitmap.Pixels.Count(p => p.Red < 192) > 300, $"{page} is (nearly) blank");
            }
            Assert.True(File.Exists(Path.Combine(proofs, "contact-sheet.png")));
        }
        finally { Directory.Delete(proofs, recursive: true); }
    }

    [Fact]
    public void Proof_diff_lists_the_pages_a_correction_changed_and_marks_them()
    {
        using var folder = new IssueFolder(IssueFolder.ManifestWithArticleOnPage2("ja", "a.md"), ("a.md", Article));
        var before = Path.Combine(folder.Path, "..", Path.GetFileName(folder.Path) + "-before");
        var after = Path.Combine(folder.Path, "..", Path.GetFileName(folder.Path) + "-after");
        try
        {
            Assert.Equal(0, Cli.Run(folder.Path, "proof", folder.Path, "--out", before, "--dpi", "40").ExitCode);
            var same = Cli.Run(folder.Path, "proof", folder.Path, "--out", after, "--dpi", "40", "--diff", before);
            Assert.Contains("no page changed", same.StdOut);

            File.WriteAllText(Path.Combine(folder.Path, "articles", "a.md"), Article.Replace("模索する", "探る"));
            var changed = Cli.Run(folder.Path, "proof", folder.Path, "--out", after, "--dpi", "40", "--diff", before);
            Assert.Equal(0, changed.ExitCode);
            Assert.Contains("changed pages: 2", changed.StdOut);
            Assert.True(File.Exists(Path.Combine(after, "diff-002.png")));
            Assert.False(File.Exists(Path.Combine(after, "diff-001.png")));
        }
        finally
        {
            foreach (var d in new[] { before, after }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        }
    }

    [Fact]
    public void Proof_diff_against_an_earlier_pdf_renders_both_the_same_way()
    {
        using var folder = new IssueFolder(IssueFolder.ManifestWithArticleOnPage2("ja", "a.md"), ("a.md", Article));
        var oldPdf = Path.Combine(folder.Path, "..", Path.GetFileName(folder.Path) + "-old.pdf");
        var after = Path.Combine(folder.Path, "..", Path.GetFileName(folder.Path) + "-after");
        try
        {
            Assert.Equal(0, Cli.Run(folder.Path, "build", folder.Path, "--out", oldPdf).ExitCode);
            Assert.Contains("no page changed", Cli.Run(folder.Path, "proof", folder.Path, "--out", after, "--dpi", "40", "--diff", oldPdf).StdOut);
            File.WriteAllText(Path.Combine(folder.Path, "articles", "a.md"), Article.Replace("模索する", "探る"));
            var changed = Cli.Run(folder.Path, "proof", folder.Path, "--out", after, "--dpi", "40", "--diff", oldPdf);
            Assert.Contains("changed pages: 2", changed.StdOut);
        }
        finally
        {
            File.Delete(oldPdf);
            if (Directory.Exists(after)) Directory.Delete(after, recursive: true);
        }
    }
}
