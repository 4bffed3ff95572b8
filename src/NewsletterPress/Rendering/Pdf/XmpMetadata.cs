using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The document's XMP metadata packet (ISO 32000-1 §14.3.2; ISO 16684-1), written to agree
/// with the information dictionary entry for entry (ISO 19005-3 §6.6.2.3.1 Table 3 lists the
/// pairs: Title ↔ dc:title, Author ↔ dc:creator, Creator ↔ xmp:CreatorTool, Producer ↔
/// pdf:Producer, CreationDate ↔ xmp:CreateDate, ModDate ↔ xmp:ModifyDate, Trapped ↔ pdf:Trapped).
/// Identifiers are UUIDs derived from hashes, never random: the document id from the issue's
/// identity (title, publisher, date), the instance id from the rendered content and profile.
/// </summary>
internal static class XmpMetadata
{
    private static readonly XNamespace X = "adobe:ns:meta/";
    internal static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    internal static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace XmpMM = "http://ns.adobe.com/xap/1.0/mm/";
    private static readonly XNamespace PdfXId = "http://www.npes.org/pdfx/ns/id/";
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace PdfUaId = "http://www.aiim.org/pdfua/ns/id/";
    private static readonly XNamespace PdfAExtension = "http://www.aiim.org/pdfa/ns/extension/";
    internal static readonly XNamespace PdfASchema = "http://www.aiim.org/pdfa/ns/schema#";
    internal static readonly XNamespace PdfAProperty = "http://www.aiim.org/pdfa/ns/property#";
    internal static readonly XNamespace PdfAType = "http://www.aiim.org/pdfa/ns/type#";
    internal static readonly XNamespace PdfAField = "http://www.aiim.org/pdfa/ns/field#";

    /// <param name="claimPdfUa">Write the PDF/UA identification (ISO 14289-1 §5, pdfuaid:part 1).</param>
    /// <param name="pageMultiple">The print file's page multiple, mirrored from the Info dictionary (<see cref="PageMultipleRecord"/>), or null.</param>
    public static byte[] Build(DocumentInfo info, ProfileRules rules, ReadOnlySpan<byte> contentHash, bool claimPdfUa = false, int? pageMultiple = null)
    {
        var date = XmpDate(info.Date);
        var description = new XElement(Rdf + "Description",
            new XAttribute(Rdf + "about", ""),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "xmp", Xmp),
            new XAttribute(XNamespace.Xmlns + "pdf", Pdf),
            new XAttribute(XNamespace.Xmlns + "xmpMM", XmpMM));
        if (!string.IsNullOrEmpty(info.Title))
            description.Add(new XElement(Dc + "title", new XElement(Rdf + "Alt", LangItem(info.Title))));
        if (!string.IsNullOrEmpty(info.Publisher))
            description.Add(new XElement(Dc + "creator", new XElement(Rdf + "Seq", new XElement(Rdf + "li", info.Publisher))));
        if (!string.IsNullOrWhiteSpace(info.Language))
            description.Add(new XElement(Dc + "language", new XElement(Rdf + "Bag", new XElement(Rdf + "li", info.Language))));
        if (info.Volume is { } volume)
            description.Add(XmpVolumeRecord.Properties(volume));
        description.Add(
            new XElement(Dc + "format", "application/pdf"),
            new XElement(Xmp + "CreateDate", date),
            new XElement(Xmp + "ModifyDate", date),
            new XElement(Xmp + "MetadataDate", date),
            new XElement(Xmp + "CreatorTool", DocumentInformation.Producer),
            new XElement(Pdf + "Producer", DocumentInformation.Producer),
            new XElement(XmpMM + "DocumentID", DocumentId(info)),
            new XElement(XmpMM + "InstanceID", Uuid(Encoding.UTF8.GetBytes(rules.Profile + "|").Concat(contentHash.ToArray()).ToArray())));

        switch (rules.Profile)
        {
            case PdfProfile.Print:
                // ISO 15930-7 §6.7.2: the version identifier, and xmpMM:VersionID and RenditionClass.
                description.Add(new XAttribute(XNamespace.Xmlns + "pdfxid", PdfXId),
                    new XElement(XmpMM + "VersionID", "1"),
                    new XElement(XmpMM + "RenditionClass", "default"),
                    new XElement(Pdf + "Trapped", "False"),
                    new XElement(PdfXId + "GTS_PDFXVersion", "PDF/X-4"));
                break;
            case PdfProfile.PrintX1a:
                description.Add(new XElement(Pdf + "Trapped", "False"));
                break;
            case PdfProfile.Archive:
                // ISO 19005-3 §6.6.4: part and conformance level.
                description.Add(new XAttribute(XNamespace.Xmlns + "pdfaid", PdfAId),
                    new XElement(PdfAId + "part", "3"),
                    new XElement(PdfAId + "conformance", "U"));
                if (claimPdfUa || info.Volume is not null)
                    description.Add(ExtensionSchemas(claimPdfUa ? PdfUaExtensionSchema() : null,
                        info.Volume is null ? null : XmpVolumeRecord.ExtensionSchema()));
                break;
        }
        if (claimPdfUa)
        {
            // ISO 14289-1 §5: the PDF/UA identification schema, part 1.
            description.Add(new XAttribute(XNamespace.Xmlns + "pdfuaid", PdfUaId), new XElement(PdfUaId + "part", "1"));
        }
        if (pageMultiple is { } multiple)
            description.Add(PageMultipleRecord.XmpProperty(multiple));

        var root = new XElement(X + "xmpmeta", new XAttribute(XNamespace.Xmlns + "x", X),
            new XElement(Rdf + "RDF", new XAttribute(XNamespace.Xmlns + "rdf", Rdf), description));
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = " ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(false),
        };
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, settings))
            root.WriteTo(xml);
        // ISO 16684-1 §7.3.2 packet wrapper; the BOM in begin="" marks the packet as UTF-8.
        var packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" + sb + "\n<?xpacket end=\"r\"?>";
        return Encoding.UTF8.GetBytes(packet);
    }

    /// <summary>
    /// PDF/A admits only the predefined XMP schemas; any other, such as PDF/UA's identification or the
    /// volume record's, must be described in the file (ISO 19005-3 §6.6.2.3.1, the container of §6.6.2.3.3).
    /// </summary>
    private static XElement ExtensionSchemas(params XElement?[] schemas) =>
        new(PdfAExtension + "schemas",
            new XAttribute(XNamespace.Xmlns + "pdfaExtension", PdfAExtension),
            new XAttribute(XNamespace.Xmlns + "pdfaSchema", PdfASchema),
            new XAttribute(XNamespace.Xmlns + "pdfaProperty", PdfAProperty),
            new XAttribute(XNamespace.Xmlns + "pdfaType", PdfAType),
            new XAttribute(XNamespace.Xmlns + "pdfaField", PdfAField),
            new XElement(Rdf + "Bag", schemas.OfType<XElement>()));

    /// <summary>The description of PDF/UA's identification schema (ISO 14289-1 §5).</summary>
    private static XElement PdfUaExtensionSchema()
    {
        var property = new XElement(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
            new XElement(PdfAProperty + "name", "part"),
            new XElement(PdfAProperty + "valueType", "Integer"),
            new XElement(PdfAProperty + "category", "internal"),
            new XElement(PdfAProperty + "description", "Indicates, which part of ISO 14289 standard is followed"));
        return new XElement(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
            new XElement(PdfASchema + "schema", "PDF/UA Universal Accessibility Schema"),
            new XElement(PdfASchema + "namespaceURI", PdfUaId.NamespaceName),
            new XElement(PdfASchema + "prefix", "pdfuaid"),
            new XElement(PdfASchema + "property", new XElement(Rdf + "Seq", property)));
    }

    /// <summary>ISO 8601 with the offset the date carries, to the second: equal to the Info date (§7.9.4).</summary>
    public static string XmpDate(DateTimeOffset date) =>
        date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) +
        (date.Offset < TimeSpan.Zero ? "-" : "+") + date.Offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static XElement LangItem(string text) =>
        new(Rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), text);

    private static string DocumentId(DocumentInfo info) =>
        Uuid(Encoding.UTF8.GetBytes("NewsletterPress document|" + info.Title + "|" + info.Publisher + "|" + XmpDate(info.Date)));

    /// <summary>"uuid:" and an RFC 9562 version-8 (custom) UUID made of the first 16 bytes of a SHA-256.</summary>
    private static string Uuid(byte[] seed)
    {
        var b = SHA256.HashData(seed)[..16];
        b[6] = (byte)((b[6] & 0x0F) | 0x80);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(b).ToLowerInvariant();
        return $"uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
