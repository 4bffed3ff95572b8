namespace NewsletterPress.Rendering.Pdf;

/// <summary>Switches for the PDF writer. Profiles (screen, print, archive) will be added here.</summary>
/// <param name="Compress">Flate-compress content, font and CMap streams (ISO 32000-1 §7.4.4).
/// Off only to make the raw file readable while debugging.</param>
public sealed record PdfWriterOptions(bool Compress = true)
{
    public static readonly PdfWriterOptions Default = new();
}
