using System.Buffers.Binary;
using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Reads what the RGB → CMYK conversion of PDF/X-1a images needs from an ICC profile (ICC.1:2010,
/// also ISO 15076-1): the header (§7.2), the tag table (§7.3), XYZType (§10.31), curveType (§10.5)
/// and the lut tags (through <see cref="IccLut"/>). Every number is big-endian (§7.1.2); a profile
/// that is cut short or points outside itself is refused with its name, never read past its end.
/// </summary>
internal sealed class IccProfile
{
    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Size)> _tags;

    private IccProfile(byte[] data, string name, Dictionary<string, (int Offset, int Size)> tags)
    {
        _data = data;
        _tags = tags;
        Name = name;
    }

    /// <summary>How errors name the profile, e.g. "the print condition's ICC profile".</summary>
    public string Name { get; }

    /// <summary>Data colour space of the device side (§7.2.6): "RGB", "CMYK"…</summary>
    public string ColourSpace => Signature(16);

    /// <summary>Profile connection space (§7.2.7): "Lab" or "XYZ".</summary>
    public string ConnectionSpace => Signature(20);

    public static IccProfile Read(byte[] data, string name)
    {
        if (data.Length < 132 || Encoding.ASCII.GetString(data, 36, 4) != "acsp")
            throw new PdfWriterException($"{Capitalised(name)} ({data.Length} bytes) is not an ICC profile.");
        var count = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(128));
        if (count > (data.Length - 132) / 12)
            throw Damaged(name, "its tag table runs past the end of the file");
        var tags = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < (int)count; i++)
        {
            var entry = data.AsSpan(132 + (12 * i));
            var signature = Encoding.ASCII.GetString(entry[..4]);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            var size = BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            if (size < 8 || offset > (uint)data.Length || size > (uint)data.Length - offset)
                throw Damaged(name, $"its tag '{signature}' points outside the file");
            tags.TryAdd(signature, ((int)offset, (int)size));
        }
        return new IccProfile(data, name, tags);
    }

    public bool Has(string tag) => _tags.ContainsKey(tag);

    /// <summary>The tag's type signature (§10, the first four bytes of its data), e.g. "mft2".</summary>
    public string TypeOf(string tag) => Encoding.ASCII.GetString(Data(tag)[..4]);

    /// <summary>The tag's bytes, from its type signature on.</summary>
    public ReadOnlySpan<byte> Data(string tag) =>
        _tags.TryGetValue(tag, out var t)
            ? _data.AsSpan(t.Offset, t.Size)
            : throw new PdfWriterException($"{Capitalised(Name)} has no '{tag}' tag, which the conversion of RGB images to CMYK needs.");

    /// <summary>XYZType (§10.31): three s15Fixed16Number values (§4.6).</summary>
    public (double X, double Y, double Z) Xyz(string tag)
    {
        var data = Typed(tag, 20, "XYZ ");
        return (Fixed16(data[8..]), Fixed16(data[12..]), Fixed16(data[16..]));
    }

    /// <summary>curveType (§10.5): no entries is the identity, one a gamma (u8Fixed8Number), more a table of
    /// uInt16 samples over [0, 1], read between samples by linear interpolation.</summary>
    public Func<double, double> Curve(string tag)
    {
        var data = Typed(tag, 12, "curv");
        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        if (count > (data.Length - 12) / 2)
            throw Damaged(Name, $"its '{tag}' curve has more entries than bytes");
        if (count == 0)
            return x => x;
        if (count == 1)
        {
            var gamma = BinaryPrimitives.ReadUInt16BigEndian(data[12..]) / 256.0;
            return x => Math.Pow(x, gamma);
        }
        var table = new double[count];
        for (var i = 0; i < count; i++)
            table[i] = BinaryPrimitives.ReadUInt16BigEndian(data[(12 + (2 * i))..]) / 65535.0;
        return x => IccLut.Interpolate(table, x);
    }

    private ReadOnlySpan<byte> Typed(string tag, int minimum, string type)
    {
        var data = Data(tag);
        var actual = TypeOf(tag);
        if (actual != type)
            throw new PdfWriterException($"{Capitalised(Name)} stores its '{tag}' tag as '{actual}', where NewsletterPress reads '{type}'.");
        if (data.Length < minimum)
            throw Damaged(Name, $"its '{tag}' tag is cut short");
        return data;
    }

    private string Signature(int offset) => Encoding.ASCII.GetString(_data, offset, 4).TrimEnd();

    /// <summary>s15Fixed16Number (§4.6): a signed 32-bit number with 16 fractional bits.</summary>
    private static double Fixed16(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt32BigEndian(bytes) / 65536.0;

    internal static PdfWriterException Damaged(string name, string what) =>
        new($"{Capitalised(name)} is damaged: {what}.");

    /// <summary>The profile's name at the start of a sentence.</summary>
    internal static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
