using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>Every issue's text comes out of both readers without replacement characters or radicals.</summary>
public class ExtractionTests
{
    public static TheoryData<string> Issues() => BuiltIssues.All();

    [Theory]
    [MemberData(nameof(Issues))]
    public void Poppler_and_mupdf_extract_no_replacement_characters_or_radicals(string issue)
    {
        var pdf = BuiltIssues.Get(issue).Pdf; // built through the command line, which must succeed
        foreach (var text in new[]
                 {
                     PdfTools.Ok("pdftotext", "-enc", "UTF-8", pdf, "-"),
                     PdfTools.Ok("mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf),
                 })
        {
            Assert.DoesNotContain('\uFFFD', text);
            Assert.DoesNotMatch("[\u2E80-\u2FDF]", text);
            Assert.True(text.Length > 500);
        }
    }
}
