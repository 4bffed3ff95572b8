namespace NewsletterPress.Rendering.Pdf;

// Typed writers for composite fonts (ISO 32000-1 §9.7) and their descriptors (§9.8).

/// <summary>Type 0 font dictionary (§9.7.6.1, Table 121).</summary>
internal sealed class Type0Font
{
    public PdfDictionary Dictionary { get; } = new PdfDictionary("Font").Name("Subtype", "Type0");

    public Type0Font BaseFont(string name) { Dictionary.Name("BaseFont", name); return this; }

    /// <summary>/Encoding: a predefined CMap name; Identity-H maps 2-byte codes to the same CIDs.</summary>
    public Type0Font Encoding(string cmapName) { Dictionary.Name("Encoding", cmapName); return this; }

    /// <summary>/DescendantFonts: the one CIDFont.</summary>
    public Type0Font DescendantFont(PdfRef cidFont) { Dictionary.Array("DescendantFonts", new PdfArray().Ref(cidFont)); return this; }

    /// <summary>/ToUnicode: CMap from codes to text (§9.10.3).</summary>
    public Type0Font ToUnicode(PdfRef cmap) { Dictionary.Ref("ToUnicode", cmap); return this; }
}

/// <summary>CIDFont dictionary (§9.7.4.1, Table 117).</summary>
internal sealed class CidFont
{
    public CidFont(CidFontType subtype) => Dictionary = new PdfDictionary("Font").Name("Subtype", subtype.ToString());

    public PdfDictionary Dictionary { get; }

    public CidFont BaseFont(string name) { Dictionary.Name("BaseFont", name); return this; }

    /// <summary>/CIDSystemInfo (§9.7.3, Table 116).</summary>
    public CidFont CidSystemInfo(string registry, string ordering, int supplement)
    {
        Dictionary.Dict("CIDSystemInfo", new PdfDictionary()
            .LiteralString("Registry", registry)
            .LiteralString("Ordering", ordering)
            .Integer("Supplement", supplement));
        return this;
    }

    public CidFont FontDescriptor(PdfRef descriptor) { Dictionary.Ref("FontDescriptor", descriptor); return this; }

    /// <summary>/W: glyph widths (§9.7.4.3) in 1/1000 text space units.</summary>
    public CidFont W(PdfArray widths) { Dictionary.Array("W", widths); return this; }

    /// <summary>/CIDToGIDMap /Identity (CIDFontType2 only): CID n is glyph n.</summary>
    public CidFont IdentityCidToGidMap() { Dictionary.Name("CIDToGIDMap", "Identity"); return this; }

    /// <summary>/CIDToGIDMap stream (CIDFontType2 only): the glyph of CID n is the big-endian 2-byte number at 2n.</summary>
    public CidFont CidToGidMap(PdfRef stream) { Dictionary.Ref("CIDToGIDMap", stream); return this; }
}

/// <summary>Font descriptor (§9.8.1, Table 122); values in glyph space (1000 units per em).</summary>
internal sealed class FontDescriptor
{
    public PdfDictionary Dictionary { get; } = new("FontDescriptor");

    public FontDescriptor FontName(string name) { Dictionary.Name("FontName", name); return this; }
    public FontDescriptor Flags(int flags) { Dictionary.Integer("Flags", flags); return this; }
    public FontDescriptor FontBBox(double xMin, double yMin, double xMax, double yMax) { Dictionary.Array("FontBBox", PdfArray.Of(xMin, yMin, xMax, yMax)); return this; }
    public FontDescriptor ItalicAngle(double degrees) { Dictionary.Number("ItalicAngle", degrees); return this; }
    public FontDescriptor Ascent(double value) { Dictionary.Number("Ascent", value); return this; }
    public FontDescriptor Descent(double value) { Dictionary.Number("Descent", value); return this; }
    public FontDescriptor CapHeight(double value) { Dictionary.Number("CapHeight", value); return this; }
    public FontDescriptor StemV(double value) { Dictionary.Number("StemV", value); return this; }

    /// <summary>/FontFile2: an embedded TrueType program (§9.9).</summary>
    public FontDescriptor FontFile2(PdfRef stream) { Dictionary.Ref("FontFile2", stream); return this; }

    /// <summary>/FontFile3: an embedded program whose format the stream's /Subtype names (§9.9, Table 126).</summary>
    public FontDescriptor FontFile3(PdfRef stream) { Dictionary.Ref("FontFile3", stream); return this; }
}

/// <summary>CIDFont subtypes (§9.7.4.1): CFF glyph descriptions, or TrueType.</summary>
internal enum CidFontType { CIDFontType0, CIDFontType2 }

/// <summary>/Subtype of a FontFile3 stream (§9.9, Table 126).</summary>
internal enum FontFile3Subtype { CIDFontType0C, OpenType }
