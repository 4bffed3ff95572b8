using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The file structure (ISO 32000-1 §7.5): header, body of indirect objects, cross-reference
/// table and trailer. Object numbers are handed out by <see cref="Allocate"/> in the order the
/// document writer asks for them, which is fixed, so numbering is stable between builds.
/// </summary>
internal sealed class PdfObjectWriter
{
    private readonly MemoryStream _body = new();
    private readonly CrossReference _xref = new();
    private readonly bool _compress;
    private int _nextNumber = 1;

    public PdfObjectWriter(bool compress)
    {
        _compress = compress;
        // §7.5.2: header, then a comment with four bytes above 127 so that transfer
        // programs treat the file as binary.
        WriteAscii("%PDF-1.7\n");
        _body.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    public PdfRef Allocate() => new(_nextNumber++);

    /// <summary>Writes "n 0 obj … endobj" (§7.3.10) around any direct object.</summary>
    public void WriteObject(PdfRef reference, string value)
    {
        _xref.Record(reference, _body.Position);
        WriteAscii(PdfSyntax.Integer(reference.Number) + " 0 obj\n" + value + "\nendobj\n");
    }

    public void WriteObject(PdfRef reference, PdfDictionary dictionary) => WriteObject(reference, dictionary.ToString());

    /// <summary>
    /// Writes a stream object (§7.3.8). <paramref name="dictionary"/> holds the stream's own
    /// keys; /Length and, when compressing, /Filter /FlateDecode (§7.4.4) are added here.
    /// </summary>
    public void WriteStream(PdfRef reference, PdfDictionary dictionary, ReadOnlySpan<byte> data)
    {
        var encoded = _compress ? Deflate(data) : data.ToArray();
        if (_compress)
            dictionary.Name("Filter", "FlateDecode");
        dictionary.Integer("Length", encoded.Length);

        _xref.Record(reference, _body.Position);
        WriteAscii(PdfSyntax.Integer(reference.Number) + " 0 obj\n" + dictionary + "\nstream\n");
        _body.Write(encoded);
        WriteAscii("\nendstream\nendobj\n");
    }

    /// <summary>
    /// Finishes the file: cross-reference table, trailer (§7.5.5) and startxref. The /ID
    /// (§14.4) is a hash of the body, so it is the same for the same content and no clock
    /// or random number is involved.
    /// </summary>
    public byte[] Finish(PdfRef catalog, PdfRef info)
    {
        var id = SHA256.HashData(_body.GetBuffer().AsSpan(0, (int)_body.Length))[..16];
        var idString = PdfSyntax.HexString(id);
        var xrefOffset = _body.Position;
        var size = _nextNumber;
        WriteAscii(_xref.ToTable(size));
        var trailer = new PdfDictionary()
            .Integer("Size", size)
            .Ref("Root", catalog)
            .Ref("Info", info)
            .Raw("ID", "[" + idString + " " + idString + "]");
        WriteAscii("trailer\n" + trailer + "\nstartxref\n" + PdfSyntax.Integer(xrefOffset) + "\n%%EOF\n");
        return _body.ToArray();
    }

    private static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        // ZLibStream writes the zlib wrapper (RFC 1950) that FlateDecode expects; the
        // output is deterministic for the same input and level.
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(data);
        return output.ToArray();
    }

    private void WriteAscii(string text) => _body.Write(Encoding.ASCII.GetBytes(text));
}
