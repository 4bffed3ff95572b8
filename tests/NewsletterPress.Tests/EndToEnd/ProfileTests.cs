using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>vol-11 through the command line's print and archive profiles, read back by real tools.</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "np-profiles-" + Guid.NewGuid().ToString("N"));

    public ProfileTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string Build(string issueFolder, string profile, string name)
    {
        var pdf = Path.Combine(_folder, name);
        var r = Cli.Run(Repo.Root, "build", issueFolder, "--profile", profile, "--out", pdf);
        Assert.True(r.ExitCode == 0, r.StdErr);
        return pdf;
    }

    [Fact]
    public void The_archive_pdf_carries_the_issue_folder_and_its_fonts_and_rebuilds_byte_for_byte_from_them()
    {
        var pdf = Build("issues/vol-11", "archive", "vol-11-archive.pdf");
        var names = Attachments.Names(pdf);
        var expected = Directory.EnumerateFiles(Repo.Vol11, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Vol11, f).Replace('\\', '/')).Append("build.json").Order(StringComparer.Ordinal).ToList();
        // The fonts come from the tool's fonts/ folder, outside the issue folder: the archive carries them under fonts/.
        static bool IsFont(string name) => name.StartsWith("fonts/", StringComparison.Ordinal);
        Assert.Equal(expected, names.Where(n => !IsFont(n)));
        var fonts = names.Where(IsFont).ToList();
        Assert.Contains("fonts/ipaexm.ttf", fonts);
        Assert.Contains("fonts/LiberationSerif-Regular.ttf", fonts);
        Assert.Contains("fonts/LICENSE-IPAex.txt", fonts);

        var restored = Path.Combine(_folder, "restored", "vol-11");
        foreach (var name in names)
        {
            var target = Path.Combine(restored, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var bytes = Attachments.Bytes(pdf, name);
            if (name != "build.json")
                Assert.Equal(File.ReadAllBytes(IsFont(name) ? Repo.Path("fonts", name[6..]) : Path.Combine(Repo.Vol11, name)), bytes);
            File.WriteAllBytes(target, bytes);
        }
        var rebuilt = Build(restored, "archive", "rebuilt.pdf");
        Assert.Equal(File.ReadAllBytes(pdf), File.ReadAllBytes(rebuilt));
    }

    [Fact]
    public void The_archive_pdf_claims_PDFA_3u_and_is_tagged()
    {
        var pdf = Build("issues/vol-11", "archive", "vol-11-archive.pdf");
        var raw = PdfTools.Uncompressed(pdf);
        Assert.Contains("<pdfaid:part>3</pdfaid:part>", raw);
        Assert.Contains("<pdfaid:conformance>U</pdfaid:conformance>", raw);
        Assert.Contains("/StructTreeRoot", raw);
        Assert.Matches(@"/Marked\s+true", raw);
        var gs = PdfTools.Run("gs", "-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=nullpage", pdf);
        Assert.Equal("", gs.StdOut + gs.StdErr);
    }

    [Fact]
    public void The_print_pdf_has_an_A4_trim_box_inside_a_bleed_box_and_black_text_in_K_only()
    {
        var pdf = Build("issues/vol-11", "print", "vol-11-print.pdf");
        var boxes = PdfTools.Ok("pdfinfo", "-box", pdf);
        Assert.Matches(@"TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", boxes);
        var trim = System.Text.RegularExpressions.Regex.Match(boxes, @"TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)");
        double W(int i) => double.Parse(trim.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(595.28, W(3) - W(1), 1);
        Assert.Equal(841.89, W(4) - W(2), 1);
        var raw = PdfTools.Uncompressed(pdf);
        Assert.Contains("/GTS_PDFXVersion", raw);
        Assert.Matches(@"/Trapped\s*/False", raw);
        // Every text object that sets a fill colour for black text uses K only.
        Assert.DoesNotMatch(@"\b0 g\b", raw);
        Assert.Contains("0 0 0 1 k", raw);
        Assert.Equal(0, PdfTools.Run("qpdf", "--check", pdf).ExitCode);
    }

    [Fact]
    public void PdfX1a_stops_at_a_print_condition_it_cannot_convert_RGB_images_into_naming_the_profile_and_writes_nothing()
    {
        // The shop's profile with an ICC v4 table ('mBA ') where FOGRA39 has lut16: the RGB image cannot become CMYK.
        var icc = CmykConversionTests.Fogra39WithV4Table();
        var manifest = IssueFolder.Manifest("ja", "a.md") + "style:\n  print-condition: { icc: shop.icc, identifier: JC200103 }\n";
        using var folder = new IssueFolder(manifest, ("a.md", "---\ntitle: T\n---\n\n本文。\n\n![図](chart.png)\n"));
        File.WriteAllBytes(Path.Combine(folder.Path, "shop.icc"), icc);
        File.Copy(Repo.Path("samples", "figures-and-tables", "images", "chart.png"), Path.Combine(folder.Path, "articles", "chart.png"));

        var pdf = Path.Combine(_folder, "x1a.pdf");
        var r = Cli.Run(Repo.Root, "build", folder.Path, "--profile", "print-x1a", "--out", pdf);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("shop.icc: error: The print condition's ICC profile 'shop.icc' stores its 'B2A0' table as 'mBA ' (lutBToAType", r.StdErr);
        Assert.False(File.Exists(pdf));
        Build(folder.Path, "print", "x4.pdf"); // PDF/X-4 keeps the image in RGB and converts nothing
    }

    [Fact]
    public void The_print_condition_of_the_style_becomes_the_output_intent()
    {
        // The repository's own FOGRA39 profile stands in for the shop's Japan Color profile.
        var icc = Repo.Path("src", "NewsletterPress", "Rendering", "Pdf", "Profiles", "NewsletterPress-FOGRA39.icc");
        var manifest = IssueFolder.Manifest("ja", "a.md") +
            "style:\n  print-condition: { icc: shop.icc, identifier: JC200103, condition: Japan Color 2001 Coated }\n";
        using var folder = new IssueFolder(manifest, ("a.md", "---\ntitle: T\n---\n\n本文。\n"));
        File.Copy(icc, Path.Combine(folder.Path, "shop.icc"));
        var pdf = Build(folder.Path, "print", "shop.pdf");
        var raw = PdfTools.Uncompressed(pdf);
        Assert.Contains("/OutputConditionIdentifier (JC200103)", raw);
        Assert.Contains("Japan Color 2001 Coated", raw);

        // An RGB profile is not a printing condition: a clear error, and no file.
        File.Copy(Repo.Path("src", "NewsletterPress", "Rendering", "Pdf", "Profiles", "sRGB.icc"), Path.Combine(folder.Path, "shop.icc"), overwrite: true);
        var bad = Path.Combine(_folder, "bad.pdf");
        var r = Cli.Run(Repo.Root, "build", folder.Path, "--profile", "print", "--out", bad);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not a CMYK printer profile", r.StdErr);
        Assert.False(File.Exists(bad));
    }
}
