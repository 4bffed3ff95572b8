using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;
using SkiaSharp;

namespace NewsletterPress.Tests.Reliability;

/// <summary>Small hostile inputs made on the spot: images whose headers lie, damaged fonts, malformed PDFs.</summary>
internal static class HostileFiles
{
    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels, with almost no data.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
        var idat = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            z.Write(new byte[100]);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. signature, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A real JPEG whose frame header is changed to claim <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] JpegClaiming(string folder, int width, int height)
    {
        var jpeg = File.ReadAllBytes(TestImages.Jpeg(Path.Combine(folder, "seed.jpg"), 64, 48, SKColors.SteelBlue));
        File.Delete(Path.Combine(folder, "seed.jpg"));
        int sof = Enumerable.Range(0, jpeg.Length - 9).First(i => jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), (ushort)width);
        return jpeg;
    }

    /// <summary>A photograph-like JPEG or PNG cut off in the middle of its image data.</summary>
    public static byte[] Truncated(string format)
    {
        using var bitmap = new SKBitmap(400, 300);
        for (int y = 0; y < 300; y++)
            for (int x = 0; x < 400; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 7), (byte)(y * 5), (byte)((x ^ y) * 3)));
        using var data = bitmap.Encode(format == "png" ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 90);
        var bytes = data.ToArray();
        return bytes[..(bytes.Length * 2 / 3)];
    }

    /// <summary>The repository's Noto Serif with one table damaged: "head" giving 0 units per em, or "GPOS" overwritten with noise.</summary>
    public static byte[] DamagedFont(string table)
    {
        var font = File.ReadAllBytes(Repo.Path("fonts", "NotoSerif-Regular.ttf"));
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (int i = 0; i < count; i++)
        {
            var record = 12 + 16 * i;
            if (Encoding.ASCII.GetString(font, record, 4) != table.PadRight(4)) continue;
            int offset = BinaryPrimitives.ReadInt32BigEndian(font.AsSpan(record + 8));
            int length = BinaryPrimitives.ReadInt32BigEndian(font.AsSpan(record + 12));
            if (table == "head")
                BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(offset + 18), 0);
            else
                new Random(11).NextBytes(font.AsSpan(offset + 10, Math.Min(length - 10, 4000)));
            return font;
        }
        throw new InvalidOperationException($"NotoSerif-Regular.ttf has no '{table}' table");
    }

    /// <summary>A PDF of the given objects (1 is the catalog), with a correct cross-reference table.</summary>
    public static byte[] Pdf(params string[] objects) => Pdf(objects.Select(o => Encoding.Latin1.GetBytes(o)).ToArray());

    public static byte[] Pdf(params byte[][] objects)
    {
        var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n");
        var offsets = new List<long>();
        for (int i = 0; i < objects.Length; i++)
        {
            offsets.Add(output.Length);
            Write($"{i + 1} 0 obj\n");
            output.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = output.Length;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    /// <summary>A stream object: its dictionary entries and its (already encoded) data.</summary>
    public static byte[] Stream(string dictionary, byte[] data) =>
        [.. Encoding.Latin1.GetBytes($"<< {dictionary} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream"u8.ToArray()];

    public const string Catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    public const string OnePage = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    public const string Page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>";

    /// <summary>1 MB of Flate data that inflates to 1 GB of zeros.</summary>
    public static byte[] FlateBomb()
    {
        var output = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) z.Write(zeros);
        }
        return output.ToArray();
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    // PNG's chunk CRC (ISO 3309); the BCL has none without an extra package.
    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>Every entry under a folder with what it is: a hash for files, the target for links, the kind for
    /// anything else (never opened), so a test can show that a build left its inputs untouched.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.TopDirectoryOnly))
        {
            var name = entry.Name;
            if (entry.LinkTarget is { } target) result[name] = "link to " + target;
            else if (entry is DirectoryInfo d) foreach (var (k, v) in Snapshot(d.FullName)) result[name + "/" + k] = v;
            else if (Mono.Unix.Native.Syscall.lstat(entry.FullName, out var st) == 0
                     && (st.st_mode & Mono.Unix.Native.FilePermissions.S_IFMT) != Mono.Unix.Native.FilePermissions.S_IFREG)
                result[name] = "special";
            else result[name] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
        }
        return result;
    }

    public static void MakeFifo(string path) =>
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(path, Mono.Unix.Native.FilePermissions.DEFFILEMODE));
}
