using System.Globalization;
using System.Xml.Linq;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The multiple the print file's page count is meant to be (4 for a folded sheet, or the issue's
/// <c>pages: { multiple-of: N }</c>, 2 for one sheet printed on both sides), recorded in the file: a PDF
/// alone does not say how it is folded, and <c>check --pdf</c> must know it to warn about blank pages.
/// Only the print files carry it, where each PDF/X allows it:
/// <list type="bullet">
/// <item>a key of our own in the document information dictionary, with a text string value (ISO 32000-1
/// §14.3.3 admits keys beyond those of Table 317; PDF/X-1a:2001 is PDF 1.3 and has no XMP, so the Info
/// dictionary is its only place; PDF/X-1a and PDF/X-4 require only their own keys there, ISO 15930-1 §6.6.5,
/// ISO 15930-7 §6.7.5);</item>
/// <item>mirrored for PDF/X-4 in the XMP, in a namespace of our own (<c>npp:pageMultiple</c>); PDF/X-4
/// admits any XMP schema. PDF/A would ask for an extension schema description of it (ISO 19005-3
/// §6.6.2.3.1), but archive files are not printed by the sheet and do not carry the record.</item>
/// </list>
/// The Info key has no XMP counterpart among the predefined schemas, so the rules that pair Info with XMP
/// (ISO 19005-3 §6.6.2.3.1 Table 3, ISO 15930-7 §6.7.2) do not apply to it.
/// </summary>
internal static class PageMultipleRecord
{
    /// <summary>The key in the document information dictionary.</summary>
    public const string InfoKey = "NewsletterPressPageMultiple";

    /// <summary>NewsletterPress's namespace for what the print run needs to know, and its one property.</summary>
    public static readonly XNamespace Print = "https://newsletterpress.local/ns/print/1.0/";

    public const string Prefix = "npp", Property = "pageMultiple";

    /// <summary>The largest multiple the record holds (the manifest's limit on <c>pages.multiple-of</c> is lower).</summary>
    public const int Most = 9999;

    public static string Text(int multiple) => multiple.ToString(CultureInfo.InvariantCulture);

    /// <summary>A recorded value read back: a whole number of pages from 1 to <see cref="Most"/>, else null.</summary>
    public static int? Parse(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var multiple) && multiple is >= 1 and <= Most
            ? multiple : null;

    /// <summary>The XMP property, with its namespace declaration, to add to the rdf:Description.</summary>
    public static IEnumerable<XObject> XmpProperty(int multiple) =>
        [new XAttribute(XNamespace.Xmlns + Prefix, Print), new XElement(Print + Property, Text(multiple))];
}
