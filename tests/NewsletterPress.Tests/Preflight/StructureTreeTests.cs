using System.Text.Json;
using NewsletterPress.Preflight;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Pdf;

namespace NewsletterPress.Tests.Preflight;

/// <summary>The structure tree of every tagged profile, read back with qpdf, against the Tagged PDF nesting rules.</summary>
public sealed class StructureTreeTests
{
    public static TheoryData<string, PdfProfile> TaggedBuilds()
    {
        var data = new TheoryData<string, PdfProfile>();
        foreach (var issue in new[] { "issues/vol-11", "samples/figures-and-tables", "samples/english-only" })
        {
            foreach (var profile in new[] { PdfProfile.Screen, PdfProfile.Print, PdfProfile.Archive })
                data.Add(issue, profile);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TaggedBuilds))]
    public void The_structure_tree_obeys_the_nesting_rules(string issue, PdfProfile profile)
    {
        var path = ProfileBuilds.Get(issue, profile);
        var report = PdfPreflight.Check(path, PreflightRules.For("screen"));
        Assert.DoesNotContain(report.Findings, f => f.Clause == Clauses.Pdf.Nesting);

        // The same rules seen through qpdf: TOC holds only TOCI; a TOCI holds Reference, Lbl or P, and its Link
        // sits in the Reference; nothing is marked directly in a grouping element.
        var pdf = new PdfInspector(path);
        foreach (var element in Elements(pdf))
        {
            var role = element.GetProperty("/S").GetString();
            var kids = Kids(pdf, element).ToList();
            if (role == "/TOC")
                Assert.All(kids, k => Assert.Equal("/TOCI", k.GetProperty("/S").GetString()));
            if (role == "/TOCI")
                Assert.All(kids, k => Assert.Contains(k.GetProperty("/S").GetString(), new[] { "/Reference", "/Lbl", "/P" }));
            if (role is "/Document" or "/Art" or "/Sect" or "/TOC" or "/TOCI" or "/L" or "/LI" or "/Table" or "/TR")
                Assert.DoesNotContain(element.GetProperty("/K").EnumerateArray(), k => k.ValueKind == JsonValueKind.Object && k.GetProperty("/Type").GetString() == "/MCR");
        }
        if (issue.EndsWith("vol-11", StringComparison.Ordinal))
            Assert.Contains(Elements(pdf), e => e.GetProperty("/S").GetString() == "/TOC");
    }

    [Theory]
    [InlineData("issues/vol-11", PdfProfile.Screen)]
    [InlineData("issues/vol-11", PdfProfile.Archive)]
    [InlineData("samples/figures-and-tables", PdfProfile.Screen)]
    [InlineData("samples/english-only", PdfProfile.Archive)]
    public void Every_link_annotation_has_a_StructParent_leading_to_a_Link_element_that_owns_it(string issue, PdfProfile profile)
    {
        var pdf = new PdfInspector(ProfileBuilds.Get(issue, profile));
        var nums = pdf.Get(pdf.Get(pdf.Catalog, "/StructTreeRoot"), "/ParentTree").GetProperty("/Nums").EnumerateArray().ToList();
        var links = 0;
        foreach (var page in pdf.Pages)
        {
            if (!pdf.Has(pdf.Object(page), "/Annots"))
                continue;
            Assert.Equal("/S", pdf.Object(page).GetProperty("/Tabs").GetString());
            foreach (var reference in pdf.Object(page).GetProperty("/Annots").EnumerateArray().Select(a => a.GetString()!))
            {
                var annotation = pdf.Object(reference);
                Assert.False(string.IsNullOrWhiteSpace(PdfInspector.Text(annotation.GetProperty("/Contents"))));
                var key = annotation.GetProperty("/StructParent").GetInt32();
                var index = Enumerable.Range(0, nums.Count / 2).Single(i => nums[2 * i].GetInt32() == key);
                var element = pdf.Get(nums[(2 * index) + 1]);
                Assert.Equal("/Link", element.GetProperty("/S").GetString());
                Assert.Contains(element.GetProperty("/K").EnumerateArray(), k => k.ValueKind == JsonValueKind.Object
                    && k.GetProperty("/Type").GetString() == "/OBJR" && k.GetProperty("/Obj").GetString() == reference);
                // The link's text is in its Link element, not only the annotation.
                Assert.Contains(element.GetProperty("/K").EnumerateArray(), k => k.ValueKind == JsonValueKind.Object && k.GetProperty("/Type").GetString() == "/MCR");
                links++;
            }
        }
        Assert.True(links > 0);
    }

    [Fact]
    public void Table_headers_have_a_scope_figures_a_bounding_box_and_notes_an_id()
    {
        var figures = new PdfInspector(ProfileBuilds.Get("samples/figures-and-tables", PdfProfile.Screen));
        var elements = Elements(figures).ToList();
        var headers = elements.Where(e => e.GetProperty("/S").GetString() == "/TH").ToList();
        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.Equal("/Column", h.GetProperty("/A").GetProperty("/Scope").GetString()));
        var boxes = elements.Where(e => e.GetProperty("/S").GetString() == "/Figure").Select(f => PdfInspector.Numbers(f.GetProperty("/A").GetProperty("/BBox"))).ToList();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.True(b[2] > b[0] + 50 && b[3] > b[1] + 50));

        var english = new PdfInspector(ProfileBuilds.Get("samples/english-only", PdfProfile.Screen));
        var notes = Elements(english).Where(e => e.GetProperty("/S").GetString() == "/Note").Select(n => PdfInspector.Text(n.GetProperty("/ID"))).ToList();
        Assert.NotEmpty(notes);
        Assert.Equal(notes.Count, notes.Distinct().Count());
        var idTree = english.Get(english.Catalog, "/StructTreeRoot").GetProperty("/IDTree").GetProperty("/Names").EnumerateArray().ToList();
        Assert.Equal(notes.Order(StringComparer.Ordinal), idTree.Where((_, i) => i % 2 == 0).Select(PdfInspector.Text));
    }

    [Fact]
    public void PDF_X_1a_has_no_structure_and_no_tagged_content()
    {
        var pdf = new PdfInspector(ProfileBuilds.Get("issues/vol-11", PdfProfile.PrintX1a));
        Assert.False(pdf.Has(pdf.Catalog, "/StructTreeRoot"));
        Assert.DoesNotContain("/MCID", PdfTools.Uncompressed(pdf.Path));
    }

    private static IEnumerable<JsonElement> Elements(PdfInspector pdf) =>
        pdf.References.Select(pdf.Object).Where(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("/Type", out var t) && t.GetString() == "/StructElem");

    private static IEnumerable<JsonElement> Kids(PdfInspector pdf, JsonElement element) =>
        element.GetProperty("/K").EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(pdf.Get);
}
