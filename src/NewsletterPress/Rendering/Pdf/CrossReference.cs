using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Where every object lives: at a byte offset in the file, or as the n-th object inside an
/// object stream (ISO 32000-1 §7.5.7). Written either as the classic cross-reference table
/// (§7.5.4) or as a cross-reference stream (§7.5.8), which may point into object streams.
/// </summary>
internal sealed class CrossReference
{
    private readonly Dictionary<int, long> _offsets = [];
    private readonly Dictionary<int, (int Stream, int Index)> _compressed = [];

    public void Record(PdfRef reference, long offset)
    {
        if (_compressed.ContainsKey(reference.Number) || !_offsets.TryAdd(reference.Number, offset))
            throw new InvalidOperationException($"Object {reference.Number} written twice.");
    }

    /// <summary>The object is the <paramref name="index"/>-th of object stream <paramref name="stream"/>.</summary>
    public void RecordCompressed(PdfRef reference, PdfRef stream, int index)
    {
        if (_offsets.ContainsKey(reference.Number) || !_compressed.TryAdd(reference.Number, (stream.Number, index)))
            throw new InvalidOperationException($"Object {reference.Number} written twice.");
    }

    /// <summary>Writes "xref" with one subsection 0..size-1. Every allocated object must have been written.</summary>
    public string ToTable(int size)
    {
        var sb = new StringBuilder();
        sb.Append("xref\n0 ").Append(PdfSyntax.Integer(size)).Append('\n');
        // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, EOL of two characters.
        sb.Append("0000000000 65535 f\r\n");
        for (var number = 1; number < size; number++)
        {
            if (_compressed.ContainsKey(number))
                throw new InvalidOperationException($"Object {number} is in an object stream; a table cannot say so.");
            if (!_offsets.TryGetValue(number, out var offset))
                throw new InvalidOperationException($"Object {number} was allocated but never written.");
            sb.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n\r\n");
        }
        return sb.ToString();
    }

    /// <summary>Field widths of the stream entries (/W, §7.5.8.2 Table 17): type, offset or stream number, generation or index.</summary>
    public static readonly int[] StreamFieldWidths = [1, 4, 2];

    /// <summary>The binary entries of a cross-reference stream for objects 0..size-1 (§7.5.8.3, Table 18).</summary>
    public byte[] ToStreamData(int size)
    {
        var entry = StreamFieldWidths.Sum();
        var data = new byte[size * entry];
        // Object 0: type 0 (free), next free 0, generation 65535.
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(5, 2), 0xFFFF);
        for (var number = 1; number < size; number++)
        {
            var span = data.AsSpan(number * entry, entry);
            if (_offsets.TryGetValue(number, out var offset))
            {
                span[0] = 1;
                BinaryPrimitives.WriteUInt32BigEndian(span[1..5], checked((uint)offset));
            }
            else if (_compressed.TryGetValue(number, out var location))
            {
                span[0] = 2;
                BinaryPrimitives.WriteUInt32BigEndian(span[1..5], (uint)location.Stream);
                BinaryPrimitives.WriteUInt16BigEndian(span[5..7], checked((ushort)location.Index));
            }
            else
            {
                throw new InvalidOperationException($"Object {number} was allocated but never written.");
            }
        }
        return data;
    }
}
