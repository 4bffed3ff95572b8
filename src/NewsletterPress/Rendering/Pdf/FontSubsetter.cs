using System.Runtime.InteropServices;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Subsets a font with HarfBuzz's hb-subset. Hand-written P/Invoke because HarfBuzzSharp
/// has no managed subset API, while the native library it ships exports hb_subset_*.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>hb_subset_flags_t: drop hinting instructions (smaller; PDF viewers hint themselves).</summary>
    private const uint NoHinting = 0x1;

    /// <summary>hb_subset_flags_t: keep glyph ids (unused glyphs become empty), so content streams
    /// can show the original glyph id through /CIDToGIDMap /Identity.</summary>
    private const uint RetainGids = 0x2;

    /// <summary>hb_subset_sets_t: the tables hb-subset leaves out of the subset.</summary>
    private const int DropTableTagSet = 3;

    /// <summary>
    /// The OpenType layout tables, left out: they tell a shaper which glyphs to choose and how to place them, which
    /// HarfBuzz has done before the PDF is written, and no PDF viewer reads them (the codes and /W say what to draw
    /// where). Keeping them cost hb-subset a closure over the substitutions of the glyphs used and a subset of each
    /// table (a sixth of subsetting vol-11), and made its PDF 7 % larger.
    /// </summary>
    private static readonly uint[] LayoutTables = [Tag("GSUB"), Tag("GPOS"), Tag("GDEF")];

    /// <summary>
    /// Returns a font program (TrueType or OpenType/CFF, as the input) with the outlines of
    /// <paramref name="glyphIds"/> of <paramref name="face"/> (plus .notdef and composite parts,
    /// which hb-subset adds itself), or throws with the font's file named.
    /// </summary>
    /// <param name="retainGlyphIds">Keep glyph ids (TrueType, name-keyed CFF). Off for CID-keyed CFF,
    /// whose subset keeps each glyph's CID in its charset, and renumbering spares a 65 535-entry
    /// CharStrings INDEX.</param>
    public static byte[] Subset(HarfBuzzSharp.Face face, IEnumerable<uint> glyphIds, string fontFile, bool retainGlyphIds = true)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
            throw new PdfWriterException($"Could not subset font '{fontFile}': hb-subset could not allocate its input.") { File = fontFile };
        var subsetFace = IntPtr.Zero;
        var blob = IntPtr.Zero;
        try
        {
            var glyphSet = hb_subset_input_glyph_set(input);
            hb_set_add(glyphSet, 0);
            foreach (var gid in glyphIds)
                hb_set_add(glyphSet, gid);
            hb_subset_input_set_flags(input, NoHinting | (retainGlyphIds ? RetainGids : 0));
            var dropped = hb_subset_input_set(input, DropTableTagSet);
            foreach (var tag in LayoutTables)
                hb_set_add(dropped, tag);

            subsetFace = hb_subset_or_fail(face.Handle, input);
            if (subsetFace == IntPtr.Zero)
                throw new PdfWriterException($"Could not subset font '{fontFile}': hb-subset failed.") { File = fontFile };

            blob = hb_face_reference_blob(subsetFace);
            var data = hb_blob_get_data(blob, out var length);
            if (data == IntPtr.Zero || length == 0)
                throw new PdfWriterException($"Could not subset font '{fontFile}': hb-subset produced an empty font.") { File = fontFile };
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            if (blob != IntPtr.Zero)
                hb_blob_destroy(blob);
            if (subsetFace != IntPtr.Zero)
                hb_face_destroy(subsetFace);
            hb_subset_input_destroy(input);
        }
    }

    /// <summary>An OpenType table tag as HarfBuzz's hb_tag_t: the four ASCII letters big-endian.</summary>
    private static uint Tag(string tag) => (uint)tag[0] << 24 | (uint)tag[1] << 16 | (uint)tag[2] << 8 | tag[3];

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_set(IntPtr input, int setType);

    [LibraryImport(Library)]
    private static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_glyph_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [LibraryImport(Library)]
    private static partial void hb_set_add(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    private static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    private static partial void hb_blob_destroy(IntPtr blob);
}
