using System.Xml.Linq;
using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Tests.Pdf;

public sealed class MetadataTests : IDisposable
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace XmpMM = "http://ns.adobe.com/xap/1.0/mm/";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    internal static XDocument XmpOf(PdfInspector pdf)
    {
        var metadata = pdf.Catalog.GetProperty("/Metadata").GetString()!;
        Assert.Equal("/XML", pdf.Object(metadata).GetProperty("/Subtype").GetString());
        var text = System.Text.Encoding.UTF8.GetString(pdf.StreamData(metadata));
        return XDocument.Parse(text.TrimStart('\uFEFF'));
    }

    private PdfInspector Write(PdfProfile profile)
    {
        var path = _temp.File(profile + ".pdf");
        PdfWriter.Write(RichDocuments.Build(_temp, rgbImages: profile != PdfProfile.PrintX1a), path, new PdfWriterOptions(Profile: profile));
        return new PdfInspector(path);
    }

    [Theory]
    [InlineData(PdfProfile.Screen)]
    [InlineData(PdfProfile.Print)]
    [InlineData(PdfProfile.Archive)]
    public void The_XMP_packet_parses_and_agrees_with_the_Info_dictionary(PdfProfile profile)
    {
        var pdf = Write(profile);
        var xmp = XmpOf(pdf);
        var info = pdf.Info;
        string Info(string key) => PdfInspector.Text(info.GetProperty(key));
        string One(XNamespace ns, string name) => Assert.Single(xmp.Descendants(ns + name)).Value;

        Assert.Equal(Info("/Title"), Assert.Single(xmp.Descendants(Dc + "title").Descendants(Rdf + "li")).Value);
        Assert.Equal("x-default", xmp.Descendants(Dc + "title").Descendants(Rdf + "li").Single().Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal(Info("/Author"), Assert.Single(xmp.Descendants(Dc + "creator").Descendants(Rdf + "li")).Value);
        Assert.Equal("ja-JP", Assert.Single(xmp.Descendants(Dc + "language").Descendants(Rdf + "li")).Value);
        Assert.Equal(Info("/Producer"), One(Pdf, "Producer"));
        Assert.Equal(Info("/Creator"), One(Xmp, "CreatorTool"));
        Assert.Equal("D:20260401093000+09'00'", Info("/CreationDate"));
        Assert.Equal("2026-04-01T09:30:00+09:00", One(Xmp, "CreateDate"));
        Assert.Equal("2026-04-01T09:30:00+09:00", One(Xmp, "ModifyDate"));
        Assert.Equal(Info("/CreationDate"), Info("/ModDate"));
        Assert.Matches("^uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", One(XmpMM, "DocumentID"));
        Assert.Matches("^uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", One(XmpMM, "InstanceID"));
        if (pdf.Has(info, "/Trapped"))
            Assert.Equal("False", One(Pdf, "Trapped"));
    }

    [Fact]
    public void PDF_X_1a_is_PDF_1_3_with_no_key_of_a_later_version_and_names_itself_in_Info()
    {
        var pdf = Write(PdfProfile.PrintX1a);
        Assert.StartsWith("%PDF-1.3", File.ReadAllText(pdf.Path, System.Text.Encoding.Latin1));
        foreach (var key in new[] { "/Metadata", "/MarkInfo", "/Lang", "/ViewerPreferences", "/StructTreeRoot" })
            Assert.False(pdf.Has(pdf.Catalog, key), key);
        Assert.All(pdf.Pages, p => Assert.False(pdf.Has(pdf.Object(p), "/Tabs")));
        Assert.Equal("PDF/X-1:2001", PdfInspector.Text(pdf.Info.GetProperty("/GTS_PDFXVersion")));
        Assert.Equal("PDF/X-1a:2001", PdfInspector.Text(pdf.Info.GetProperty("/GTS_PDFXConformance")));
        Assert.Equal("/False", pdf.Info.GetProperty("/Trapped").GetString());
    }

    [Fact]
    public void The_document_id_stays_with_the_issue_and_the_instance_id_follows_the_content()
    {
        string Id(DisplayDocumentVariant variant, string element)
        {
            var document = RichDocuments.Build(_temp.NewSubfolder());
            if (variant == DisplayDocumentVariant.OnePageLess)
                document = document with { Pages = [document.Pages[0]] };
            var path = _temp.File(Guid.NewGuid().ToString("N") + ".pdf");
            PdfWriter.Write(document, path);
            return XmpOf(new PdfInspector(path)).Descendants(XmpMM + element).Single().Value;
        }
        Assert.Equal(Id(DisplayDocumentVariant.Full, "DocumentID"), Id(DisplayDocumentVariant.OnePageLess, "DocumentID"));
        Assert.NotEqual(Id(DisplayDocumentVariant.Full, "InstanceID"), Id(DisplayDocumentVariant.OnePageLess, "InstanceID"));
        Assert.Equal(Id(DisplayDocumentVariant.Full, "InstanceID"), Id(DisplayDocumentVariant.Full, "InstanceID"));
    }

    private enum DisplayDocumentVariant { Full, OnePageLess }
}
