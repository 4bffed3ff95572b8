using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Archive;

/// <summary>What the archive profile attaches (issue #15): exactly the files a rebuild needs, read back with qpdf.</summary>
public sealed class ArchiveSourcesTests
{
    private const string Finished = "---\ntitle: 本文\n---\n\n本文の段落。\n\n![写真](../images/used.png)\n\n![非公開](../images/private.png)\n";
    private const string Draft = "---\ntitle: Unfinished\ndraft: true\n---\n\nDraftword paragraph.\n";

    private static IssueFolder IssueWithStrayFiles()
    {
        var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md", "draft.md") + "exclude: [notes/, \"*.bak\", images/private.png]\n",
            ("a.md", Finished), ("draft.md", Draft));
        string In(string name)
        {
            var path = Path.Combine(folder.Path, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return path;
        }
        TestImages.Png(In("images/used.png"), 40, 30, SkiaSharp.SKColors.SteelBlue);
        TestImages.Png(In("images/private.png"), 40, 30, SkiaSharp.SKColors.Firebrick);
        TestImages.Png(In("images/unused.png"), 40, 30, SkiaSharp.SKColors.Gold);
        File.WriteAllText(In("notes/todo.md"), "- ask for the photo credit\n");
        File.WriteAllText(In("articles/a.md.bak"), Finished);
        File.WriteAllBytes(In("Thumbs.db"), new byte[512]);
        File.WriteAllText(In("out/earlier.pdf"), "%PDF-1.7\n");
        return folder;
    }

    private static Cli.Result Build(IssueFolder folder, string pdf, params string[] extra)
    {
        var r = Cli.Run(folder.Path, ["build", folder.Path, "--out", pdf, .. extra]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        return r;
    }

    [Fact]
    public void Attachments_are_exactly_the_needed_files_without_the_draft_the_excluded_and_the_stray_ones()
    {
        using var folder = IssueWithStrayFiles();
        var pdf = folder.Output("archive.pdf");
        var r = Build(folder, pdf, "--profile", "archive");
        var names = Attachments.Names(pdf);

        Assert.Equal(["articles/a.md", "build.json", "images/used.png", "issue.yaml"], names.Where(n => !n.StartsWith("fonts/", StringComparison.Ordinal)));
        // Every font the build opened comes from the tool's fonts/ folder, under fonts/, with its licence file.
        var fonts = names.Where(n => n.StartsWith("fonts/", StringComparison.Ordinal)).ToList();
        Assert.Subset(fonts.ToHashSet(), new HashSet<string> { "fonts/ipaexm.ttf", "fonts/ipaexg.ttf", "fonts/LiberationSerif-Regular.ttf", "fonts/LICENSE-IPAex.txt", "fonts/LICENSE-Liberation.txt" });
        foreach (var font in fonts)
            Assert.Equal(File.ReadAllBytes(Repo.Path("fonts", font["fonts/".Length..])), Attachments.Bytes(pdf, font));

        Assert.Contains("warning[draft-left-out]", r.StdErr);
        Assert.Matches(@"issue\.yaml:\d+:\d+: warning\[not-attached\]: images/private\.png .*exclude: 'images/private\.png'", r.StdErr);
    }

    [Fact]
    public void Build_json_names_the_tool_and_the_SHA_256_of_every_attached_file()
    {
        using var folder = IssueWithStrayFiles();
        var pdf = folder.Output("archive.pdf");
        Build(folder, pdf, "--profile", "archive");
        using var record = JsonDocument.Parse(Attachments.Bytes(pdf, "build.json"));
        var root = record.RootElement;
        Assert.Equal("NewsletterPress", root.GetProperty("tool").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", root.GetProperty("version").GetString());
        Assert.Equal("archive", root.GetProperty("profile").GetString());
        if (root.GetProperty("commit").ValueKind == JsonValueKind.String)
            Assert.Matches("^[0-9a-f]{40}$", root.GetProperty("commit").GetString());

        var listed = root.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("sha256").GetString()!);
        Assert.Equal(Attachments.Names(pdf).Where(n => n != "build.json").Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, sha256) in listed)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Attachments.Bytes(pdf, name))), sha256);
        var leftOut = root.GetProperty("left-out").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(["images/private.png"], leftOut);
    }

    [Fact]
    public void A_draft_article_is_built_only_with_drafts_in_every_profile()
    {
        using var folder = IssueWithStrayFiles();
        foreach (var profile in new[] { "screen", "print", "archive" })
        {
            var without = folder.Output(profile + ".pdf");
            Build(folder, without, "--profile", profile);
            Assert.DoesNotContain("Draftword", PdfTools.Ok("pdftotext", without, "-"));
        }
        var with = folder.Output("drafts.pdf");
        Build(folder, with, "--profile", "archive", "--drafts");
        Assert.Contains("Draftword", PdfTools.Ok("pdftotext", with, "-"));
        Assert.Contains("articles/draft.md", Attachments.Names(with));
    }

    [Fact]
    public void A_draft_being_written_does_not_stop_a_build_that_leaves_it_out()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md", "draft.md"),
            ("a.md", "---\ntitle: 本文\n---\n\n本文。\n"), ("draft.md", Draft + "\n![not yet taken](../images/missing.png)\n"));
        Build(folder, folder.Output("x.pdf"));
        var r = Cli.Run(folder.Path, "build", folder.Path, "--out", folder.Output("drafts.pdf"), "--drafts");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"draft\.md:\d+:\d+: error: .*missing\.png", r.StdErr);
    }

    [Fact]
    public void An_issue_of_drafts_only_is_an_error_that_says_what_to_do()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("en", "draft.md"), ("draft.md", Draft));
        var pdf = folder.Output("x.pdf");
        var r = Cli.Run(folder.Path, "build", folder.Path, "--out", pdf);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"issue\.yaml:7:5: error: every article of the issue is a draft .*--drafts", r.StdErr);
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public void A_font_whose_licence_does_not_allow_passing_it_on_is_not_attached_and_is_named()
    {
        using var folder = new IssueFolder(IssueFolder.Manifest("ja", "a.md") + "style:\n  fonts: { sans: closed.ttf }\n",
            ("a.md", "---\ntitle: 本文\n---\n\n## Heading\n\n本文。\n"));
        var closed = Path.Combine(folder.Path, "closed.ttf");
        File.WriteAllBytes(closed, RestrictedCopy(Repo.Path("fonts", "NotoSans-Regular.ttf")));
        var pdf = folder.Output("archive.pdf");
        var r = Build(folder, pdf, "--profile", "archive");
        Assert.DoesNotContain("closed.ttf", Attachments.Names(pdf));
        Assert.Matches(@"warning\[not-attached\]: the font closed\.ttf .*fsType \(0x0002\)", r.StdErr);
        using var record = JsonDocument.Parse(Attachments.Bytes(pdf, "build.json"));
        Assert.Contains(record.RootElement.GetProperty("left-out").EnumerateArray(), f => f.GetProperty("name").GetString() == "closed.ttf");
    }

    /// <summary>The font with OS/2 fsType "restricted licence embedding" (0x0002) and without its licence
    /// records (name IDs 13 and 14 renumbered), as a commercial font would be.</summary>
    private static byte[] RestrictedCopy(string font)
    {
        var bytes = File.ReadAllBytes(font);
        int tables = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(4));
        for (int i = 0; i < tables; i++)
        {
            var entry = 12 + (16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(bytes, entry, 4);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(entry + 8));
            if (tag == "OS/2")
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(offset + 8), 0x0002);
            if (tag == "name")
            {
                int count = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset + 2));
                for (int n = 0; n < count; n++)
                {
                    var id = bytes.AsSpan(offset + 6 + (12 * n) + 6, 2);
                    if (BinaryPrimitives.ReadUInt16BigEndian(id) is 13 or 14) BinaryPrimitives.WriteUInt16BigEndian(id, 300);
                }
            }
        }
        return bytes;
    }
}
