using System.Security.Cryptography;
using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Embeds a font as a composite font: a Type 0 font (ISO 32000-1 §9.7.6) with /Encoding
/// /Identity-H over a CIDFont (§9.7.4). The subset keeps the original glyph ids (hb-subset
/// RETAIN_GIDS), so the codes in content streams are simply the glyph ids HarfBuzz shaped with:
/// TrueType becomes CIDFontType2 with /CIDToGIDMap /Identity and FontFile2; name-keyed CFF
/// becomes CIDFontType0 with the whole OpenType subset as FontFile3 /OpenType (§9.9, Table 126),
/// where CIDs are used directly as glyph indices (§9.7.4.2); CID-keyed CFF is embedded the same
/// way, but its codes are the CIDs of the font's charset, which hb-subset keeps (see FontProgram.CodeOf).
/// When a TrueType glyph is drawn for two different texts (民 and the radical ⺠ in IPAex Mincho),
/// each further text gets an alias CID above the glyph ids, and /CIDToGIDMap becomes a stream that
/// sends the alias back to the glyph; CFF fonts have no such map, so they keep /ActualText there.
/// </summary>
internal static class CompositeFontEmbedder
{
    public static void Embed(PdfObjectWriter writer, PdfRef type0Ref, FontUsage usage, FontProgram program, bool mapEveryGlyph = false)
    {
        var fontFile = FontSubsetter.Subset(program.Face, usage.Glyphs, program.Source.FilePath,
            retainGlyphIds: program.Tables.Outlines != FontOutlines.CidKeyedCff);
        var baseFont = SubsetTag(usage, program) + "+" + PostScriptName(program);

        var cidFontRef = writer.Allocate();
        var descriptorRef = writer.Allocate();
        var fontFileRef = writer.Allocate();
        var toUnicodeRef = writer.Allocate();

        writer.WriteObject(type0Ref, new Type0Font()
            .BaseFont(baseFont)
            .Encoding("Identity-H")
            .DescendantFont(cidFontRef)
            .ToUnicode(toUnicodeRef)
            .Dictionary);

        var isTrueType = program.Tables.Outlines == FontOutlines.TrueType;
        // Identity-H goes with the Adobe-Identity-0 character collection (§9.7.3).
        var cidFont = new CidFont(isTrueType ? CidFontType.CIDFontType2 : CidFontType.CIDFontType0)
            .BaseFont(baseFont)
            .CidSystemInfo("Adobe", "Identity", 0)
            .FontDescriptor(descriptorRef)
            .W(Widths(usage, program));
        var aliases = usage.CodedAliases.ToList();
        PdfRef? cidToGidRef = null;
        if (isTrueType && aliases.Count == 0)
        {
            cidFont.IdentityCidToGidMap();
        }
        else if (isTrueType)
        {
            cidToGidRef = writer.Allocate();
            cidFont.CidToGidMap(cidToGidRef.Value);
        }
        writer.WriteObject(cidFontRef, cidFont.Dictionary);
        if (cidToGidRef is { } mapRef)
            writer.WriteStream(mapRef, new PdfDictionary(), CidToGidMap(aliases, (uint)program.Face.GlyphCount), compress: true);

        var descriptor = FontDescriptor(baseFont, program);
        if (isTrueType)
            descriptor.FontFile2(fontFileRef);
        else
            descriptor.FontFile3(fontFileRef);
        writer.WriteObject(descriptorRef, descriptor.Dictionary);

        // §9.9 embedded font program. FontFile2 wants /Length1, the uncompressed length;
        // FontFile3 names its format in /Subtype.
        PdfDictionary fontFileDict;
        if (isTrueType)
        {
            fontFileDict = new PdfDictionary().Integer("Length1", fontFile.Length);
        }
        else if (program.Tables.Outlines == FontOutlines.CidKeyedCff)
        {
            // The bare CFF (§9.9, /CIDFontType0C): poppler maps CIDs through the charset of a
            // bare CID-keyed CFF, but not through one wrapped in OpenType.
            fontFile = BareCff(fontFile, program.Source.FilePath);
            fontFileDict = new PdfDictionary().Name("Subtype", nameof(FontFile3Subtype.CIDFontType0C));
        }
        else
        {
            fontFileDict = new PdfDictionary().Name("Subtype", nameof(FontFile3Subtype.OpenType));
        }
        writer.WriteStream(fontFileRef, fontFileDict, fontFile);

        var toUnicode = usage.UnicodeMappings(mapEveryGlyph)
            .Select(m => (program.CodeOf(m.GlyphId), m.Text))
            .Concat(aliases.Select(a => (a.Code!.Value, a.Text)))
            .OrderBy(m => m.Item1);
        writer.WriteStream(toUnicodeRef, new PdfDictionary(), ToUnicodeCMap.Build(toUnicode));
    }

    /// <summary>The 'CFF ' table of an OpenType font program.</summary>
    private static byte[] BareCff(byte[] openType, string fontFile)
    {
        using var blob = HarfBuzzSharp.Blob.FromStream(new MemoryStream(openType));
        using var face = new HarfBuzzSharp.Face(blob, 0);
        var cff = SfntTables.Table(face, "CFF ");
        if (cff.Length == 0)
            throw new PdfWriterException($"Could not subset font '{fontFile}': the subset has no 'CFF ' table.") { File = fontFile };
        return cff;
    }

    /// <summary>
    /// §9.7.4.2 CIDToGIDMap stream: 2 bytes (big-endian glyph id) for every CID from 0 to the
    /// highest alias; CIDs below the glyph count map to themselves, each alias to its glyph.
    /// </summary>
    private static byte[] CidToGidMap(IReadOnlyList<FontUsage.Alias> aliases, uint glyphCount)
    {
        var cids = Math.Max(glyphCount, aliases.Max(a => a.Code!.Value) + 1);
        var map = new byte[cids * 2];
        for (uint cid = 0; cid < glyphCount; cid++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(map.AsSpan((int)cid * 2), (ushort)cid);
        foreach (var alias in aliases)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(map.AsSpan((int)alias.Code!.Value * 2), (ushort)alias.GlyphId);
        return map;
    }

    /// <summary>§9.7.4.3 glyph widths, keyed by code (CID): "c [w1 w2 …]" for each run of consecutive codes.</summary>
    private static PdfArray Widths(FontUsage usage, FontProgram program)
    {
        var result = new PdfArray();
        PdfArray? current = null;
        uint previous = 0;
        var byCode = usage.Glyphs.Append(0u).Distinct()
            .Select(gid => (Code: program.CodeOf(gid), Width: program.Width(gid)))
            .Concat(usage.CodedAliases.Select(a => (Code: a.Code!.Value, Width: program.Width(a.GlyphId))))
            .OrderBy(w => w.Code);
        foreach (var (code, width) in byCode)
        {
            if (current is null || code != previous + 1)
            {
                if (current is not null)
                    result.Array(current);
                result.Integer(code);
                current = new PdfArray();
            }
            current.Number(width);
            previous = code;
        }
        if (current is not null)
            result.Array(current);
        return result;
    }

    /// <summary>§9.8 font descriptor, values from head/hhea/OS/2/post scaled to 1000 units per em.</summary>
    private static FontDescriptor FontDescriptor(string baseFont, FontProgram program)
    {
        var t = program.Tables;
        return new FontDescriptor()
            .FontName(baseFont)
            .Flags(Flags(t))
            .FontBBox(
                Math.Round(program.Scale(t.XMin)), Math.Round(program.Scale(t.YMin)),
                Math.Round(program.Scale(t.XMax)), Math.Round(program.Scale(t.YMax)))
            .ItalicAngle(Math.Round(t.ItalicAngle, 2))
            .Ascent(Math.Round(program.Scale(t.Ascender)))
            .Descent(Math.Round(program.Scale(t.Descender)))
            .CapHeight(Math.Round(program.Scale(t.CapHeight ?? t.Ascender)))
            .StemV(StemV(t.WeightClass));
    }

    /// <summary>§9.8.2 font flags. Symbolic (bit 3) because the glyphs go beyond the standard
    /// Latin character set and are addressed by glyph id, not by a named encoding.</summary>
    private static int Flags(SfntTables t)
    {
        const int fixedPitch = 1 << 0, serif = 1 << 1, symbolic = 1 << 2, italic = 1 << 6;
        var flags = symbolic;
        if (t.IsFixedPitch)
            flags |= fixedPitch;
        // OS/2 sFamilyClass 1..5 and 7 are the serif classes (IBM font class parameters).
        if (t.FamilyClass is >= 1 and <= 5 or 7)
            flags |= serif;
        if (t.ItalicAngle != 0 || (t.FsSelection & 1) != 0)
            flags |= italic;
        return flags;
    }

    /// <summary>
    /// The fonts carry no stem width, so estimate it from the weight class (a common
    /// approximation: about 88 for Regular, 166 for Bold). Viewers only use it for substitution.
    /// </summary>
    private static double StemV(ushort weightClass) => Math.Round(50 + Math.Pow(weightClass / 65.0, 2));

    /// <summary>§9.6.4 subset tag: six uppercase letters, here from a hash of the font name and glyph set,
    /// so the same subset gets the same tag in every build.</summary>
    private static string SubsetTag(FontUsage usage, FontProgram program)
    {
        var key = new StringBuilder(PostScriptName(program)).Append('|').Append(program.Source.FaceIndex);
        foreach (var gid in usage.Glyphs)
            key.Append(',').Append(gid);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString()));
        var tag = new char[6];
        for (var i = 0; i < tag.Length; i++)
            tag[i] = (char)('A' + (hash[i] % 26));
        return new string(tag);
    }

    /// <summary>The PostScript name (name id 6), or the file name, reduced to characters allowed in a PostScript name.</summary>
    internal static string PostScriptName(FontProgram program)
    {
        var raw = program.Tables.PostScriptName;
        if (string.IsNullOrWhiteSpace(raw))
            raw = Path.GetFileNameWithoutExtension(program.Source.FilePath);
        var sb = new StringBuilder();
        foreach (var c in raw)
        {
            if (c is > ' ' and < (char)0x7f && !"()<>[]{}/%#".Contains(c))
                sb.Append(c);
        }
        return sb.Length > 0 ? sb.ToString() : "Font";
    }
}
