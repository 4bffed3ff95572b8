using System.Buffers.Binary;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Just enough of the Compact Font Format (Adobe Technical Note #5176) to embed CFF fonts
/// correctly: whether the font is CID-keyed (its Top DICT has the ROS operator, §18), and
/// for a CID-keyed font the CID of each glyph from its charset (§13). In a PDF the codes
/// shown for a CID-keyed CFF are CIDs, which the viewer maps to glyphs through that charset
/// (ISO 32000-1 §9.7.4.2), so showing glyph ids would draw the wrong glyphs.
/// </summary>
internal sealed class CffCharset
{
    private const int RosOperator = (12 << 8) | 30;
    private const int CharsetOperator = 15;
    private const int CharStringsOperator = 17;

    private readonly ushort[]? _cids;

    private CffCharset(ushort[]? cids) => _cids = cids;

    public bool IsCidKeyed => _cids is not null;

    /// <summary>The CID of a glyph in a CID-keyed font; the glyph id itself otherwise.</summary>
    public uint CidOf(uint glyphId) =>
        _cids is null ? glyphId
        : glyphId < _cids.Length ? _cids[glyphId]
        : throw new InvalidDataException($"glyph {glyphId} is outside the CFF charset ({_cids.Length} glyphs)");

    public static CffCharset Read(ReadOnlySpan<byte> cff)
    {
        if (cff.Length < 4)
            throw new InvalidDataException("the 'CFF ' table is truncated");
        int offset = cff[2];                          // header size
        offset = SkipIndex(cff, offset);              // Name INDEX
        var topDict = ParseDict(FirstIndexEntry(cff, offset));
        if (!topDict.ContainsKey(RosOperator))
            return new CffCharset(null);

        if (!topDict.TryGetValue(CharStringsOperator, out var charStrings) || charStrings.Count == 0)
            throw new InvalidDataException("the CID-keyed 'CFF ' table has no CharStrings");
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(cff[(int)charStrings[0]..]);
        // Predefined charsets (offset 0..2) are for name-keyed fonts only; treat them as identity.
        var charsetOffset = topDict.TryGetValue(CharsetOperator, out var charset) && charset.Count > 0 ? (int)charset[0] : 0;
        return new CffCharset(charsetOffset <= 2 ? Identity(glyphCount) : ReadCharset(cff, charsetOffset, glyphCount));
    }

    private static ushort[] Identity(int glyphCount)
    {
        var cids = new ushort[glyphCount];
        for (var i = 0; i < glyphCount; i++)
            cids[i] = (ushort)i;
        return cids;
    }

    /// <summary>Charset formats 0, 1 and 2 (§13); glyph 0 (.notdef) is always CID 0 and not listed.</summary>
    private static ushort[] ReadCharset(ReadOnlySpan<byte> cff, int offset, int glyphCount)
    {
        var cids = new ushort[glyphCount];
        var format = cff[offset];
        var at = offset + 1;
        var gid = 1;
        switch (format)
        {
            case 0:
                for (; gid < glyphCount; gid++, at += 2)
                    cids[gid] = BinaryPrimitives.ReadUInt16BigEndian(cff[at..]);
                break;
            case 1 or 2:
                while (gid < glyphCount)
                {
                    var first = BinaryPrimitives.ReadUInt16BigEndian(cff[at..]);
                    int left = format == 1 ? cff[at + 2] : BinaryPrimitives.ReadUInt16BigEndian(cff[(at + 2)..]);
                    at += format == 1 ? 3 : 4;
                    for (var i = 0; i <= left && gid < glyphCount; i++, gid++)
                        cids[gid] = (ushort)(first + i);
                }
                break;
            default:
                throw new InvalidDataException($"unknown CFF charset format {format}");
        }
        return cids;
    }

    /// <summary>An INDEX (§5): count, offSize, count+1 offsets (1-based), data. Returns the offset after it.</summary>
    private static int SkipIndex(ReadOnlySpan<byte> cff, int offset)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cff[offset..]);
        if (count == 0)
            return offset + 2;
        int offSize = cff[offset + 2];
        var offsets = offset + 3;
        var dataStart = offsets + ((count + 1) * offSize) - 1;
        return dataStart + ReadOffset(cff, offsets + (count * offSize), offSize);
    }

    private static ReadOnlySpan<byte> FirstIndexEntry(ReadOnlySpan<byte> cff, int offset)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cff[offset..]);
        if (count == 0)
            throw new InvalidDataException("the 'CFF ' table has no Top DICT");
        int offSize = cff[offset + 2];
        var offsets = offset + 3;
        var dataStart = offsets + ((count + 1) * offSize) - 1;
        var start = dataStart + ReadOffset(cff, offsets, offSize);
        var end = dataStart + ReadOffset(cff, offsets + offSize, offSize);
        return cff[start..end];
    }

    private static int ReadOffset(ReadOnlySpan<byte> data, int at, int size)
    {
        var value = 0;
        for (var i = 0; i < size; i++)
            value = (value << 8) | data[at + i];
        return value;
    }

    /// <summary>A DICT (§4): operands (integers; reals are kept as 0, none of ours are real) then an operator.</summary>
    private static Dictionary<int, List<double>> ParseDict(ReadOnlySpan<byte> dict)
    {
        var result = new Dictionary<int, List<double>>();
        var operands = new List<double>();
        var i = 0;
        while (i < dict.Length)
        {
            int b0 = dict[i];
            switch (b0)
            {
                case <= 21:
                    var op = b0 == 12 && i + 1 < dict.Length ? (12 << 8) | dict[i + 1] : b0;
                    result[op] = operands;
                    operands = [];
                    i += b0 == 12 ? 2 : 1;
                    break;
                case 28:
                    operands.Add(BinaryPrimitives.ReadInt16BigEndian(dict[(i + 1)..]));
                    i += 3;
                    break;
                case 29:
                    operands.Add(BinaryPrimitives.ReadInt32BigEndian(dict[(i + 1)..]));
                    i += 5;
                    break;
                case 30: // real number: nibbles until one is 0xf
                    i++;
                    while (i < dict.Length && (dict[i] & 0x0f) != 0x0f && (dict[i] & 0xf0) != 0xf0)
                        i++;
                    i++;
                    operands.Add(0);
                    break;
                case >= 32 and <= 246:
                    operands.Add(b0 - 139);
                    i += 1;
                    break;
                case >= 247 and <= 250:
                    operands.Add(((b0 - 247) * 256) + dict[i + 1] + 108);
                    i += 2;
                    break;
                case >= 251 and <= 254:
                    operands.Add((-(b0 - 251) * 256) - dict[i + 1] - 108);
                    i += 2;
                    break;
                default:
                    i += 1; // reserved byte
                    break;
            }
        }
        return result;
    }
}
