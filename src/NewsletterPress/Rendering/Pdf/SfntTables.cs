using System.Buffers.Binary;
using System.Text;
using HarfBuzzSharp;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>Which kind of glyph outlines a font carries; it decides the PDF font type.</summary>
internal enum FontOutlines
{
    None,
    /// <summary>'glyf' table: embedded as CIDFontType2 with FontFile2.</summary>
    TrueType,
    /// <summary>'CFF ' table without ROS: embedded as CIDFontType0 with FontFile3 /OpenType; CIDs are glyph ids.</summary>
    NameKeyedCff,
    /// <summary>'CFF ' table with ROS: embedded like name-keyed CFF, but codes are CIDs from the font's charset.</summary>
    CidKeyedCff,
    /// <summary>'CFF2' (variable) outlines: not supported.</summary>
    Cff2,
}

/// <summary>
/// The few font-wide values a PDF font descriptor needs, read from the OpenType tables
/// (head, hhea, OS/2, post, name; see the OpenType specification) in font units.
/// </summary>
internal sealed record SfntTables(
    int UnitsPerEm,
    short XMin, short YMin, short XMax, short YMax,
    short Ascender, short Descender,
    short? CapHeight,
    ushort WeightClass,
    byte FamilyClass,
    ushort FsSelection,
    double ItalicAngle,
    bool IsFixedPitch,
    string? PostScriptName,
    FontOutlines Outlines)
{
    public static SfntTables Read(Face face)
    {
        var head = Table(face, "head");
        var hhea = Table(face, "hhea");
        var os2 = Table(face, "OS/2");
        var post = Table(face, "post");
        var name = Table(face, "name");
        if (head.Length < 54 || hhea.Length < 36)
            throw new InvalidDataException("the font has no valid 'head' and 'hhea' tables");
        if (U16(head, 18) is < 16 or > 16384)
            throw new InvalidDataException($"the font's 'head' table gives {U16(head, 18)} units per em; OpenType allows 16 to 16384");

        short? capHeight = os2.Length >= 90 && U16(os2, 0) >= 2 ? S16(os2, 88) : null;
        return new SfntTables(
            UnitsPerEm: U16(head, 18),
            XMin: S16(head, 36), YMin: S16(head, 38), XMax: S16(head, 40), YMax: S16(head, 42),
            Ascender: S16(hhea, 4), Descender: S16(hhea, 6),
            CapHeight: capHeight,
            WeightClass: os2.Length >= 6 ? U16(os2, 4) : (ushort)400,
            FamilyClass: os2.Length >= 32 ? os2[30] : (byte)0,
            FsSelection: os2.Length >= 64 ? U16(os2, 62) : (ushort)0,
            ItalicAngle: post.Length >= 16 ? BinaryPrimitives.ReadInt32BigEndian(post.AsSpan(4)) / 65536.0 : 0,
            IsFixedPitch: post.Length >= 16 && BinaryPrimitives.ReadUInt32BigEndian(post.AsSpan(12)) != 0,
            PostScriptName: ReadPostScriptName(name),
            Outlines: OutlinesOf(face));
    }

    private static FontOutlines OutlinesOf(Face face)
    {
        if (HasTable(face, "glyf"))
            return FontOutlines.TrueType;
        var cff = Table(face, "CFF ");
        if (cff.Length > 0)
            return CffCharset.Read(cff).IsCidKeyed ? FontOutlines.CidKeyedCff : FontOutlines.NameKeyedCff;
        return HasTable(face, "CFF2") ? FontOutlines.Cff2 : FontOutlines.None;
    }

    /// <summary>Whether the font has the table, without copying it (a CJK font's 'glyf' is megabytes).</summary>
    private static bool HasTable(Face face, string tag)
    {
        using var blob = face.ReferenceTable(Tag.Parse(tag));
        return blob.Length > 0;
    }

    internal static byte[] Table(Face face, string tag)
    {
        using var blob = face.ReferenceTable(Tag.Parse(tag));
        return blob.AsSpan().ToArray();
    }

    private static ushort U16(byte[] data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset));
    private static short S16(byte[] data, int offset) => BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(offset));

    /// <summary>Name id 6, preferring the Windows Unicode record (platform 3) over Macintosh Roman (platform 1).</summary>
    private static string? ReadPostScriptName(byte[] name)
    {
        if (name.Length < 6)
            return null;
        int count = U16(name, 2), stringOffset = U16(name, 4);
        string? mac = null;
        for (var i = 0; i < count; i++)
        {
            var record = 6 + (i * 12);
            if (record + 12 > name.Length)
                break;
            int platform = U16(name, record), nameId = U16(name, record + 6);
            int length = U16(name, record + 8), offset = stringOffset + U16(name, record + 10);
            if (nameId != 6 || offset + length > name.Length)
                continue;
            if (platform == 3)
                return Encoding.BigEndianUnicode.GetString(name, offset, length);
            if (platform == 1)
                mac ??= Encoding.Latin1.GetString(name, offset, length);
        }
        return mac;
    }
}
