namespace NewsletterPress.Rendering.Pdf;

/// <summary>Switches for the PDF writer.</summary>
/// <param name="Compress">Flate-compress content, font and CMap streams (ISO 32000-1 §7.4.4).
/// Off only to make the raw file readable while debugging (object streams are then off too).</param>
/// <param name="Profile">What the file is for: screen (default), print (PDF/X-4), print for
/// PDF/X-1a workflows, or archive (PDF/A-3u).</param>
/// <param name="MaxImageDpi">Images whose placed size gives more pixels per inch than this are
/// downsampled to it; images at or below it are never resampled. Zero or less: never downsample.</param>
/// <param name="PrintIntent">For <see cref="PdfProfile.Print"/> and <see cref="PdfProfile.PrintX1a"/>: the
/// printing condition and its CMYK output profile for the output intent; null keeps the built-in
/// FOGRA39. Other profiles ignore it.</param>
/// <param name="PageMultiple">For the print profiles: the multiple the page count is meant to be (pages per
/// folded sheet), recorded in the file for a later <c>check --pdf</c> (<see cref="PageMultipleRecord"/>); null
/// records nothing. Other profiles ignore it.</param>
public sealed record PdfWriterOptions(bool Compress = true, PdfProfile Profile = PdfProfile.Screen, double MaxImageDpi = 350,
    PrintOutputIntent? PrintIntent = null, int? PageMultiple = null)
{
    public static readonly PdfWriterOptions Default = new();

    /// <summary>For the preflight only: write the file without what would stop the writer (a link to an
    /// anchor no page defines, which the preflight reports from the layout), so that the checks see the
    /// rest of the file. A build never sets it.</summary>
    internal bool KeepViolations { get; init; }
}
