using NewsletterPress.Display;
namespace NewsletterPress.Rendering.Pdf;
public sealed class PdfWriterException(string m) : Exception(m);
public static class PdfWriter
{
    public static void Write(DisplayDocument document, string outputPath) =>
        File.WriteAllText(outputPath, string.Join("\n", document.Pages.SelectMany(p => p.Items.OfType<GlyphRun>().Select(r => $"p{p.Label} {r.X:0.0},{r.Y:0.0} {r.Text}"))));
}
