using System.Text.Json;
using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Shared;

namespace NewsletterPress.Tests.Pdf;

public sealed class TaggedPdfTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private (DisplayDocument Document, PdfInspector Pdf) Write(PdfProfile profile = PdfProfile.Screen, bool tagged = true)
    {
        var document = RichDocuments.Build(_temp.NewSubfolder(), tagged: tagged);
        var path = _temp.File(profile + Guid.NewGuid().ToString("N")[..6] + ".pdf");
        PdfWriter.Write(document, path, new PdfWriterOptions(Profile: profile));
        return (document, new PdfInspector(path));
    }

    [Theory]
    [InlineData(PdfProfile.Screen)]
    [InlineData(PdfProfile.Print)]
    [InlineData(PdfProfile.Archive)]
    public void Every_MCID_on_a_page_is_in_the_parent_tree_and_back(PdfProfile profile)
    {
        var (_, pdf) = Write(profile);
        Assert.True(pdf.Catalog.GetProperty("/MarkInfo").GetProperty("/Marked").GetBoolean());
        var root = pdf.Get(pdf.Catalog, "/StructTreeRoot");
        var nums = pdf.Get(root, "/ParentTree").GetProperty("/Nums").EnumerateArray().ToList();
        var parentTree = new Dictionary<int, JsonElement>();
        for (var i = 0; i < nums.Count; i += 2)
            parentTree[nums[i].GetInt32()] = nums[i + 1];

        // MCR kids of every structure element: (page, MCID) → element.
        var owners = new Dictionary<(string Page, int Mcid), string>();
        foreach (var reference in pdf.References)
        {
            var element = pdf.Object(reference);
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("/Type", out var type) || type.GetString() != "/StructElem")
                continue;
            foreach (var kid in element.GetProperty("/K").EnumerateArray())
            {
                if (kid.ValueKind == JsonValueKind.Object && kid.GetProperty("/Type").GetString() == "/MCR")
                    owners.Add((kid.GetProperty("/Pg").GetString()!, kid.GetProperty("/MCID").GetInt32()), reference);
            }
        }

        var total = 0;
        foreach (var page in pdf.Pages)
        {
            var mcids = ContentStreamReader.Mcids(pdf.PageContent(page));
            var key = pdf.Object(page).GetProperty("/StructParents").GetInt32();
            var entries = parentTree[key].EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(Enumerable.Range(0, entries.Count), mcids); // each MCID once, 0..n-1, all in the parent tree
            for (var mcid = 0; mcid < entries.Count; mcid++)
                Assert.Equal(entries[mcid], owners[(page, mcid)]);
            total += mcids.Count;
        }
        Assert.Equal(total, owners.Count); // no MCR points at content that does not exist
        Assert.True(total >= 5);
    }

    [Fact]
    public void The_structure_tree_has_the_reading_order_roles_alt_and_lang_of_the_display_list()
    {
        var (document, pdf) = Write();
        var root = pdf.Get(pdf.Catalog, "/StructTreeRoot");
        var order = new List<JsonElement>();
        void Walk(JsonElement kids)
        {
            foreach (var kid in kids.EnumerateArray())
            {
                if (kid.ValueKind != JsonValueKind.String)
                    continue; // MCR/OBJR dictionaries
                var element = pdf.Get(kid);
                if (element.GetProperty("/Type").GetString() != "/StructElem")
                    continue;
                order.Add(element);
                Walk(element.GetProperty("/K"));
            }
        }
        Walk(root.GetProperty("/K"));
        Assert.Equal(document.Structure.Select(e => "/" + e.Role), order.Select(e => e.GetProperty("/S").GetString()));
        Assert.Single(root.GetProperty("/K").EnumerateArray()); // the Document element
        for (var i = 0; i < order.Count; i++)
        {
            var expected = document.Structure[i];
            Assert.Equal(expected.Alt, order[i].TryGetProperty("/Alt", out var alt) ? PdfInspector.Text(alt) : null);
            Assert.Equal(expected.Lang, order[i].TryGetProperty("/Lang", out var lang) ? PdfInspector.Text(lang) : null);
        }
    }

    [Fact]
    public void Items_of_no_element_are_artifacts_and_runs_of_one_element_share_a_sequence()
    {
        var (_, pdf) = Write();
        var content = pdf.PageContent(pdf.Pages[0]);
        // Rule, box and folio are artifacts; the two figure images form one sequence.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(content, "/Artifact BMC").Count);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(content, @"/Figure << /MCID \d+ >> BDC"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(content, "/Im1 Do").Count);
        Assert.Equal(
            System.Text.RegularExpressions.Regex.Matches(content, " BDC\n|BMC\n").Count,
            System.Text.RegularExpressions.Regex.Matches(content, "\nEMC\n").Count);
    }

    [Fact]
    public void A_link_element_refers_to_its_annotation_and_the_annotation_back()
    {
        var (_, pdf) = Write();
        var page = pdf.Pages[0];
        var annotationRef = pdf.Object(page).GetProperty("/Annots")[0].GetString()!;
        var annotation = pdf.Object(annotationRef);
        var key = annotation.GetProperty("/StructParent").GetInt32();
        var nums = pdf.Get(pdf.Get(pdf.Catalog, "/StructTreeRoot"), "/ParentTree").GetProperty("/Nums").EnumerateArray().ToList();
        var index = nums.FindIndex(n => n.ValueKind == JsonValueKind.Number && n.GetInt32() == key && nums.IndexOf(n) % 2 == 0);
        var linkElement = pdf.Get(nums[index + 1]);
        Assert.Equal("/Link", linkElement.GetProperty("/S").GetString());
        var objr = linkElement.GetProperty("/K").EnumerateArray()
            .Single(k => k.ValueKind == JsonValueKind.Object && k.GetProperty("/Type").GetString() == "/OBJR");
        Assert.Equal(annotationRef, objr.GetProperty("/Obj").GetString());
        Assert.Equal(page, objr.GetProperty("/Pg").GetString());
        var keys = nums.Where((_, i) => i % 2 == 0).Select(n => n.GetInt32()).ToList();
        Assert.Equal(keys.Max() + 1, pdf.Get(pdf.Catalog, "/StructTreeRoot").GetProperty("/ParentTreeNextKey").GetInt32());
        Assert.Equal(keys.Order(), keys); // number trees are sorted by key (§7.9.7)
    }

    [Fact]
    public void Poppler_sees_a_tagged_document_and_untagged_documents_have_no_structure()
    {
        var (_, tagged) = Write();
        Assert.Matches(@"Tagged:\s+yes", PdfTools.Ok("pdfinfo", tagged.Path));
        var (_, untagged) = Write(tagged: false);
        Assert.Matches(@"Tagged:\s+no", PdfTools.Ok("pdfinfo", untagged.Path));
        Assert.False(untagged.Has(untagged.Catalog, "/StructTreeRoot"));
        Assert.DoesNotContain("MCID", PdfTools.Uncompressed(untagged.Path));
    }

    [Fact]
    public void An_item_naming_an_unknown_element_throws()
    {
        var document = RichDocuments.Build(_temp.NewSubfolder());
        var page = document.Pages[0] with { Items = [.. document.Pages[0].Items, new Rule(0, 0, 10, 10, 1, Ink.Black) { Element = 99 }] };
        var broken = document with { Pages = [page, document.Pages[1]] };
        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.WriteToBytes(broken));
        Assert.Contains("99", error.Message);
    }
}
