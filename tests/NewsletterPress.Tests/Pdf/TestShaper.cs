using System.Collections.Immutable;
using HarfBuzzSharp;
using NewsletterPress.Display;
using NewsletterPress.Shared;
using Buffer = HarfBuzzSharp.Buffer;
using Font = HarfBuzzSharp.Font;

namespace NewsletterPress.Tests.Pdf;

/// <summary>
/// Shapes a string with HarfBuzz the way the text stage will, and turns the result into a
/// <see cref="GlyphRun"/>: original glyph ids, X offsets from the run origin in points, and
/// the cluster's source text on its first glyph.
/// </summary>
internal static class TestShaper
{
    public static GlyphRun Shape(FontRef fontRef, string text, double size, double x, double y, Ink? ink = null, string? language = null)
    {
        using var blob = Blob.FromFile(fontRef.FilePath);
        using var face = new Face(blob, fontRef.FaceIndex);
        using var font = new Font(face);
        font.SetScale(face.UnitsPerEm, face.UnitsPerEm);
        using var buffer = new Buffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        if (language is not null)
            buffer.Language = new Language(language);
        font.Shape(buffer);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var scale = size / face.UnitsPerEm;
        var glyphs = ImmutableArray.CreateBuilder<PlacedGlyph>(infos.Length);
        var pen = 0.0;
        for (var i = 0; i < infos.Length; i++)
        {
            var cluster = (int)infos[i].Cluster;
            var isFirstOfCluster = i == 0 || infos[i - 1].Cluster != infos[i].Cluster;
            var clusterText = "";
            if (isFirstOfCluster)
            {
                var end = text.Length;
                for (var j = i + 1; j < infos.Length; j++)
                {
                    if (infos[j].Cluster != infos[i].Cluster)
                    {
                        end = (int)infos[j].Cluster;
                        break;
                    }
                }
                clusterText = text[cluster..end];
            }
            var advance = positions[i].XAdvance * scale;
            glyphs.Add(new PlacedGlyph(infos[i].Codepoint, pen + (positions[i].XOffset * scale), -positions[i].YOffset * scale, advance, clusterText));
            pen += advance;
        }
        return new GlyphRun(fontRef, size, x, y, ink ?? Ink.Black, glyphs.ToImmutable());
    }

    /// <summary>The glyph id the font's cmap gives a character (0 when it has none).</summary>
    public static uint GlyphOf(FontRef fontRef, int codepoint)
    {
        using var blob = Blob.FromFile(fontRef.FilePath);
        using var face = new Face(blob, fontRef.FaceIndex);
        using var font = new Font(face);
        return font.TryGetGlyph(codepoint, out var gid) ? gid : 0;
    }
}
