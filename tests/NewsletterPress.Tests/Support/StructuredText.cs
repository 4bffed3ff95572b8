using System.Globalization;
using System.Xml.Linq;

namespace NewsletterPress.Tests.Support;

/// <summary>One character as mupdf reads it back from a PDF: origin (baseline) and right edge, in points from the top-left.</summary>
/// <param name="Line">mupdf's line number in the document: characters it grouped into one line share it.</param>
public sealed record PdfChar(int Page, string Text, double X, double Baseline, double Right, double Size, string Font, int Line);

/// <summary>Character positions from `mutool draw -F stext`, an independent reader of our files.</summary>
public static class StructuredText
{
    public static IReadOnlyList<PdfChar> Read(string pdf)
    {
        var xml = NewsletterPress.Tests.Pdf.PdfTools.Ok("mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf);
        var chars = new List<PdfChar>();
        int page = 0, lineNumber = 0;
        foreach (var p in XDocument.Parse(xml).Root!.Elements("page"))
        {
            page++;
            lineNumber += 10_000;
            foreach (var (font, line) in p.Descendants("line").SelectMany((l, i) => l.Elements("font").Select(f => (f, lineNumber + i))))
            {
                var size = D(font.Attribute("size")!.Value);
                var name = font.Attribute("name")!.Value;
                foreach (var c in font.Elements("char"))
                {
                    var quad = c.Attribute("quad")!.Value.Split(' ').Select(D).ToArray();
                    chars.Add(new PdfChar(page, c.Attribute("c")!.Value, D(c.Attribute("x")!.Value), D(c.Attribute("y")!.Value),
                        Math.Max(quad[2], quad[6]), size, name, line));
                }
            }
        }
        return chars;
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
