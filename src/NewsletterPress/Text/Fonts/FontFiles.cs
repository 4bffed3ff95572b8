using System.Collections.Concurrent;
using System.IO.MemoryMappedFiles;
using HarfBuzzSharp;

using NewsletterPress.Shared;

namespace NewsletterPress.Text.Fonts;

/// <summary>
/// The font files of the process, each mapped into memory once: the text stage shapes with a face, and the
/// display list carries the same bytes (<see cref="FontData"/> in each <see cref="FontRef"/>) to the PDF writer,
/// which subsets them; a CJK face is 6–8 MB. Blobs are immutable, so the stages share them; they live as long
/// as the process. Only the Text stage opens font files (StageDependencyTests). A file that changed on disk
/// since it was mapped (same path, new size or time) is mapped again. A font file truncated by another
/// program while a build reads it would fault the process, as with any program that maps its fonts (Typst,
/// FreeType users).
/// </summary>
public static class FontFiles
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), Lazy<FontData>> Opened = new();

    /// <summary>The file's bytes, one <see cref="FontData"/> per file and version.</summary>
    public static FontData Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"'{path}' does not exist", path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        return Opened.GetOrAdd(key, k => new Lazy<FontData>(() => new FontData(Map(k.Path)))).Value;
    }

    /// <summary>The mappings behind the blobs, kept for the life of the process as the blobs are.</summary>
    private static readonly ConcurrentBag<(MemoryMappedFile File, MemoryMappedViewAccessor View)> Mappings = [];

    /// <summary>The file mapped into memory, read-only: the pages HarfBuzz touches (cmap, the glyphs of the issue) are
    /// read, not the whole file. HarfBuzz's own <c>hb_blob_create_from_file</c>, as HarfBuzzSharp ships it, reads the
    /// whole file instead, and for a 6–8 MB CJK face that copy was a tenth of a build's CPU time (profiled).</summary>
    private static unsafe Blob Map(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length = stream.Length;
        if (length is 0 or > int.MaxValue) return Blob.FromStream(stream); // nothing to map (HarfBuzz refuses it as a font)
        var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        Mappings.Add((file, view));
        var blob = new Blob((IntPtr)(start + view.PointerOffset), (int)length, MemoryMode.ReadOnly);
        blob.MakeImmutable();
        return blob;
    }
}
