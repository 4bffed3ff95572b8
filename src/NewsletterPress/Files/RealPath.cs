using System.Runtime.InteropServices;

namespace NewsletterPress.Files;

/// <summary>
/// A path with every symbolic link resolved, from libc's realpath(3). Written by hand because
/// the BCL resolves only a path's last link (FileSystemInfo.ResolveLinkTarget), not the folders
/// on the way, and containment must be decided on where a path really leads.
/// </summary>
internal static partial class RealPath
{
    /// <summary>The real path of an existing file or folder; null when it does not exist or cannot be resolved.</summary>
    public static string? Of(string path)
    {
        if (path.Length == 0 || path.Contains('\0')) return null;
        var resolved = Resolve(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { Free(resolved); }
    }

    /// <summary>The real path of a path that may not exist yet (an output file): its deepest existing
    /// folder resolved, the rest appended as written.</summary>
    public static string OfPossiblyMissing(string path)
    {
        var full = Path.GetFullPath(path);
        var rest = new Stack<string>();
        for (var current = full; ;)
        {
            if (Of(current) is { } real)
                return rest.Aggregate(real, Path.Combine);
            var parent = Path.GetDirectoryName(current);
            if (parent is null) return full;
            rest.Push(Path.GetFileName(current));
            current = parent;
        }
    }

    /// <summary>True when <paramref name="realPath"/> is <paramref name="realFolder"/> or lies inside it.</summary>
    public static bool IsInside(string realPath, string realFolder) =>
        realPath == realFolder
        || realPath.StartsWith(realFolder.EndsWith('/') ? realFolder : realFolder + "/", StringComparison.Ordinal);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr Resolve(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
