using System.Globalization;
using System.Xml.Linq;
using NewsletterPress.Display;
using static NewsletterPress.Rendering.Pdf.XmpMetadata;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The volume's record in the XMP: Dublin Core for what it has words for (dc:publisher, dc:date,
/// dc:contributor for the authors; dc:title and dc:language are written with the Info pairs), and a
/// small namespace of our own for the rest: <c>npv:newsletter</c>, <c>npv:volume</c> and
/// <c>npv:articles</c>, a Seq of <c>Article</c> structures (<c>npa:title</c>, <c>npa:kicker</c>,
/// <c>npa:author</c>, <c>npa:firstPage</c>, <c>npa:source</c>). PDF/A admits a schema that is not
/// predefined only when the file describes it (ISO 19005-3 §6.6.2.3.1, the pdfaExtension, pdfaSchema,
/// pdfaProperty, pdfaType and pdfaField schemas of ISO 19005-1 §6.7.8), so <see cref="ExtensionSchema"/>
/// describes both namespaces, the structure type and its fields.
/// </summary>
internal static class XmpVolumeRecord
{
    public static readonly XNamespace Volume = "https://newsletterpress.local/ns/volume/1.0/";
    public static readonly XNamespace Article = "https://newsletterpress.local/ns/article/1.0/";

    /// <summary>The record's properties, to add to the rdf:Description (which declares the prefixes).</summary>
    public static IEnumerable<object> Properties(VolumeRecord record)
    {
        yield return new XAttribute(XNamespace.Xmlns + "npv", Volume);
        yield return new XAttribute(XNamespace.Xmlns + "npa", Article);
        if (!string.IsNullOrEmpty(record.Publisher))
            yield return new XElement(Dc + "publisher", new XElement(Rdf + "Bag", new XElement(Rdf + "li", record.Publisher)));
        yield return new XElement(Dc + "date", new XElement(Rdf + "Seq",
            new XElement(Rdf + "li", record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        var authors = record.Articles.Select(a => a.Author).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (authors.Count > 0)
            yield return new XElement(Dc + "contributor", new XElement(Rdf + "Bag", authors.Select(a => new XElement(Rdf + "li", a))));
        yield return new XElement(Volume + "newsletter", record.Newsletter);
        yield return new XElement(Volume + "volume", record.Volume.ToString(CultureInfo.InvariantCulture));
        yield return new XElement(Volume + "articles", new XElement(Rdf + "Seq", record.Articles.Select(a =>
            new XElement(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
                new XElement(Article + "title", a.Title),
                a.Kicker is null ? null : new XElement(Article + "kicker", a.Kicker),
                a.Author is null ? null : new XElement(Article + "author", a.Author),
                new XElement(Article + "firstPage", a.FirstPage.ToString(CultureInfo.InvariantCulture)),
                new XElement(Article + "source", a.Source)))));
    }

    /// <summary>The pdfaSchema description of the record's namespace and its Article type, one rdf:li of pdfaExtension:schemas.</summary>
    public static XElement ExtensionSchema() =>
        new(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
            new XElement(PdfASchema + "schema", "NewsletterPress volume record"),
            new XElement(PdfASchema + "namespaceURI", Volume.NamespaceName),
            new XElement(PdfASchema + "prefix", "npv"),
            new XElement(PdfASchema + "property", new XElement(Rdf + "Seq",
                Property("newsletter", "Text", "The newsletter's name, as on the masthead"),
                Property("volume", "Integer", "The volume number"),
                Property("articles", "Seq Article", "The volume's articles in printed order"))),
            new XElement(PdfASchema + "valueType", new XElement(Rdf + "Seq",
                new XElement(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
                    new XElement(PdfAType + "type", "Article"),
                    new XElement(PdfAType + "namespaceURI", Article.NamespaceName),
                    new XElement(PdfAType + "prefix", "npa"),
                    new XElement(PdfAType + "description", "One article of the volume"),
                    new XElement(PdfAType + "field", new XElement(Rdf + "Seq",
                        Field("title", "Text", "The article's title"),
                        Field("kicker", "Text", "The line printed above the title, if any"),
                        Field("author", "Text", "The article's author, if named"),
                        Field("firstPage", "Integer", "The printed number of the page the article starts on"),
                        Field("source", "Text", "The article's Markdown file, relative to the issue folder")))))));

    private static XElement Property(string name, string valueType, string description) =>
        new(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
            new XElement(PdfAProperty + "name", name),
            new XElement(PdfAProperty + "valueType", valueType),
            new XElement(PdfAProperty + "category", "external"),
            new XElement(PdfAProperty + "description", description));

    private static XElement Field(string name, string valueType, string description) =>
        new(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
            new XElement(PdfAField + "name", name),
            new XElement(PdfAField + "valueType", valueType),
            new XElement(PdfAField + "description", description));
}
