using NewsletterPress.Diagnostics;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Pdf;

/// <summary>A link inside a paragraph gets its own Link element: the glyph run it crosses is cut where it starts
/// and ends, which must change nothing that is drawn or extracted.</summary>
public sealed class LinkElementTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Cutting_runs_at_links_draws_and_extracts_exactly_what_the_untagged_file_does()
    {
        var (_, document) = IssueBuild.Compose(Repo.Vol11, new WarningLog());
        var tagged = _temp.File("tagged.pdf");
        var untagged = _temp.File("untagged.pdf");
        PdfWriter.Write(document, tagged);
        PdfWriter.Write(document with { Structure = [] }, untagged);
        Assert.Equal(PdfTools.Ok("pdftotext", "-layout", untagged, "-"), PdfTools.Ok("pdftotext", "-layout", tagged, "-"));
        // The last page holds the donation box's two mailto links, cut out of their paragraphs.
        var last = document.Pages.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        PdfTools.Ok("pdftoppm", "-r", "72", "-gray", "-f", last, "-l", last, tagged, _temp.File("t"));
        PdfTools.Ok("pdftoppm", "-r", "72", "-gray", "-f", last, "-l", last, untagged, _temp.File("u"));
        Assert.Equal(File.ReadAllBytes(_temp.File($"u-{last}.pgm")), File.ReadAllBytes(_temp.File($"t-{last}.pgm")));
    }
}
