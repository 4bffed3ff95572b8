using System.Security.Cryptography;
using System.Text;
using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Attaches the source files (ISO 32000-1 §7.11.4 embedded file streams, §7.11.3 file
/// specifications) as PDF/A-3 associated files: each file specification has /F and /UF, a
/// MIME /Subtype, /Params with the modification date, and /AFRelationship /Source; the catalog
/// lists them in /AF and in the /EmbeddedFiles name tree (ISO 19005-3 §6.8). Dates come from
/// the document date, so the output stays deterministic.
/// </summary>
internal static class EmbeddedFiles
{
    public sealed record Result(PdfArray AssociatedFiles, PdfDictionary NameTree);

    public static Result? Write(PdfObjectWriter writer, DisplayDocument document)
    {
        if (document.Attachments.IsDefaultOrEmpty)
            return null;
        var associated = new PdfArray();
        var names = new SortedDictionary<byte[], (string Name, PdfRef Spec)>(
            Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)));
        foreach (var file in document.Attachments)
        {
            var bytes = file.Contents ?? Read(file);
            var key = NameKey(file.Name);
            if (names.ContainsKey(key))
                throw new PdfWriterException($"Two attachments are both named '{file.Name}'.");

            var streamRef = writer.Allocate();
            var stream = new EmbeddedFileStream(string.IsNullOrEmpty(file.MimeType) ? "application/octet-stream" : file.MimeType)
                .Params(bytes.Length, document.Info.Date, MD5.HashData(bytes));
            writer.WriteStream(streamRef, stream.Dictionary, bytes, compress: true);

            var specRef = writer.Allocate();
            writer.WriteObject(specRef, new FileSpecification(file.Name)
                .EmbeddedFile(streamRef)
                .Description("Source file " + file.Name)
                .Relationship(AssociatedFileRelationship.Source)
                .Dictionary);
            associated.Ref(specRef);
            names.Add(key, (file.Name, specRef));
        }
        var tree = new PdfArray();
        foreach (var (_, (name, spec)) in names)
            tree.TextString(name).Ref(spec);
        return new Result(associated, new PdfDictionary().Array("Names", tree));
    }

    private static byte[] Read(AttachedFile file)
    {
        try
        {
            return Files.InputFiles.Read(file.Path, Files.FileRule.Attachment, Diagnostics.SourcePosition.WholeFile(file.Path), file.Name);
        }
        catch (Diagnostics.InputException ex)
        {
            throw new PdfWriterException($"Could not read attachment '{file.Path}': {ex.Message}", ex) { File = file.Path };
        }
    }

    /// <summary>Name trees are sorted by the bytes of the written key strings (§7.9.6).</summary>
    private static byte[] NameKey(string name) =>
        name.All(c => c is >= ' ' and <= '~') ? Encoding.ASCII.GetBytes(name) : PdfSyntax.Utf16BigEndianWithBom(name);
}

/// <summary>File specification dictionary (ISO 32000-1 §7.11.3, Table 44).</summary>
internal sealed class FileSpecification
{
    /// <summary>/F and /UF: the file's name, also as a Unicode text string (both required by ISO 19005-3 §6.8).</summary>
    public FileSpecification(string name)
    {
        Dictionary = new PdfDictionary("Filespec").TextString("F", name).TextString("UF", name);
    }

    public PdfDictionary Dictionary { get; }

    /// <summary>/EF: the embedded file stream, under both /F and /UF.</summary>
    public FileSpecification EmbeddedFile(PdfRef stream)
    {
        Dictionary.Dict("EF", new PdfDictionary().Ref("F", stream).Ref("UF", stream));
        return this;
    }

    public FileSpecification Description(string text) { Dictionary.TextString("Desc", text); return this; }

    /// <summary>/AFRelationship (ISO 32000-2 §14.13, ISO 19005-3 §6.8): how the file relates to the document.</summary>
    public FileSpecification Relationship(AssociatedFileRelationship relationship)
    {
        Dictionary.Name("AFRelationship", relationship.ToString());
        return this;
    }
}

/// <summary>/AFRelationship values (ISO 32000-2 Table 43).</summary>
internal enum AssociatedFileRelationship { Source, Data, Alternative, Supplement, Unspecified }

/// <summary>Embedded file stream dictionary (§7.11.4, Table 45).</summary>
internal sealed class EmbeddedFileStream
{
    /// <summary>/Subtype: the file's MIME type, written as a name (§7.11.4).</summary>
    public EmbeddedFileStream(string mimeType) => Dictionary = new PdfDictionary("EmbeddedFile").Name("Subtype", mimeType);

    public PdfDictionary Dictionary { get; }

    /// <summary>/Params (Table 46): size, modification date and the MD5 checksum of the bytes.</summary>
    public EmbeddedFileStream Params(int size, DateTimeOffset modified, ReadOnlySpan<byte> md5)
    {
        Dictionary.Dict("Params", new PdfDictionary()
            .Integer("Size", size)
            .LiteralString("ModDate", PdfSyntax.Date(modified))
            .HexString("CheckSum", md5));
        return this;
    }
}
