using System.Globalization;

namespace NewsletterPress.Preflight;

/// <summary>
/// A print run folds sheets: 4 pages a sheet for a saddle-stitched newsletter, or the multiple
/// the issue asks for. A page count off that multiple means blank pages the printer adds or asks
/// about, so a print build and `check` say so. Not a clause of any standard: prepress advice.
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

    internal static Finding? Finding(int pages, int multiple) =>
        Warning(pages, multiple) is { } message ? new Finding(Severity.Warning, "imposition", message) : null;
}
