using System.Buffers.Binary;
using System.Text;
using HarfBuzzSharp;
using NewsletterPress.Shared;

namespace NewsletterPress.Archive;

/// <summary>
/// Whether a font file may travel inside the archive as a file of its own, which is more than
/// embedding a subset: the SIL Open Font License and the IPA Font License allow it, and so does
/// a font whose OS/2 fsType grants installable embedding (OpenType spec, OS/2 table: usage
/// permissions 0, "may be embedded, and may be permanently installed on the remote system").
/// A font with restricted, preview-and-print or editable embedding stays out, and so does a
/// bitmap-only one. The licence is read from the name table (IDs 13 and 14, description and URL).
/// </summary>
internal static class FontLicence
{
    /// <summary>The OS/2 fsType bits of the usage permissions (0–3) and "bitmap embedding only" (9).</summary>
    private const ushort PermissionBits = 0x000F, BitmapOnly = 0x0200;

    /// <returns>null when the file may be attached, else why not.</returns>
    /// <param name="font">The file's bytes, as the build opened them.</param>
    public static string? WhyNotAttachable(FontData font)
    {
        using var face = new Face(font.Blob, 0);
        var names = LicenceText(Table(face, "name"));
        if (names.Contains("Open Font License", StringComparison.OrdinalIgnoreCase)
            || names.Contains("scripts.sil.org/OFL", StringComparison.OrdinalIgnoreCase)
            || names.Contains("openfontlicense.org", StringComparison.OrdinalIgnoreCase)
            || names.Contains("IPA Font License", StringComparison.OrdinalIgnoreCase)
            || names.Contains("opensource.org/licenses/IPA", StringComparison.OrdinalIgnoreCase))
            return null;
        var os2 = Table(face, "OS/2");
        if (os2.Length < 10) return "it has no OS/2 table to grant embedding";
        var fsType = BinaryPrimitives.ReadUInt16BigEndian(os2.AsSpan(8));
        if ((fsType & BitmapOnly) != 0) return $"its OS/2 fsType (0x{fsType:X4}) allows only bitmap embedding";
        return (fsType & PermissionBits) == 0 ? null
            : $"its OS/2 fsType (0x{fsType:X4}) allows embedding for {Permission(fsType)} only, not passing the file on";
    }

    private static string Permission(ushort fsType) =>
        (fsType & 0x0002) != 0 && (fsType & 0x000C) == 0 ? "no one (restricted licence)"
        : (fsType & 0x0008) != 0 ? "editing" : "preview and print";

    private static byte[] Table(Face face, string tag)
    {
        using var blob = face.ReferenceTable(Tag.Parse(tag));
        return blob.AsSpan().ToArray();
    }

    /// <summary>Name IDs 13 (licence description) and 14 (licence URL), all platforms, joined.</summary>
    private static string LicenceText(byte[] name)
    {
        if (name.Length < 6) return "";
        int count = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(2)), strings = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(4));
        var text = new StringBuilder();
        for (int i = 0; i < count && 6 + (i * 12) + 12 <= name.Length; i++)
        {
            var record = name.AsSpan(6 + (i * 12), 12);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(record), id = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]), offset = strings + BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (id is not (13 or 14) || offset + length > name.Length) continue;
            text.Append(platform is 0 or 3 ? Encoding.BigEndianUnicode.GetString(name, offset, length) : Encoding.Latin1.GetString(name, offset, length)).Append('\n');
        }
        return text.ToString();
    }
}
