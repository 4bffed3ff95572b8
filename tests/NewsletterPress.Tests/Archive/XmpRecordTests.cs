using System.Text.Json;
using System.Xml.Linq;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Manifest;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Archive;

/// <summary>The volume's record in the XMP (issue #15), parsed back from the PDF that qpdf reads.</summary>
public sealed class XmpRecordTests : IDisposable
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace Npv = "https://newsletterpress.local/ns/volume/1.0/";
    private static readonly XNamespace Npa = "https://newsletterpress.local/ns/article/1.0/";
    private static readonly XNamespace PdfASchema = "http://www.aiim.org/pdfa/ns/schema#";
    private static readonly XNamespace PdfAProperty = "http://www.aiim.org/pdfa/ns/property#";
    private static readonly XNamespace PdfAType = "http://www.aiim.org/pdfa/ns/type#";
    private static readonly XNamespace PdfAField = "http://www.aiim.org/pdfa/ns/field#";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string BuildArchive(string issue)
    {
        var pdf = _temp.File(Guid.NewGuid().ToString("N") + ".pdf");
        var r = Cli.Run(Repo.Root, "build", issue, "--profile", "archive", "--out", pdf);
        Assert.True(r.ExitCode == 0, r.StdErr);
        return pdf;
    }

    /// <summary>The top-level outline entries (one per article) with their page, as qpdf resolves them.</summary>
    private static List<(string Title, int Page)> Outline(string pdf)
    {
        using var json = JsonDocument.Parse(PdfTools.Ok("qpdf", "--json=2", "--json-key=outlines", pdf));
        return [.. json.RootElement.GetProperty("outlines").EnumerateArray()
            .Select(o => (o.GetProperty("title").GetString()!, o.GetProperty("destpageposfrom1").GetInt32()))];
    }

    /// <summary>Checks the record against the manifest and the articles' front matter, and each first page against the outline.</summary>
    private static void AssertRecordOf(string issueFolder, string pdf)
    {
        var xmp = MetadataTests.XmpOf(new PdfInspector(pdf));
        var issue = IssueLoader.Load(issueFolder);
        string One(XNamespace ns, string name) => Assert.Single(xmp.Descendants(ns + name)).Value;
        string OnlyItem(XNamespace ns, string name) => Assert.Single(Assert.Single(xmp.Descendants(ns + name)).Descendants(Rdf + "li")).Value;

        Assert.Equal(issue.Newsletter, One(Npv, "newsletter"));
        Assert.Equal(issue.Volume.ToString(System.Globalization.CultureInfo.InvariantCulture), One(Npv, "volume"));
        Assert.Equal(issue.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), OnlyItem(Dc, "date"));
        Assert.Equal(issue.Publisher, OnlyItem(Dc, "publisher"));
        Assert.Equal(issue.Language, OnlyItem(Dc, "language"));

        var records = Assert.Single(xmp.Descendants(Npv + "articles")).Element(Rdf + "Seq")!.Elements(Rdf + "li").ToList();
        var outline = Outline(pdf);
        Assert.Equal(issue.Articles.Length, records.Count);
        Assert.Equal(issue.Articles.Length, outline.Count);
        for (int i = 0; i < records.Count; i++)
        {
            var article = ArticleLoader.Load(issue.Articles[i].Path, issue.Language, issue.Folder, new WarningLog());
            Assert.Equal(article.Title, records[i].Element(Npa + "title")?.Value);
            Assert.Equal(article.Author, records[i].Element(Npa + "author")?.Value);
            Assert.Equal(Path.GetRelativePath(issue.Folder, article.SourcePath), records[i].Element(Npa + "source")?.Value);
            Assert.EndsWith(article.Title, outline[i].Title);
            Assert.Equal(outline[i].Page.ToString(System.Globalization.CultureInfo.InvariantCulture), records[i].Element(Npa + "firstPage")?.Value);
        }
        // Every author is a Dublin Core contributor too.
        var contributors = xmp.Descendants(Dc + "contributor").Descendants(Rdf + "li").Select(l => l.Value).ToHashSet();
        Assert.All(records.Select(r => r.Element(Npa + "author")?.Value).OfType<string>(), a => Assert.Contains(a, contributors));
    }

    [Fact]
    public void The_XMP_record_of_vol_11_parses_and_lists_every_article_with_its_first_page()
    {
        var pdf = BuildArchive("issues/vol-11");
        AssertRecordOf(Repo.Vol11, pdf);
        Assert.Contains(Outline(pdf), o => o.Page > 1); // an article that starts past the cover
    }

    [Fact]
    public void The_XMP_record_of_a_long_issue_lists_twenty_articles_on_their_pages()
    {
        var built = BuiltIssues.TwentyWorldReports(); // the screen profile carries the record too
        AssertRecordOf(built.Folder, built.Pdf);
        Assert.True(Outline(built.Pdf).Select(o => o.Page).Distinct().Count() > 5);
    }

    [Fact]
    public void The_record_is_declared_as_a_PDF_A_extension_schema_and_passes_the_archive_preflight()
    {
        var pdf = BuildArchive("issues/vol-11");
        var xmp = MetadataTests.XmpOf(new PdfInspector(pdf));
        var schema = Assert.Single(xmp.Descendants(PdfASchema + "namespaceURI"), e => e.Value == Npv.NamespaceName).Parent!;
        Assert.Equal("npv", schema.Element(PdfASchema + "prefix")!.Value);
        var properties = schema.Descendants(PdfAProperty + "name").Select(e => e.Value).ToHashSet();
        var description = xmp.Descendants(Rdf + "Description").Single();
        Assert.All(description.Elements().Where(e => e.Name.Namespace == Npv), e => Assert.Contains(e.Name.LocalName, properties));
        Assert.Equal("npv", description.GetPrefixOfNamespace(Npv));

        var type = Assert.Single(schema.Descendants(PdfAType + "namespaceURI"), e => e.Value == Npa.NamespaceName).Parent!;
        Assert.Equal("npa", type.Element(PdfAType + "prefix")!.Value);
        Assert.Contains(schema.Descendants(PdfAProperty + "valueType"), v => v.Value == "Seq " + type.Element(PdfAType + "type")!.Value);
        var fields = type.Descendants(PdfAField + "name").Select(e => e.Value).ToHashSet();
        Assert.All(xmp.Descendants().Where(e => e.Name.Namespace == Npa), e => Assert.Contains(e.Name.LocalName, fields));
        Assert.Equal("npa", description.GetPrefixOfNamespace(Npa));

        var check = Cli.Run(Repo.Root, "check", "--pdf", pdf, "--profile", "archive");
        Assert.True(check.ExitCode == 0, check.StdOut);
        Assert.Contains("0 errors", check.StdOut);
    }

    [Fact]
    public void Producer_names_the_tool_and_the_version_build_json_records()
    {
        var pdf = BuildArchive("issues/vol-11");
        var inspector = new PdfInspector(pdf);
        var producer = PdfInspector.Text(inspector.Info.GetProperty("/Producer"));
        Assert.Equal(producer, Assert.Single(MetadataTests.XmpOf(inspector).Descendants(Pdf + "Producer")).Value);
        using var record = JsonDocument.Parse(Attachments.Bytes(pdf, "build.json"));
        var version = record.RootElement.GetProperty("version").GetString()!;
        Assert.StartsWith($"NewsletterPress {version}", producer);
        Assert.Matches(@"^NewsletterPress \d+\.\d+\.\d+( \([0-9a-f]{7}\))?$", producer);
        if (record.RootElement.GetProperty("commit").GetString() is { } commit)
            Assert.EndsWith($"({commit[..7]})", producer);
    }
}
