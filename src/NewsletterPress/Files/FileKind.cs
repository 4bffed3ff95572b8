using Mono.Unix.Native;

namespace NewsletterPress.Files;

/// <summary>What a path names once symbolic links are followed.</summary>
public enum FileKind { Missing, Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Unreachable }

/// <summary>
/// The kind and size of a file from stat(2), without opening it: opening a FIFO for reading
/// blocks until a writer comes, and a device may never end. The BCL cannot tell a FIFO or a
/// device from an empty file, so Mono.Unix asks the kernel.
/// </summary>
public static class FileKinds
{
    public static (FileKind Kind, long Size) Of(string path)
    {
        if (path.Length == 0 || path.Contains('\0')) return (FileKind.Missing, 0);
        if (Syscall.stat(path, out var status) != 0)
            return Stdlib.GetLastError() is Errno.ENOENT or Errno.ENOTDIR ? (FileKind.Missing, 0) : (FileKind.Unreachable, 0);
        var kind = (status.st_mode & FilePermissions.S_IFMT) switch
        {
            FilePermissions.S_IFREG => FileKind.Regular,
            FilePermissions.S_IFDIR => FileKind.Directory,
            FilePermissions.S_IFIFO => FileKind.Fifo,
            FilePermissions.S_IFCHR => FileKind.CharacterDevice,
            FilePermissions.S_IFBLK => FileKind.BlockDevice,
            _ => FileKind.Socket,
        };
        return (kind, status.st_size);
    }

    /// <summary>"a FIFO (named pipe)", "a directory", …: the words an error message uses.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Unreachable => "unreachable (a link that loops, or a folder on the way that may not be entered)",
        FileKind.Missing => "missing",
        _ => "a file",
    };
}
