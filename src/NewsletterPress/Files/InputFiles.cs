using NewsletterPress.Diagnostics;

namespace NewsletterPress.Files;

/// <summary>
/// Every file the tool reads goes through here: it must be a regular file (a FIFO, device or
/// socket is refused without being opened), no larger than its <see cref="FileRule"/> allows,
/// and, when it comes from an issue folder, lead to a place inside that folder once every
/// symbolic link is followed. Each failure is an input error at the place that named the file.
/// </summary>
public static class InputFiles
{
    /// <summary>Checks a file named at <paramref name="where"/> and returns its real path (links followed).</summary>
    /// <param name="shown">The path as the editor wrote it, for messages.</param>
    /// <param name="realFolder">The issue folder's real path the file must stay inside, or null for a file from anywhere.</param>
    public static string Check(string path, FileRule rule, SourcePosition where, string shown, string? realFolder = null)
    {
        var (kind, size) = FileKinds.Of(path);
        if (kind == FileKind.Missing)
            throw new InputException(where, $"{rule.What} '{shown}' was not found (looked for {path})");
        if (realFolder is not null)
        {
            var real = RealPath.Of(path);
            if (real is null || !RealPath.IsInside(real, realFolder))
                throw new InputException(where,
                    $"{rule.What} '{shown}' leads outside the issue folder (to {real ?? "a place that cannot be resolved"}); " +
                    "copy the file into the folder instead of linking to it, so the volume can be rebuilt from the folder");
        }
        if (kind != FileKind.Regular)
            throw new InputException(where, $"{rule.What} '{shown}' is {FileKinds.Describe(kind)}, not a regular file; name a file");
        if (size > rule.MaxBytes)
            throw new InputException(where,
                $"{rule.What} '{shown}' is {FileRule.Size(size)}, more than the {FileRule.Size(rule.MaxBytes)} it may have; {rule.Advice}");
        return RealPath.Of(path) ?? path;
    }

    /// <summary>Checks the file as <see cref="Check"/> does, then reads it, never more than the rule's limit
    /// (a file that grows while it is read is caught too).</summary>
    public static byte[] Read(string path, FileRule rule, SourcePosition where, string shown, string? realFolder = null)
    {
        var real = Check(path, rule, where, shown, realFolder);
        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + n > rule.MaxBytes)
                    throw new InputException(where,
                        $"{rule.What} '{shown}' grew past the {FileRule.Size(rule.MaxBytes)} it may have while it was read; {rule.Advice}");
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(where, $"{rule.What} '{shown}' cannot be read: {e.Message}");
        }
    }

    /// <summary>Reads a text file as strict UTF-8: an invalid byte or a control character is an error at its line and column.</summary>
    public static string ReadText(string path, FileRule rule, SourcePosition where, string shown, string? realFolder = null) =>
        SourceText.Decode(Read(path, rule, where, shown, realFolder), SourcePosition.DisplayPath(path));

    /// <summary>The real path of an issue folder, which every input must stay inside.</summary>
    public static string RealFolder(string folder) => RealPath.Of(folder) ?? Path.GetFullPath(folder);
}
