namespace NewsletterPress.Tests.Pdf;

/// <summary>
/// Renders a page with two independent rasterisers (poppler and mupdf) and compares where
/// they put ink. Anti-aliasing moves edges by a pixel, so an ink pixel only counts as a
/// disagreement when the other rendering has no ink within one pixel of it; drawing different
/// glyphs differs by whole strokes. This catches a font embedded in a way that one viewer
/// reads differently from another (it cannot catch a mistake both make).
/// </summary>
internal static class RasterComparison
{
    /// <summary>The share of ink pixels (either renderer) on which the two renderers disagree.</summary>
    public static double InkDisagreement(string pdf, int resolution = 72)
    {
        var popplerBase = pdf + ".poppler";
        PdfTools.Ok("pdftoppm", "-r", resolution.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-gray", "-singlefile", "-f", "1", "-l", "1", pdf, popplerBase);
        var mupdf = pdf + ".mupdf.pgm";
        PdfTools.Ok("mutool", "draw", "-q", "-r", resolution.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "gray", "-o", mupdf, pdf, "1");

        var (w1, h1, a) = ReadPgm(popplerBase + ".pgm");
        var (w2, h2, b) = ReadPgm(mupdf);
        Assert.Equal((w1, h1), (w2, h2));
        int ink = 0, disagree = 0;
        for (var y = 0; y < h1; y++)
        {
            for (var x = 0; x < w1; x++)
            {
                bool inkA = a[(y * w1) + x] < 128, inkB = b[(y * w1) + x] < 128;
                if (!inkA && !inkB)
                    continue;
                ink++;
                if ((inkA && !InkNear(b, w1, h1, x, y)) || (inkB && !InkNear(a, w1, h1, x, y)))
                    disagree++;
            }
        }
        Assert.True(ink > 0, "Neither renderer drew anything.");
        return (double)disagree / ink;
    }

    private static bool InkNear(byte[] pixels, int width, int height, int x, int y)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                int nx = x + dx, ny = y + dy;
                if (nx >= 0 && nx < width && ny >= 0 && ny < height && pixels[(ny * width) + nx] < 128)
                    return true;
            }
        }
        return false;
    }

    /// <summary>Binary PGM (P5, maxval 255).</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[pos]))
                pos++;
            var start = pos;
            while (!char.IsWhiteSpace((char)bytes[pos]))
                pos++;
            return System.Text.Encoding.ASCII.GetString(bytes, start, pos - start);
        }
        Assert.Equal("P5", Token());
        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        pos++; // the single whitespace before the raster
        return (width, height, bytes.AsSpan(pos, width * height).ToArray());
    }
}
