using NewsletterPress.Display;
using NewsletterPress.Shared;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Fills the document information dictionary (ISO 32000-1 §14.3.3) from the issue. Both
/// dates come from the date, never from the clock, so rebuilding gives the same bytes.
/// The print profiles add what PDF/X asks of it (ISO 15930-7 §6.7.5, ISO 15930-1 §6.6.5):
/// /Trapped /False and the version identifiers, and our record of the page multiple
/// (<see cref="PageMultipleRecord"/>). Every value here is mirrored in the XMP where the profile has one.
/// </summary>
internal static class DocumentInformation
{
    public static string Producer => ToolVersion.Producer;

    /// <param name="pageMultiple">The print file's page multiple to record, or null.</param>
    public static PdfDictionary Build(DocumentInfo info, ProfileRules rules, int? pageMultiple = null)
    {
        var dictionary = new InformationDictionary();
        if (!string.IsNullOrEmpty(info.Title))
            dictionary.Title(info.Title);
        if (!string.IsNullOrEmpty(info.Publisher))
            dictionary.Author(info.Publisher);
        dictionary
            .Creator(Producer)
            .Producer(Producer)
            .CreationDate(info.Date)
            .ModDate(info.Date);
        switch (rules.Profile)
        {
            case PdfProfile.Print:
                dictionary.Trapped(false).PdfXVersion("PDF/X-4");
                break;
            case PdfProfile.PrintX1a:
                dictionary.Trapped(false).PdfXVersion("PDF/X-1:2001").PdfXConformance("PDF/X-1a:2001");
                break;
        }
        if (pageMultiple is { } multiple)
            dictionary.PageMultiple(multiple);
        return dictionary.Dictionary;
    }
}
