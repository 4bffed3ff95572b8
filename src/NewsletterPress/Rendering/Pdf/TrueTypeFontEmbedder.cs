using System.Security.Cryptography;
using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Embeds a TrueType font as a composite font: a Type 0 font (ISO 32000-1 §9.7.6) with
/// /Encoding /Identity-H over a CIDFontType2 descendant (§9.7.4) whose /CIDToGIDMap is
/// /Identity. The subset keeps the original glyph ids (hb-subset RETAIN_GIDS), so the
/// codes in content streams are simply the glyph ids HarfBuzz shaped with.
/// </summary>
internal static class TrueTypeFontEmbedder
{
    public static void Embed(PdfObjectWriter writer, PdfRef type0Ref, FontUsage usage, FontProgram program)
    {
        var fontFile = FontSubsetter.Subset(program.Face, usage.Glyphs, program.Source.FilePath);
        var baseFont = SubsetTag(usage, program) + "+" + PostScriptName(program);

        var cidFontRef = writer.Allocate();
        var descriptorRef = writer.Allocate();
        var fontFileRef = writer.Allocate();
        var toUnicodeRef = writer.Allocate();

        // §9.7.6.1 Type 0 font dictionary.
        writer.WriteObject(type0Ref, new PdfDictionary("Font")
            .Name("Subtype", "Type0")
            .Name("BaseFont", baseFont)
            .Name("Encoding", "Identity-H")
            .Array("DescendantFonts", new PdfArray().Ref(cidFontRef))
            .Ref("ToUnicode", toUnicodeRef));

        // §9.7.4 CIDFont dictionary; §9.7.3 CIDSystemInfo (Adobe-Identity-0 for Identity-H).
        writer.WriteObject(cidFontRef, new PdfDictionary("Font")
            .Name("Subtype", "CIDFontType2")
            .Name("BaseFont", baseFont)
            .Dict("CIDSystemInfo", new PdfDictionary()
                .LiteralString("Registry", "Adobe")
                .LiteralString("Ordering", "Identity")
                .Integer("Supplement", 0))
            .Ref("FontDescriptor", descriptorRef)
            .Array("W", Widths(usage, program))
            .Name("CIDToGIDMap", "Identity"));

        writer.WriteObject(descriptorRef, FontDescriptor(baseFont, program, fontFileRef));

        // §9.9 embedded font program; /Length1 is the length of the uncompressed TrueType data.
        writer.WriteStream(fontFileRef, new PdfDictionary().Integer("Length1", fontFile.Length), fontFile);

        writer.WriteStream(toUnicodeRef, new PdfDictionary(), ToUnicodeCMap.Build(usage.UnicodeMappings()));
    }

    /// <summary>§9.7.4.3 glyph widths: "c [w1 w2 …]" for each run of consecutive glyph ids.</summary>
    private static PdfArray Widths(FontUsage usage, FontProgram program)
    {
        var result = new PdfArray();
        PdfArray? current = null;
        uint previous = 0;
        foreach (var gid in usage.Glyphs.Append(0u).Distinct().Order())
        {
            if (current is null || gid != previous + 1)
            {
                if (current is not null)
                    result.Array(current);
                result.Integer(gid);
                current = new PdfArray();
            }
            current.Number(program.Width(gid));
            previous = gid;
        }
        if (current is not null)
            result.Array(current);
        return result;
    }

    /// <summary>§9.8 font descriptor, values from head/hhea/OS/2/post scaled to 1000 units per em.</summary>
    private static PdfDictionary FontDescriptor(string baseFont, FontProgram program, PdfRef fontFileRef)
    {
        var t = program.Tables;
        return new PdfDictionary("FontDescriptor")
            .Name("FontName", baseFont)
            .Integer("Flags", Flags(t))
            .Array("FontBBox", PdfArray.Of(
                Math.Round(program.Scale(t.XMin)), Math.Round(program.Scale(t.YMin)),
                Math.Round(program.Scale(t.XMax)), Math.Round(program.Scale(t.YMax))))
            .Number("ItalicAngle", Math.Round(t.ItalicAngle, 2))
            .Number("Ascent", Math.Round(program.Scale(t.Ascender)))
            .Number("Descent", Math.Round(program.Scale(t.Descender)))
            .Number("CapHeight", Math.Round(program.Scale(t.CapHeight ?? t.Ascender)))
            .Number("StemV", StemV(t.WeightClass))
            .Ref("FontFile2", fontFileRef);
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
    private static string PostScriptName(FontProgram program)
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
