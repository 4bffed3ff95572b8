using System.Buffers.Binary;
using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace NewsletterPress.Text.Fonts;

/// <summary>
/// The faces of a font file, named as the file names them (the 'name' table's typographic family and
/// subfamily, else the legacy ones) with the weight, width and slant of its 'OS/2' table, read with
/// HarfBuzz. fontconfig could read them too (FcFreeTypeQueryAll), but it computes every face's full
/// character set on the way, about 0.1 s for the bundled fonts on each build; this reads a few table bytes.
/// </summary>
internal static partial class FontFileFaces
{
    private const string Library = "libHarfBuzzSharp";
    private const uint TypographicFamily = 16, TypographicSubfamily = 17, Family = 1, Subfamily = 2;

    public static IReadOnlyList<FontFaceInfo> Of(string file)
    {
        var result = new List<FontFaceInfo>();
        try
        {
            var blob = FontFiles.Read(file).Blob;
            for (int index = 0; index < Math.Max(1, blob.FaceCount); index++)
            {
                using var face = new Face(blob, index);
                if (face.GlyphCount == 0) continue;
                var families = new[] { Name(face, TypographicFamily), Name(face, Family) }
                    .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                if (families.Count == 0) continue;
                var (weight, width, italic) = Os2(face);
                using var font = new HarfBuzzSharp.Font(face);
                var scripts = Fontconfig.ScriptSamples.Where(s => font.TryGetGlyph((uint)s.Sample, out _)).Select(s => s.Script).ToList();
                result.Add(new FontFaceInfo(families, Name(face, TypographicSubfamily) ?? Name(face, Subfamily) ?? "Regular",
                    file, index, weight, italic ? 100 : 0, width, scripts));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // Not a font we can read: it is not offered by name; named as a file, the loader says why.
        }
        return result;
    }

    /// <summary>Weight and width on fontconfig's scales (regular 80, bold 200; normal width 100) and the italic bit.</summary>
    private static (double Weight, double Width, bool Italic) Os2(Face face)
    {
        using var table = face.ReferenceTable(Tag.Parse("OS/2"));
        var bytes = table.AsSpan();
        if (bytes.Length < 64) return (80, 100, false);
        int weightClass = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
        int widthClass = BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);
        int selection = BinaryPrimitives.ReadUInt16BigEndian(bytes[62..]);
        double weight = weightClass switch
        {
            <= 100 => 0,
            <= 200 => 40,
            <= 300 => 50,
            <= 350 => 75,
            <= 400 => 80,
            <= 500 => 100,
            <= 600 => 180,
            <= 700 => 200,
            <= 800 => 205,
            _ => 210,
        };
        double[] widths = [100, 50, 63, 75, 87, 100, 113, 125, 150, 200];
        return (weight, widthClass is >= 1 and <= 9 ? widths[widthClass] : 100, (selection & 0x201) != 0);
    }

    private static string? Name(Face face, uint id)
    {
        var buffer = new byte[512];
        uint size = (uint)buffer.Length;
        var length = hb_ot_name_get_utf8(face.Handle, id, IntPtr.Zero, ref size, buffer);
        return length == 0 || size == 0 ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, (int)size);
    }

    [LibraryImport(Library)]
    private static partial uint hb_ot_name_get_utf8(IntPtr face, uint nameId, IntPtr language, ref uint textSize, [Out] byte[] text);
}
