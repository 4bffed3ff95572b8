namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The PDF could not be written (for example a font file that cannot be read or subset).
/// The message names the offending file so that the CLI can show it as is.
/// </summary>
public sealed class PdfWriterException : Exception
{
    public PdfWriterException(string message) : base(message) { }

    public PdfWriterException(string message, Exception innerException) : base(message, innerException) { }
}
