using System.Text.Json;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// A long URL and an e-mail address set at a narrow measure, read back from the PDF: pdftotext gives them back whole
/// (the lines joined, no hyphen added), and the link annotations cover every piece of them on every line (issue 12).
/// </summary>
public class AddressTests
{
    private const string Url = "https://www.greenvalley-cooperative.example.org/reports/2022/supplementary-data?country=tajikistan&lang=en";
    private const string Email = "hello@greenvalley.example.org";

    private static string Build(TempFolder temp)
    {
        var article = "---\ntitle: Where to find the data\nlang: en\n---\n\n"
                      + $"The full tables of the survey are at <{Url}> and questions about them go to {Email}, where the coordinators answer within a week.\n";
        var manifest = IssueFolder.Manifest("en", "a.md") + "style:\n  column-width: 12zw\n";
        using var folder = new IssueFolder(manifest, ("a.md", article));
        var pdf = Path.Combine(temp.Path, "addresses.pdf");
        var r = Cli.Run(Repo.Root, "build", folder.Path, "--out", pdf);
        Assert.True(r.ExitCode == 0, r.StdErr);
        return pdf;
    }

    [Fact]
    public void A_long_URL_and_an_email_address_come_back_whole_from_pdftotext_and_their_links_cover_every_line()
    {
        using var temp = new TempFolder();
        var pdf = Build(temp);
        var text = PdfTools.Ok("pdftotext", "-raw", pdf, "-");
        // The addresses broke over lines, and joining the lines gives them back with nothing added.
        Assert.DoesNotContain(Url, text, StringComparison.Ordinal);
        var joined = text.Replace("\n", "", StringComparison.Ordinal);
        Assert.Contains(Url, joined, StringComparison.Ordinal);
        Assert.Contains(Email, joined, StringComparison.Ordinal);

        // Every character of each address lies inside a link annotation to it.
        var links = Links(pdf);
        var chars = StructuredText.Read(pdf);
        foreach (var (address, uri) in new[] { (Url, Url), (Email, "mailto:" + Email) })
        {
            var pieces = Occurrence(chars, address);
            Assert.True(pieces.Select(c => c.Line).Distinct().Count() >= 2, $"{address} should run over several lines");
            double pageHeight = 841.89;
            foreach (var c in pieces)
                Assert.True(links.Any(l => l.Page == c.Page && l.Uri == uri && l.Left <= c.X + 0.1 && l.Right >= c.Right - 0.1
                                           && pageHeight - l.Top <= c.Baseline && pageHeight - l.Bottom >= c.Baseline),
                    $"'{c.Text}' of {address} on page {c.Page} at {c.X:0.0},{c.Baseline:0.0} is outside its link");
        }
    }

    /// <summary>The characters of the first occurrence of <paramref name="address"/> in reading order.</summary>
    private static List<PdfChar> Occurrence(IReadOnlyList<PdfChar> chars, string address)
    {
        var visible = chars.Where(c => c.Text.Trim().Length > 0).ToList();
        var all = string.Concat(visible.Select(c => c.Text));
        int at = all.IndexOf(address, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{address} not found in mupdf's text");
        int index = 0, start = -1;
        for (int i = 0; i < visible.Count && start < 0; i++)
        {
            if (index >= at) start = i;
            index += visible[i].Text.Length;
        }
        return visible.Skip(start).Take(address.Length).ToList();
    }

    private sealed record Link(int Page, double Left, double Bottom, double Right, double Top, string Uri);

    private static List<Link> Links(string pdf)
    {
        using var objects = new PdfObjects(pdf);
        var Get = objects.Get;
        var links = new List<Link>();
        for (int p = 0; p < objects.PageReferences.Count; p++)
        {
            var page = objects.Page(p);
            if (!page.TryGetProperty("/Annots", out var annots)) continue;
            foreach (var a in Get(annots).EnumerateArray().Select(Get))
            {
                if (!a.TryGetProperty("/A", out var action) || !Get(action).TryGetProperty("/URI", out var uri)) continue;
                var rect = a.GetProperty("/Rect").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                links.Add(new Link(p + 1, rect[0], rect[1], rect[2], rect[3], uri.GetString()!.Replace("u:", "", StringComparison.Ordinal)));
            }
        }
        return links;
    }
}
