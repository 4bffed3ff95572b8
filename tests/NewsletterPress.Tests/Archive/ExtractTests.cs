using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Archive;

/// <summary><c>extract</c> (issue #15): an archive PDF's sources back into a folder that builds the same bytes.</summary>
public sealed class ExtractTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Cli.Result Ok(Cli.Result r)
    {
        Assert.True(r.ExitCode == 0, r.StdErr);
        return r;
    }

    private static Dictionary<string, string> SystemFonts(string folder) => new() { ["NEWSLETTERPRESS_SYSTEM_FONTS"] = folder };

    /// <summary>The font with "Liberation Serif" written "Liberation Serix" wherever its name table says it (UTF-16BE
    /// and Mac Roman): a family of its own, of the same length, so no offset in the file moves.</summary>
    private static byte[] Renamed(byte[] font)
    {
        foreach (var encoding in new System.Text.Encoding[] { System.Text.Encoding.BigEndianUnicode, System.Text.Encoding.ASCII })
        {
            byte[] from = encoding.GetBytes("Liberation Serif"), to = encoding.GetBytes("Liberation Serix");
            for (int i = font.AsSpan().IndexOf(from); i >= 0; i = font.AsSpan().IndexOf(from))
                to.CopyTo(font, i);
        }
        return font;
    }

    [Fact]
    public void Extract_then_build_gives_a_byte_identical_archive_also_with_the_system_fonts_removed()
    {
        // The serif is an installed family, found only on this "machine's" font path, not in the tool's fonts/.
        var system = _temp.NewSubfolder();
        // A bundled face renamed inside its name table ("Liberation Serif" → "Liberation Serix", same length), so
        // that only the "installed" folder has that family.
        File.WriteAllBytes(system.File("ArchiveSerif-Regular.ttf"), Renamed(File.ReadAllBytes(Repo.Path("fonts", "LiberationSerif-Regular.ttf"))));
        var noFonts = _temp.NewSubfolder();
        using var folder = new IssueFolder(IssueFolder.Manifest("en", "report.md") + "style:\n  fonts: { serif: Liberation Serix }\n",
            ("report.md", "---\ntitle: Field report\nauthor: A. Writer\n---\n\nThe well was dug in *March*.\n\n![The well](../images/well.png)\n"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        TestImages.Png(Path.Combine(folder.Path, "images", "well.png"), 60, 40, SkiaSharp.SKColors.SeaGreen);

        var original = folder.Output("original.pdf");
        Ok(Cli.RunWith(SystemFonts(system.Path), _temp.Path, "build", folder.Path, "--profile", "archive", "--out", original));
        Assert.Contains("fonts/ArchiveSerif-Regular.ttf", Attachments.Names(original));
        // Without the installed family the original folder does not build: the font really was a system font.
        var r = Cli.RunWith(SystemFonts(noFonts.Path), _temp.Path, "build", folder.Path, "--profile", "archive", "--out", folder.Output("none.pdf"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Liberation Serix", r.StdErr);

        var extracted = _temp.File("extracted");
        Ok(Cli.Run(_temp.Path, "extract", original, "--out", extracted));
        Assert.True(File.Exists(Path.Combine(extracted, "images", "well.png")));
        Assert.True(File.Exists(Path.Combine(extracted, "articles", "report.md")));
        var rebuilt = _temp.File("rebuilt.pdf");
        Ok(Cli.RunWith(SystemFonts(noFonts.Path), _temp.Path, "build", extracted, "--profile", "archive", "--out", rebuilt));
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(rebuilt));
    }

    [Fact]
    public void Vol_11_extracts_into_its_folder_and_rebuilds_the_same_bytes_without_system_fonts()
    {
        var noFonts = _temp.NewSubfolder();
        var original = _temp.File("vol-11-archive.pdf");
        Ok(Cli.Run(Repo.Root, "build", "issues/vol-11", "--profile", "archive", "--out", original));
        var r = Ok(Cli.Run(_temp.Path, "extract", original));
        var extracted = _temp.File("vol-11-archive"); // the default: the PDF's name, in the current folder
        Assert.Contains($"wrote {Attachments.Names(original).Count} files to vol-11-archive", r.StdOut);
        Assert.Equal(Attachments.Names(original).Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(extracted, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(extracted, f)).Order(StringComparer.Ordinal));
        foreach (var article in Directory.EnumerateFiles(Path.Combine(Repo.Vol11, "articles")))
            Assert.Equal(File.ReadAllBytes(article), File.ReadAllBytes(Path.Combine(extracted, "articles", Path.GetFileName(article))));
        var rebuilt = _temp.File("rebuilt.pdf");
        Ok(Cli.RunWith(SystemFonts(noFonts.Path), _temp.Path, "build", extracted, "--profile", "archive", "--out", rebuilt));
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(rebuilt));
    }

    /// <summary>An archive-profile PDF whose attachments carry the given names (our writer does not judge them).</summary>
    private string ArchiveWith(params AttachedFile[] files)
    {
        var pdf = _temp.File(Guid.NewGuid().ToString("N") + ".pdf");
        PdfWriter.Write(SampleDocuments.Mixed() with { Attachments = [.. files] }, pdf, new PdfWriterOptions(Profile: PdfProfile.Archive));
        return pdf;
    }

    private AttachedFile Text(string name, string text = "x\n") => new(name, "", "text/plain") { Contents = System.Text.Encoding.UTF8.GetBytes(text) };

    [Theory]
    [InlineData("../escaped.md")]
    [InlineData("articles/../../escaped.md")]
    [InlineData("/tmp/escaped.md")]
    [InlineData("articles\\escaped.md")]
    [InlineData("articles//escaped.md")]
    public void A_name_that_would_leave_the_folder_is_refused_and_nothing_is_written(string name)
    {
        var pdf = ArchiveWith(Text("issue.yaml"), Text(name));
        var target = _temp.File("sources");
        var r = Cli.Run(_temp.Path, "extract", pdf, "--out", target);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"the attachment '{name}' is not a path inside the issue folder", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
        Assert.False(Directory.Exists(target));
        Assert.False(File.Exists(_temp.File("escaped.md")));
        Assert.False(File.Exists("/tmp/escaped.md"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path, ".sources*"));
    }

    [Fact]
    public void A_file_that_does_not_match_build_json_is_refused()
    {
        var record = "{\"files\": [{\"name\": \"issue.yaml\", \"sha256\": \"" + new string('0', 64) + "\"}]}";
        var pdf = ArchiveWith(Text("issue.yaml"), Text("build.json", record));
        var r = Cli.Run(_temp.Path, "extract", pdf, "--out", _temp.File("sources"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("'issue.yaml' does not match the SHA-256 build.json gives for it", r.StdErr);
        Assert.False(Directory.Exists(_temp.File("sources")));
    }

    [Fact]
    public void A_pdf_without_sources_and_a_folder_in_use_are_refused()
    {
        var screen = _temp.File("screen.pdf");
        PdfWriter.Write(SampleDocuments.Mixed(), screen);
        var r = Cli.Run(_temp.Path, "extract", screen, "--out", _temp.File("a"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("screen.pdf: error: the PDF carries no source files", r.StdErr);

        var used = _temp.NewSubfolder();
        File.WriteAllText(used.File("keep.txt"), "mine");
        r = Cli.Run(_temp.Path, "extract", ArchiveWith(Text("issue.yaml")), "--out", used.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the folder is not empty", r.StdErr);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(used.Path).Select(Path.GetFileName));
    }
}
