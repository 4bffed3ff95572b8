using HarfBuzzSharp;
using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Tests.Pdf;

public sealed class CffCharsetTests
{
    /// <summary>A minimal CFF: header, a one-name Name INDEX, a Top DICT INDEX holding <paramref name="topDict"/>, then <paramref name="tail"/>.</summary>
    private static byte[] Cff(byte[] topDict, params byte[] tail) =>
    [
        1, 0, 4, 1,                                          // header: version 1.0, hdrSize 4, offSize 1
        0, 1, 1, 1, 2, (byte)'A',                            // Name INDEX: count 1, offSize 1, offsets 1 2, "A"
        0, 1, 1, 1, (byte)(1 + topDict.Length), .. topDict,  // Top DICT INDEX (starts at 10, data at 15)
        .. tail,
    ];

    /// <summary>A CID-keyed Top DICT (17 bytes, so what follows starts at 32): ROS, charset at 32, CharStrings at <paramref name="charStrings"/>.</summary>
    private static byte[] CidTopDict(int charStrings) =>
    [
        28, 1, 135, 28, 1, 136, 139, 12, 30,   // ROS: Registry SID 391, Ordering SID 392, Supplement 0
        28, 0, 32, 15,                         // charset
        28, 0, (byte)charStrings, 17,          // CharStrings
    ];

    /// <summary>A CharStrings INDEX of four empty-ish glyphs (only its count is read).</summary>
    private static readonly byte[] FourCharStrings = [0, 4, 1, 1, 2, 3, 4, 5, 14, 14, 14, 14];

    [Fact]
    public void A_CID_keyed_font_maps_glyphs_to_CIDs_through_a_format_2_charset()
    {
        // charset format 2 at 32: glyphs 1..3 are CIDs 100..102 (5 bytes), CharStrings at 37.
        var charset = CffCharset.Read(Cff(CidTopDict(37), [2, 0, 100, 0, 2, .. FourCharStrings]));
        Assert.True(charset.IsCidKeyed);
        Assert.Equal([0u, 100u, 101u, 102u], Enumerable.Range(0, 4).Select(g => charset.CidOf((uint)g)));
    }

    [Fact]
    public void A_CID_keyed_font_maps_glyphs_to_CIDs_through_a_format_0_charset()
    {
        // charset format 0 at 32: glyphs 1..3 are CIDs 7, 9, 11 (7 bytes), CharStrings at 39.
        var charset = CffCharset.Read(Cff(CidTopDict(39), [0, 0, 7, 0, 9, 0, 11, .. FourCharStrings]));
        Assert.Equal([0u, 7u, 9u, 11u], Enumerable.Range(0, 4).Select(g => charset.CidOf((uint)g)));
        Assert.Throws<InvalidDataException>(() => charset.CidOf(4));
    }

    [Fact]
    public void A_Top_DICT_without_ROS_is_name_keyed_and_glyph_ids_are_the_codes()
    {
        // A real (30 … f), a 5-byte integer, CharStrings offset (17), ItalicAngle (12 2).
        var charset = CffCharset.Read(Cff([30, 0x0a, 0x1f, 29, 0, 0, 1, 0, 17, 139, 12, 2]));
        Assert.False(charset.IsCidKeyed);
        Assert.Equal(1234u, charset.CidOf(1234));
    }

    [Fact]
    public void A_real_name_keyed_OpenType_font_is_recognised()
    {
        using var blob = Blob.FromFile("/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf");
        using var face = new Face(blob, 0);
        using var table = face.ReferenceTable(Tag.Parse("CFF "));
        Assert.True(table.Length > 0);
        Assert.False(CffCharset.Read(table.AsSpan()).IsCidKeyed);
    }
}
