using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The classic cross-reference table (ISO 32000-1 §7.5.4): one 20-byte entry per object
/// number giving the byte offset of the object, with object 0 as head of the free list.
/// </summary>
internal sealed class CrossReference
{
    private readonly Dictionary<int, long> _offsets = [];

    public void Record(PdfRef reference, long offset)
    {
        if (!_offsets.TryAdd(reference.Number, offset))
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
            if (!_offsets.TryGetValue(number, out var offset))
                throw new InvalidOperationException($"Object {number} was allocated but never written.");
            sb.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n\r\n");
        }
        return sb.ToString();
    }
}
