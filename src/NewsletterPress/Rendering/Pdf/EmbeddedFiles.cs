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
            byte[] bytes;
            try
            {
                bytes = Files.InputFiles.Read(file.Path, Files.FileRule.Attachment, Diagnostics.SourcePosition.WholeFile(file.Path), file.Name);
            }
            catch (Diagnostics.InputException ex)
            {
                throw new PdfWriterException($"Could not read attachment '{file.Path}': {ex.Message}", ex) { File = file.Path };
            }
            var key = NameKey(file.Name);
            if (names.ContainsKey(key))
                throw new PdfWriterException($"Two attachments are both named '{file.Name}'.");

            var streamRef = writer.Allocate();
            var stream = new PdfDictionary("EmbeddedFile")
                .Name("Subtype", string.IsNullOrEmpty(file.MimeType) ? "application/octet-stream" : file.MimeType)
                .Dict("Params", new PdfDictionary()
                    .Integer("Size", bytes.Length)
                    .LiteralString("ModDate", PdfSyntax.Date(document.Info.Date))
                    .Raw("CheckSum", PdfSyntax.HexString(MD5.HashData(bytes))));
            writer.WriteStream(streamRef, stream, bytes, compress: true);

            var specRef = writer.Allocate();
            writer.WriteObject(specRef, new PdfDictionary("Filespec")
                .Raw("F", PdfSyntax.TextString(file.Name))
                .TextString("UF", file.Name)
                .Dict("EF", new PdfDictionary().Ref("F", streamRef).Ref("UF", streamRef))
                .TextString("Desc", "Source file " + file.Name)
                .Name("AFRelationship", "Source"));
            associated.Ref(specRef);
            names.Add(key, (file.Name, specRef));
        }
        var tree = new PdfArray();
        foreach (var (_, (name, spec)) in names)
            tree.TextString(name).Ref(spec);
        return new Result(associated, new PdfDictionary().Array("Names", tree));
    }

    /// <summary>Name trees are sorted by the bytes of the written key strings (§7.9.6).</summary>
    private static byte[] NameKey(string name) =>
        name.All(c => c is >= ' ' and <= '~') ? Encoding.ASCII.GetBytes(name) : PdfSyntax.Utf16BigEndianWithBom(name);
}
