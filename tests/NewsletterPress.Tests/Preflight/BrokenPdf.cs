using System.Text;
using System.Text.RegularExpressions;
using NewsletterPress.Tests.Pdf;

namespace NewsletterPress.Tests.Preflight;

/// <summary>
/// Plants one failure in a good PDF: qpdf writes it as QDF (every stream uncompressed, one object
/// per section, keys on lines of their own), the test edits that text, and fix-qdf (shipped with
/// qpdf) recomputes the stream lengths and the cross-reference table, so the result is a sound PDF
/// that differs from the good one by exactly the planted thing.
/// </summary>
internal static class BrokenPdf
{
    public static string Plant(string source, string folder, string name, Func<string, string> edit)
    {
        var qdf = Path.Combine(folder, name + ".qdf");
        PdfTools.Ok("qpdf", "--qdf", "--object-streams=disable", source, qdf);
        var text = File.ReadAllText(qdf, Encoding.Latin1);
        var edited = edit(text);
        Assert.True(edited != text, $"planting {name} changed nothing");
        var planted = Path.Combine(folder, name + ".edited.qdf");
        File.WriteAllText(planted, edited, Encoding.Latin1);
        var output = Path.Combine(folder, name + ".pdf");
        PdfTools.Ok("sh", "-c", $"fix-qdf '{planted}' > '{output}'");
        Assert.Equal(0, PdfTools.Run("qpdf", "--check", output).ExitCode);
        return output;
    }

    /// <summary>Replaces the first match only, and insists there is one.</summary>
    public static string First(string text, string pattern, string replacement)
    {
        var regex = new Regex(pattern, RegexOptions.Multiline);
        Assert.True(regex.IsMatch(text), $"no {pattern} to plant in");
        return regex.Replace(text, replacement, 1);
    }

    public static string All(string text, string pattern, string replacement)
    {
        var regex = new Regex(pattern, RegexOptions.Multiline);
        Assert.True(regex.IsMatch(text), $"no {pattern} to plant in");
        return regex.Replace(text, replacement);
    }
}
