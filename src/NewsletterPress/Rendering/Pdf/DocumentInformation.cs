using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Fills the document information dictionary (ISO 32000-1 §14.3.3) from the issue. Both
/// dates come from the date, never from the clock, so rebuilding gives the same bytes.
/// </summary>
internal static class DocumentInformation
{
    public const string Producer = "NewsletterPress";

    public static PdfDictionary Build(DocumentInfo info)
    {
        var dictionary = new InformationDictionary();
        if (!string.IsNullOrEmpty(info.Title))
            dictionary.Title(info.Title);
        if (!string.IsNullOrEmpty(info.Publisher))
            dictionary.Author(info.Publisher);
        return dictionary
            .Creator(Producer)
            .Producer(Producer)
            .CreationDate(info.Date)
            .ModDate(info.Date)
            .Dictionary;
    }
}
