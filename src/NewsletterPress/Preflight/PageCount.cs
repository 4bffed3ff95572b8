using System.Globalization;
using System.Xml.Linq;
using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Preflight;

/// <summary>
/// A print run folds sheets: 4 pages a sheet for a saddle-stitched newsletter, or the multiple
/// the issue asks for. A page count off that multiple means blank pages the printer adds or asks
/// about, so a print build and `check` say so. Not a clause of any standard: prepress advice.
/// A PDF alone does not say how it is folded; our print files record the multiple they were built
/// for (<see cref="PageMultipleRecord"/>), and a file without that record is held to 4.
/// </summary>
public static class PageCount
{
    /// <summary>Pages per folded sheet when the issue names no other multiple.</summary>
    public const int DefaultMultiple = 4;

    public static string? Warning(int pages, int multiple)
    {
        if (multiple <= 1 || pages % multiple == 0)
            return null;
        var next = (pages + multiple - 1) / multiple * multiple;
        return string.Create(CultureInfo.InvariantCulture,
            $"the print file has {pages} page{(pages == 1 ? "" : "s")}, not a multiple of {multiple}: the printer will add {next - pages} blank page{(next - pages == 1 ? "" : "s")} to make {next}, or ask which");
    }

    /// <summary>The file's page count against <paramref name="multiple"/> when the caller names one, else against the
    /// multiple the file records, else against 4. A record that is not a whole number of pages is reported and ignored.</summary>
    internal static void Check(PdfFile file, int? multiple, List<Finding> findings)
    {
        var (recorded, raw) = Recorded(file);
        if (multiple is null && recorded is null && raw is not null)
            findings.Add(new Finding(Severity.Warning, "imposition",
                $"the file records its page multiple as '{raw}', which is not a whole number of pages from 1 to {PageMultipleRecord.Most}; the page count is checked against {DefaultMultiple}"));
        if (Warning(file.Pages.Count, multiple ?? recorded ?? DefaultMultiple) is { } message)
            findings.Add(new Finding(Severity.Warning, "imposition", message));
    }

    /// <summary>The multiple the file records, from its XMP (<c>npp:pageMultiple</c>) or else its Info dictionary (PDF/X-1a
    /// has no XMP); <c>Raw</c> is the text as written when there is a record at all.</summary>
    internal static (int? Multiple, string? Raw) Recorded(PdfFile file)
    {
        var xmp = file.Xmp;
        var raw = xmp?.Descendants(PageMultipleRecord.Print + PageMultipleRecord.Property).FirstOrDefault()?.Value
            ?? xmp?.Descendants().Attributes(PageMultipleRecord.Print + PageMultipleRecord.Property).FirstOrDefault()?.Value
            ?? file.Text(file.Info, PageMultipleRecord.InfoKey);
        return (PageMultipleRecord.Parse(raw), raw);
    }
}
