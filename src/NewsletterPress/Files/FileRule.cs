namespace NewsletterPress.Files;

/// <summary>
/// What the tool will read of one kind of file, and how much: every read has a limit, so an
/// endless or enormous file is a clear error instead of gigabytes of memory. The limits sit far
/// above what a newsletter needs (vol-11's articles are 20 KB together, a CJK font 8–27 MB).
/// </summary>
/// <param name="What">The file's kind in a message: "the manifest", "an image", …</param>
/// <param name="MaxBytes">The largest file read.</param>
/// <param name="Advice">What to do about a file over the limit.</param>
public sealed record FileRule(string What, long MaxBytes, string Advice)
{
    private const long MB = 1024 * 1024;

    public static readonly FileRule Manifest = new("the manifest", 1 * MB, "a manifest lists the articles; it is never that long");
    public static readonly FileRule Article = new("the article", 1 * MB, "split it into several articles");
    public static readonly FileRule Image = new("the image", 64 * MB, "export it smaller (a full A4 page at 350 dpi needs about 12 megapixels)");
    public static readonly FileRule Font = new("the font", 64 * MB, "use a font file of a single face");
    public static readonly FileRule IccProfile = new("the ICC profile", 16 * MB, "ask the print shop for its output profile");
    public static readonly FileRule Pdf = new("the PDF", 256 * MB, "check a smaller file, or split it");
    public static readonly FileRule Attachment = new("the file", 64 * MB, "use a smaller file: the archive profile attaches every file the volume needs");

    /// <summary>All the articles of an issue together: 1 MB of text sets into about 200 pages in some 15 s
    /// and 300 MB; a newsletter is a tenth of that, and a larger file would take the build past its bounds.</summary>
    public const long ArticlesTotal = 1 * MB;

    /// <summary>All the files the archive profile attaches, together.</summary>
    public const long AttachmentsTotal = 128 * MB;

    public static string Size(long bytes) => bytes >= MB ? $"{bytes / (double)MB:0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
