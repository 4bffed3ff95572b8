using System.Security.Cryptography;
using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using NewsletterPress.Preflight;

namespace NewsletterPress.Archive;

/// <summary>What <see cref="SourceExtractor.Extract"/> wrote: the folder and how many files.</summary>
public sealed record ExtractResult(string Folder, int Files);

/// <summary>
/// <c>extract</c>: writes the sources an archive PDF carries back into an issue folder, with its
/// subfolders, so that <c>build</c> on the folder gives the same PDF. The attachments are read by
/// PdfPig through the preflight's guarded reader (decompression limits), checked against build.json's
/// SHA-256s, and every name is checked before anything is written: a name that would lead out of the
/// folder ("../", an absolute path, a backslash) is refused. The files are written into a fresh hidden
/// folder beside the target and renamed into place, so a failure leaves nothing half-written.
/// </summary>
public static class SourceExtractor
{
    public static ExtractResult Extract(string pdf, string? outFolder)
    {
        pdf = Path.GetFullPath(pdf);
        var shown = SourcePosition.DisplayPath(pdf);
        var where = SourcePosition.WholeFile(pdf);
        var target = Path.GetFullPath(outFolder ?? Path.GetFileNameWithoutExtension(pdf));
        var targetWhere = SourcePosition.Named(SourcePosition.DisplayPath(target));
        var (kind, _) = FileKinds.Of(target);
        if (kind == FileKind.Directory && Directory.EnumerateFileSystemEntries(target).Any())
            throw new InputException(targetWhere, "the folder is not empty; extract into a new folder, so that no file of another volume mixes in");
        if (kind is not (FileKind.Missing or FileKind.Directory))
            throw new InputException(targetWhere, $"--out must name a new folder, but this is {FileKinds.Describe(kind)}");

        var files = ReadAttachments(pdf, shown, where);
        var partial = TemporaryFiles.For(target);
        try
        {
            foreach (var (name, bytes) in files)
            {
                var path = Path.Combine(partial, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }
            if (kind == FileKind.Directory) Directory.Delete(target);
            Directory.Move(partial, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(targetWhere, $"cannot write the sources: {e.Message}");
        }
        finally
        {
            if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        }
        return new ExtractResult(target, files.Count);
    }

    /// <summary>The attachments by name, each name checked and each file checked against build.json.</summary>
    private static SortedDictionary<string, byte[]> ReadAttachments(string pdf, string shown, SourcePosition where)
    {
        var bytes = InputFiles.Read(pdf, FileRule.Pdf, where, shown);
        using var file = PdfFile.Open(bytes, shown, where);
        if (!file.Document.Advanced.TryGetEmbeddedFiles(out var embedded) || embedded.Count == 0)
            throw new InputException(where, "the PDF carries no source files; only a PDF built with --profile archive does");
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        foreach (var attachment in embedded)
        {
            var name = CheckedName(attachment.Name, where);
            var content = attachment.Bytes.ToArray();
            total += content.Length;
            if (total > FileRule.AttachmentsTotal)
                throw new InputException(where, $"the attached files come to more than the {FileRule.Size(FileRule.AttachmentsTotal)} an archive carries; refused");
            if (!files.TryAdd(name, content))
                throw new InputException(where, $"two attachments are both named '{name}'; the archive is damaged");
        }
        foreach (var name in files.Keys)
            if (files.Keys.Any(other => other.StartsWith(name + "/", StringComparison.Ordinal)))
                throw new InputException(where, $"'{name}' is attached both as a file and as a folder; the archive is damaged");
        if (files.TryGetValue(BuildRecord.FileName, out var record) && BuildRecord.Hashes(record) is { } hashes)
            foreach (var (name, sha256) in hashes)
            {
                if (!files.TryGetValue(name, out var content))
                    throw new InputException(where, $"{BuildRecord.FileName} lists '{name}', which is not attached; the archive is damaged");
                if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), sha256, StringComparison.OrdinalIgnoreCase))
                    throw new InputException(where, $"'{name}' does not match the SHA-256 {BuildRecord.FileName} gives for it; the archive is damaged");
            }
        return files;
    }

    /// <summary>A relative path with '/' between folders and no way out: no "..", ".", empty, absolute or
    /// backslashed part, no control character. Anything else is refused, never cleaned up.</summary>
    private static string CheckedName(string? name, SourcePosition where)
    {
        var parts = (name ?? "").Split('/');
        if (string.IsNullOrEmpty(name) || name.Any(char.IsControl) || name.Contains('\\')
            || parts.Any(p => p is "" or "." or "..") || Path.IsPathRooted(name))
            throw new InputException(where, $"the attachment '{name}' is not a path inside the issue folder (it would be written outside it); refused, nothing written");
        return name;
    }
}
