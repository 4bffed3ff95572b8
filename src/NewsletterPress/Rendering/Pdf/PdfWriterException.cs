namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The PDF could not be written (for example a font file that cannot be read or subset).
/// The message names the offending file so that the CLI can show it as is.
/// </summary>
public sealed class PdfWriterException : Exception
{
    /// <summary>The file the error is about, when there is one: an image or a font (the build turns it
    /// into the place in the issue that named the file), or the output that could not be written.</summary>
    public string? File { get; init; }

    public PdfWriterException(string message) : base(message) { }

    public PdfWriterException(string message, Exception innerException) : base(message, innerException) { }
}
