using System.Diagnostics;
using System.Globalization;
using NewsletterPress.Diagnostics;

namespace NewsletterPress.Rendering.Proof;

/// <summary>
/// Renders a PDF to page-NNN.png with poppler's pdftoppm, so that an earlier *PDF* can be
/// compared with a new build. Both sides go through the same rasteriser: comparing a poppler
/// render with a SkiaSharp proof would mark every page as changed.
/// </summary>
public static class PdfRasterizer
{
    public static IReadOnlyList<string> Render(string pdf, string folder, int dpi)
    {
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-r", dpi.ToString(CultureInfo.InvariantCulture), "-png", pdf, Path.Combine(folder, "raw") })
            info.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InputException(null, "comparing with a PDF needs pdftoppm (Debian: apt-get install poppler-utils); or compare with an earlier proofs folder");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InputException(null, $"pdftoppm could not render '{pdf}': {error.Trim()}");
        }
        // pdftoppm pads page numbers to the page count's width; rename to our fixed page-NNN.png.
        var pages = Directory.GetFiles(folder, "raw-*.png")
            .OrderBy(p => int.Parse(Path.GetFileNameWithoutExtension(p)[4..], CultureInfo.InvariantCulture)).ToList();
        var result = new List<string>();
        for (int i = 0; i < pages.Count; i++)
        {
            var target = Path.Combine(folder, ProofRenderer.PageFileName(i + 1));
            File.Move(pages[i], target, overwrite: true);
            result.Add(target);
        }
        return result;
    }
}
