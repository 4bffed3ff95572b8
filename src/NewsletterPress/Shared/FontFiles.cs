using System.Collections.Concurrent;
using HarfBuzzSharp;

namespace NewsletterPress.Shared;

/// <summary>
/// The font files of the process, each read once: the text stage shapes with a face and the PDF
/// writer subsets the same file, and a CJK face is 6–8 MB that HarfBuzz reads into memory. Blobs are
/// immutable, so the stages share them; they live as long as the process. A file that changed
/// on disk since it was read (same path, new size or time) is read again.
/// </summary>
public static class FontFiles
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), Lazy<Blob>> Blobs = new();

    /// <summary>The file's bytes as a HarfBuzz blob. The caller must not dispose it.</summary>
    public static Blob Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"'{path}' does not exist", path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        return Blobs.GetOrAdd(key, k => new Lazy<Blob>(() =>
        {
            var blob = Blob.FromFile(k.Path);
            blob.MakeImmutable();
            return blob;
        })).Value;
    }
}
