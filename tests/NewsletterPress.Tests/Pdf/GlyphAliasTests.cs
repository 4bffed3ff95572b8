using System.Buffers.Binary;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Shared;

namespace NewsletterPress.Tests.Pdf;

/// <summary>
/// One glyph drawn for two texts: IPAex Mincho draws 民 (U+6C11) and the radical ⺠ (U+2EA0)
/// with the same glyph. The second text gets an alias CID of its own (through a /CIDToGIDMap
/// stream), so readers that ignore /ActualText (mupdf) extract it exactly too.
/// </summary>
public sealed class GlyphAliasTests : IDisposable
{
    private const string Line = "長﨑の市民と⻄の人々。隣は⺠ではなく民。";

    private readonly TempFolder _temp = new();
    private readonly string _pdf;
    private readonly PdfInspector _inspector;

    public GlyphAliasTests()
    {
        _pdf = _temp.File("alias.pdf");
        PdfWriter.Write(Document(), _pdf);
        _inspector = new PdfInspector(_pdf);
    }

    public void Dispose() => _temp.Dispose();

    private static Display.DisplayDocument Document() =>
        SampleDocuments.SinglePage(TestShaper.Shape(RepositoryFonts.IpaexMincho, Line, 14, 56, 130, language: "ja"));

    [Fact]
    public void The_font_really_draws_the_ideograph_and_the_radical_with_one_glyph()
    {
        var glyph = TestShaper.GlyphOf(RepositoryFonts.IpaexMincho, 0x6C11);
        Assert.NotEqual(0u, glyph);
        Assert.Equal(glyph, TestShaper.GlyphOf(RepositoryFonts.IpaexMincho, 0x2EA0));
    }

    [Fact]
    public void Pdftotext_returns_exactly_the_source_code_points()
    {
        var text = PdfTools.Normalize(PdfTools.Ok("pdftotext", "-enc", "UTF-8", _pdf, "-"));
        Assert.Equal(Line, text);
    }

    [Fact]
    public void Mutool_returns_exactly_the_source_code_points_without_ActualText()
    {
        var text = PdfTools.Normalize(PdfTools.Ok("mutool", "draw", "-q", "-F", "txt", "-o", "-", _pdf));
        Assert.Equal(Line, text);
        Assert.Equal(1, text.Count(c => c == '\u2EA0'));
        Assert.Equal(2, text.Count(c => c == '\u6C11'));
        Assert.Contains("\uFA11", text);
        Assert.Contains("\u2EC4", text);
    }

    [Fact]
    public void The_alias_is_a_CID_above_the_glyph_ids_mapped_back_to_the_same_glyph()
    {
        var cidFont = _inspector.References.Select(_inspector.Object)
            .Single(o => _inspector.Has(o, "/Subtype") && o.GetProperty("/Subtype").GetString() == "/CIDFontType2");
        var mapRef = cidFont.GetProperty("/CIDToGIDMap").GetString()!;
        Assert.EndsWith(" R", mapRef); // a stream, not /Identity
        var map = _inspector.StreamData(mapRef);
        var glyph = TestShaper.GlyphOf(RepositoryFonts.IpaexMincho, 0x6C11);
        ushort Gid(int cid) => BinaryPrimitives.ReadUInt16BigEndian(map.AsSpan(cid * 2));
        Assert.Equal(glyph, Gid((int)glyph)); // identity for the glyph ids
        var aliasCid = map.Length / 2 - 1; // the one alias is the last CID
        Assert.True(aliasCid > glyph);
        Assert.Equal(glyph, Gid(aliasCid));

        var content = _inspector.PageContent(_inspector.Pages[0]);
        Assert.Contains(aliasCid.ToString("X4", System.Globalization.CultureInfo.InvariantCulture), content);
        Assert.DoesNotContain("ActualText", content);

        var qdf = PdfTools.Uncompressed(_pdf);
        Assert.Contains($"<{aliasCid:X4}> <2EA0>", qdf);
        Assert.Contains($"<{glyph:X4}> <6C11>", qdf);
        // /W gives the alias the glyph's width.
        var widths = _inspector.Get(cidFont, "/W").EnumerateArray().ToList();
        var at = widths.FindIndex(w => w.ValueKind == System.Text.Json.JsonValueKind.Number && w.GetInt32() == aliasCid);
        Assert.True(at >= 0, "/W has no entry for the alias CID");
        Assert.Equal([1000.0], PdfInspector.Numbers(widths[at + 1]));
    }

    [Fact]
    public void Readers_find_nothing_wrong()
    {
        var check = PdfTools.Run("qpdf", "--check", _pdf);
        Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
        Assert.DoesNotContain("WARNING", check.StdOut + check.StdErr);

        var gs = PdfTools.Run("gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=nullpage", _pdf);
        Assert.True(gs.ExitCode == 0, gs.StdErr);
        Assert.Equal("", gs.StdErr.Trim() + gs.StdOut.Trim());

        var fonts = PdfTools.Ok("pdffonts", _pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        var font = Assert.Single(fonts);
        Assert.Contains("CID TrueType", font);
        Assert.Matches(@"yes\s+yes\s+yes\s+\d+\s+0\s*$", font);
    }

    [Fact]
    public void The_radical_is_drawn_exactly_as_the_ideograph()
    {
        // The same place once with 民 then ⺠ (an alias), once with 民 twice: the pictures match.
        string Write(string name, string second)
        {
            var path = _temp.File(name);
            PdfWriter.Write(SampleDocuments.SinglePage(
                TestShaper.Shape(RepositoryFonts.IpaexMincho, "民", 40, 56, 100, language: "ja"),
                TestShaper.Shape(RepositoryFonts.IpaexMincho, second, 40, 56, 200, language: "ja")), path);
            return path;
        }
        var withAlias = Write("alias.pdf", "\u2EA0");
        var plain = Write("plain.pdf", "\u6C11");
        Assert.DoesNotContain("/CIDToGIDMap /Identity", PdfTools.Uncompressed(withAlias));

        foreach (var path in new[] { withAlias, plain })
        {
            PdfTools.Ok("pdftoppm", "-r", "72", "-gray", "-singlefile", path, path);
            PdfTools.Ok("mutool", "draw", "-q", "-r", "72", "-c", "gray", "-o", path + ".mu.pgm", path, "1");
        }
        var poppler = File.ReadAllBytes(withAlias + ".pgm");
        Assert.Contains(poppler, px => px < 128);
        Assert.True(poppler.SequenceEqual(File.ReadAllBytes(plain + ".pgm")), "poppler draws the alias differently from the glyph");
        Assert.True(File.ReadAllBytes(withAlias + ".mu.pgm").SequenceEqual(File.ReadAllBytes(plain + ".mu.pgm")),
            "mupdf draws the alias differently from the glyph");
    }

    [Fact]
    public void Output_is_byte_identical_across_writes()
    {
        Assert.Equal(PdfWriter.WriteToBytes(Document()), PdfWriter.WriteToBytes(Document()));
    }

    [Fact]
    public void Without_conflicting_uses_the_map_stays_Identity()
    {
        var path = _temp.File("plain.pdf");
        PdfWriter.Write(SampleDocuments.SinglePage(
            TestShaper.Shape(RepositoryFonts.IpaexMincho, "長﨑の市民と⻄の人々。民。", 14, 56, 130, language: "ja")), path);
        var qdf = PdfTools.Uncompressed(path);
        Assert.Contains("/CIDToGIDMap /Identity", qdf);
    }

    [Fact]
    public void The_archive_profile_maps_every_code_including_the_alias()
    {
        var path = _temp.File("archive.pdf");
        PdfWriter.Write(Document(), path, new PdfWriterOptions(Profile: PdfProfile.Archive));
        Assert.Equal(Line, PdfTools.Normalize(PdfTools.Ok("mutool", "draw", "-q", "-F", "txt", "-o", "-", path)));
        Assert.Equal(Line, PdfTools.Normalize(PdfTools.Ok("pdftotext", "-enc", "UTF-8", path, "-")));

        var inspector = new PdfInspector(path);
        var mapped = System.Text.RegularExpressions.Regex.Matches(PdfTools.Uncompressed(path), @"\n<([0-9A-F]{4})> <[0-9A-F]+>")
            .Select(m => m.Groups[1].Value).Where(c => c != "0000").ToHashSet();
        var content = inspector.PageContent(inspector.Pages[0]);
        var shown = System.Text.RegularExpressions.Regex.Matches(content, @"<([0-9A-F]+)>")
            .SelectMany(m => m.Groups[1].Value.Chunk(4).Select(c => new string(c))).ToHashSet();
        Assert.NotEmpty(shown);
        Assert.Subset(mapped, shown);
    }

    [Fact]
    public void Aliases_are_numbered_in_order_of_first_use_and_never_past_two_byte_codes()
    {
        var font = RepositoryFonts.IpaexMincho;
        var glyph = TestShaper.GlyphOf(font, 0x6C11);
        static Display.PlacedGlyph G(uint gid, string text) => new(gid, 0, 0, 10, text);
        var usage = new FontUsage(font, "F1");
        usage.Add(new Display.GlyphRun(font, 10, 0, 0, Ink.Black,
            [G(glyph, "\u6C11"), G(glyph, "\u2EA0"), G(glyph, "X"), G(glyph, "\u2EA0"), G(glyph, "\u6C11"),
             G(glyph, FontUsage.SoftHyphen)]));
        usage.AssignAliasCodes(0xFFFF);
        Assert.Equal(0xFFFFu, usage.AliasCode(glyph, "\u2EA0"));
        Assert.Null(usage.AliasCode(glyph, "X")); // no code left: shown through ActualText
        Assert.Null(usage.AliasCode(glyph, "\u6C11")); // the glyph's own text needs no alias
        Assert.Null(usage.AliasCode(glyph, FontUsage.SoftHyphen)); // discretionary hyphens keep their treatment
        Assert.Equal("\u6C11", usage.UnicodeOf(glyph));
        Assert.Equal([(glyph, "\u2EA0")], usage.CodedAliases.Select(a => (a.GlyphId, a.Text)));
    }
}
