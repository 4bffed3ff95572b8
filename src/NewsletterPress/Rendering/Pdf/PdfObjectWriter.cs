using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The file structure (ISO 32000-1 §7.5): header, body of indirect objects, cross-reference
/// and trailer. Object numbers are handed out by <see cref="Allocate"/> in the order the
/// document writer asks for them, which is fixed, so numbering is stable between builds.
/// With <c>objectStreams</c> (PDF 1.5+), objects that are not streams are collected and packed
/// into object streams (§7.5.7) and the cross-reference becomes a stream (§7.5.8); otherwise
/// each object is written where it is and a classic table ends the file.
/// </summary>
internal sealed class PdfObjectWriter
{
    /// <summary>Objects per object stream: large enough to compress well, small enough that a
    /// reader need not inflate everything to get at one object.</summary>
    private const int ObjectsPerStream = 200;

    private readonly MemoryStream _body = new();
    /// <summary>The last stream <see cref="Deflate"/> compressed, kept from one stream to the next (a page's content
    /// stream each time), and copied into the body from here.</summary>
    private readonly MemoryStream _deflated = new();
    private readonly CrossReference _xref = new();
    private readonly bool _compress;
    private readonly bool _objectStreams;
    private readonly List<(PdfRef Reference, string Value)> _pending = [];
    private int _nextNumber = 1;

    public PdfObjectWriter(bool compress, string version = "1.7", bool objectStreams = false)
    {
        _compress = compress;
        _objectStreams = objectStreams;
        // §7.5.2: header, then a comment with four bytes above 127 so that transfer
        // programs treat the file as binary.
        WriteAscii("%PDF-" + version + "\n");
        _body.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    public PdfRef Allocate() => new(_nextNumber++);

    /// <summary>Writes "n 0 obj … endobj" (§7.3.10) around any direct object, or queues it for an object stream.</summary>
    public void WriteObject(PdfRef reference, string value)
    {
        if (_objectStreams)
        {
            _pending.Add((reference, value));
            return;
        }
        _xref.Record(reference, _body.Position);
        WriteAscii(PdfSyntax.Integer(reference.Number) + " 0 obj\n" + value + "\nendobj\n");
    }

    public void WriteObject(PdfRef reference, PdfDictionary dictionary) => WriteObject(reference, dictionary.ToString());

    /// <summary>
    /// Writes a stream object (§7.3.8). <paramref name="dictionary"/> holds the stream's own
    /// keys; /Length and, when compressing, /Filter /FlateDecode (§7.4.4) are added here.
    /// <paramref name="compress"/> overrides the writer's setting (images always, XMP never).
    /// </summary>
    public void WriteStream(PdfRef reference, PdfDictionary dictionary, ReadOnlySpan<byte> data, bool? compress = null)
    {
        var flate = compress ?? _compress;
        if (flate)
            dictionary.Name("Filter", nameof(StreamFilter.FlateDecode));
        WriteEncodedStream(reference, dictionary, flate ? Deflate(data) : data);
    }

    /// <summary>Writes a stream whose data is already encoded (a JPEG as /DCTDecode); the caller set /Filter.</summary>
    public void WriteEncodedStream(PdfRef reference, PdfDictionary dictionary, ReadOnlySpan<byte> encoded)
    {
        dictionary.Integer("Length", encoded.Length);
        _xref.Record(reference, _body.Position);
        WriteAscii(PdfSyntax.Integer(reference.Number) + " 0 obj\n" + dictionary + "\nstream\n");
        _body.Write(encoded);
        WriteAscii("\nendstream\nendobj\n");
    }

    /// <summary>A hash of everything written or queued so far: the content of the document
    /// before its metadata, used to derive the XMP instance id.</summary>
    public byte[] ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_body.GetBuffer(), 0, (int)_body.Length);
        foreach (var (reference, value) in _pending)
            hash.AppendData(Encoding.ASCII.GetBytes(PdfSyntax.Integer(reference.Number) + " " + value + "\n"));
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Finishes the file: object streams if any, cross-reference, trailer (§7.5.5) and
    /// startxref. The /ID (§14.4) is a hash of the body, so it is the same for the same
    /// content and no clock or random number is involved.
    /// </summary>
    public byte[] Finish(PdfRef catalog, PdfRef info)
    {
        WriteObjectStreams();
        var id = SHA256.HashData(_body.GetBuffer().AsSpan(0, (int)_body.Length))[..16];
        var trailer = new PdfDictionary();
        if (_objectStreams)
        {
            // §7.5.8: the cross-reference stream is its own last entry; its dictionary is the trailer.
            var xrefRef = Allocate();
            var size = _nextNumber;
            var xrefOffset = _body.Position;
            _xref.Record(xrefRef, xrefOffset);
            trailer = new PdfDictionary("XRef")
                .Integer("Size", size)
                .Ref("Root", catalog)
                .Ref("Info", info)
                .Array("ID", new PdfArray().HexString(id).HexString(id))
                .Array("W", PdfArray.Of([.. CrossReference.StreamFieldWidths.Select(w => (double)w)]));
            var data = Deflate(_xref.ToStreamData(size));
            trailer.Name("Filter", nameof(StreamFilter.FlateDecode)).Integer("Length", data.Length);
            WriteAscii(PdfSyntax.Integer(xrefRef.Number) + " 0 obj\n" + trailer + "\nstream\n");
            _body.Write(data);
            WriteAscii("\nendstream\nendobj\nstartxref\n" + PdfSyntax.Integer(xrefOffset) + "\n%%EOF\n");
            return _body.ToArray();
        }

        var tableOffset = _body.Position;
        WriteAscii(_xref.ToTable(_nextNumber));
        trailer.Integer("Size", _nextNumber)
            .Ref("Root", catalog)
            .Ref("Info", info)
            .Array("ID", new PdfArray().HexString(id).HexString(id));
        WriteAscii("trailer\n" + trailer + "\nstartxref\n" + PdfSyntax.Integer(tableOffset) + "\n%%EOF\n");
        return _body.ToArray();
    }

    /// <summary>§7.5.7 object streams: "number offset" pairs, then the objects; /First is where the objects start.</summary>
    private void WriteObjectStreams()
    {
        foreach (var chunk in _pending.Chunk(ObjectsPerStream))
        {
            var streamRef = Allocate();
            var header = new StringBuilder();
            var objects = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                var (reference, value) = chunk[i];
                _xref.RecordCompressed(reference, streamRef, i);
                header.Append(PdfSyntax.Integer(reference.Number)).Append(' ').Append(PdfSyntax.Integer(objects.Length)).Append(' ');
                objects.Append(value).Append('\n');
            }
            header.Append('\n');
            var data = Encoding.ASCII.GetBytes(header.ToString() + objects);
            var dictionary = new PdfDictionary("ObjStm")
                .Integer("N", chunk.Length)
                .Integer("First", header.Length);
            // Always compressed: packing objects is only worth it for the compression.
            WriteStream(streamRef, dictionary, data, compress: true);
        }
        _pending.Clear();
    }

    /// <summary>zlib's compression level, 0–9 (see <see cref="Deflate"/>).</summary>
    private const int CompressionLevel = 3;

    /// <summary>The data compressed; valid until the next call.</summary>
    private ReadOnlySpan<byte> Deflate(ReadOnlySpan<byte> data)
    {
        // ZLibStream writes the zlib wrapper (RFC 1950) that FlateDecode expects; the output is deterministic for the
        // same input and level. Level 3, zlib-ng's fast strategy, not its default 6 (Optimal): measured on the
        // twenty-article issue, 6 was 7 % of the build's CPU and 3 is 3.7 %, for a file 15 % larger there (4 % on
        // vol-11), still half the size of Typst's PDF of the same text. The highest level (SmallestSize, 9) took three
        // times as long as 6 to make the streams 1 % smaller.
        _deflated.SetLength(0);
        using (var zlib = new ZLibStream(_deflated, new ZLibCompressionOptions { CompressionLevel = CompressionLevel }, leaveOpen: true))
            zlib.Write(data);
        return _deflated.GetBuffer().AsSpan(0, (int)_deflated.Length);
    }

    private void WriteAscii(string text) => _body.Write(Encoding.ASCII.GetBytes(text));
}
