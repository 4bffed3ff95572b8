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

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_create_or_fail();

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
