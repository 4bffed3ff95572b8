using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The document information dictionary (ISO 32000-1 §14.3.3). Both dates come from the
/// issue's date, never from the clock, so rebuilding gives the same bytes.
/// </summary>
internal static class DocumentInformation
{
    public const string Producer = "NewsletterPress";

    public static PdfDictionary Build(DocumentInfo info)
    {
        var dictionary = new PdfDictionary();
        if (!string.IsNullOrEmpty(info.Title))
            dictionary.TextString("Title", info.Title);
        if (!string.IsNullOrEmpty(info.Publisher))
            dictionary.TextString("Author", info.Publisher).TextString("Creator", info.Publisher);
        var date = PdfSyntax.Date(info.Date);
        return dictionary
            .TextString("Producer", Producer)
            .LiteralString("CreationDate", date)
            .LiteralString("ModDate", date);
    }
}
