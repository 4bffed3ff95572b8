using SkiaSharp;

namespace NewsletterPress.Rendering.Proof;

/// <summary>A page whose pixels changed between two proof sets, with the changed areas.</summary>
public sealed record ChangedPage(int Number, IReadOnlyList<SKRectI> Areas, string? MarkedImage);

/// <summary>
/// Compares a new set of proofs with an earlier one, page by page, so an editor sees what a
/// late correction reflowed. Pixels are compared in cells; changed cells are merged into
/// rectangles and outlined in red on a copy of the new page.
/// </summary>
public static class ProofDiff
{
    private const int Cell = 16;

    public static IReadOnlyList<ChangedPage> Compare(string oldFolder, IReadOnlyList<string> newPages, string outputFolder)
    {
        var changes = new List<ChangedPage>();
        int oldCount = Directory.EnumerateFiles(oldFolder, "page-*.png").Count();
        for (int n = 1; n <= Math.Max(oldCount, newPages.Count); n++)
        {
            var oldPath = Path.Combine(oldFolder, ProofRenderer.PageFileName(n));
            if (n > newPages.Count || !File.Exists(oldPath))
            {
                changes.Add(new ChangedPage(n, [], null)); // a page added or removed
                continue;
            }
            using var before = SKBitmap.Decode(oldPath);
            using var after = SKBitmap.Decode(newPages[n - 1]);
            var areas = ChangedAreas(before, after);
            if (areas.Count == 0) continue;
            var marked = Path.Combine(outputFolder, $"diff-{n:000}.png");
            Mark(after, areas, marked);
            changes.Add(new ChangedPage(n, areas, marked));
        }
        return changes;
    }

    /// <summary>Compares an earlier PDF with the new build: <paramref name="writeNewPdf"/> writes the new build's PDF
    /// into a temporary folder, and both PDFs are rendered with pdftoppm (<see cref="PdfRasterizer"/>).</summary>
    public static IReadOnlyList<ChangedPage> CompareWithPdf(string oldPdf, Action<string> writeNewPdf, string outputFolder, int dpi)
    {
        var work = Path.Combine(Path.GetTempPath(), "newsletterpress-diff-" + Guid.NewGuid().ToString("N"));
        try
        {
            var newPdf = Path.Combine(work, "new.pdf");
            Directory.CreateDirectory(work);
            writeNewPdf(newPdf);
            PdfRasterizer.Render(oldPdf, Path.Combine(work, "old"), dpi);
            var newPages = PdfRasterizer.Render(newPdf, Path.Combine(work, "new"), dpi);
            return Compare(Path.Combine(work, "old"), newPages, outputFolder);
        }
        finally { Directory.Delete(work, recursive: true); }
    }

    internal static List<SKRectI> ChangedAreas(SKBitmap a, SKBitmap b)
    {
        if (a.Width != b.Width || a.Height != b.Height) return [new SKRectI(0, 0, b.Width, b.Height)];
        int cols = (a.Width + Cell - 1) / Cell, rows = (a.Height + Cell - 1) / Cell;
        var changed = new bool[cols, rows];
        var pa = a.Pixels;
        var pb = b.Pixels;
        for (int i = 0; i < pa.Length; i++)
            if (pa[i] != pb[i]) changed[i % a.Width / Cell, i / a.Width / Cell] = true;

        // Merge changed cells into rectangles row band by row band (simple, and enough to point the eye).
        var rects = new List<SKRectI>();
        for (int y = 0; y < rows; y++)
            for (int x = 0; x < cols; x++)
            {
                if (!changed[x, y]) continue;
                int x2 = x;
                while (x2 + 1 < cols && changed[x2 + 1, y]) x2++;
                var r = new SKRectI(x * Cell, y * Cell, Math.Min(a.Width, (x2 + 1) * Cell), Math.Min(a.Height, (y + 1) * Cell));
                int merge = rects.FindIndex(o => o.Bottom == r.Top && o.Left <= r.Right && r.Left <= o.Right);
                if (merge >= 0) rects[merge] = SKRectI.Union(rects[merge], r); else rects.Add(r);
                x = x2;
            }
        return rects;
    }

    private static void Mark(SKBitmap page, IEnumerable<SKRectI> areas, string path)
    {
        using var copy = page.Copy();
        using var canvas = new SKCanvas(copy);
        using var paint = new SKPaint { Color = new SKColor(230, 0, 0), Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
        foreach (var r in areas) canvas.DrawRect(SKRect.Inflate(r, 3, 3), paint);
        ProofRenderer.SaveAtomically(copy, path);
    }
}
