using System.Collections.Immutable;
using System.Runtime.InteropServices;
using HarfBuzzSharp;
using Buffer = HarfBuzzSharp.Buffer;
using Script = NewsletterPress.Shared.Script;

namespace NewsletterPress.Text;

/// <summary>
/// Splits a paragraph into runs of one face and one style, shapes each with HarfBuzz,
/// and returns the clusters in logical order with their source text.
/// </summary>
internal static class Shaper
{
    private static readonly Feature[] LatinFeatures = [new(Tag.Parse("kern")), new(Tag.Parse("liga"))];

    public static List<Cluster> Shape(string text, IReadOnlyList<TextRun> runs, int[] runOf, FontLibrary fonts,
        string paragraphLang)
    {
        var clusters = new List<Cluster>();
        int i = 0;
        while (i < text.Length)
        {
            var run = runs[runOf[i]];
            bool japanese = (run.Lang ?? paragraphLang).StartsWith("ja", StringComparison.Ordinal);
            var face = FaceAt(text, i, run, fonts, japanese);
            int end = i + CharLength(text, i);
            while (end < text.Length && runOf[end] == runOf[i] && text[end] != '\n'
                   && FaceAt(text, end, run, fonts, japanese) == face)
                end += CharLength(text, end);
            ShapeRun(text, i, end, run, face, japanese, clusters);
            i = end;
        }
        return clusters;
    }

    /// <summary>'palt' over each stretch of the run that is not JLREQ punctuation (cluster values
    /// are indices into the paragraph text): punctuation keeps the full-width advance that the
    /// Japanese spacing glue is built on.</summary>
    private static Feature[] ProportionalFeatures(string text, int start, int end)
    {
        var palt = Tag.Parse("palt");
        var features = new List<Feature>();
        int from = -1;
        for (int i = start; i <= end; i++)
        {
            bool plain = i < end && !Script.IsJapanesePunctuation(text[i]);
            if (plain && from < 0) from = i;
            else if (!plain && from >= 0)
            {
                features.Add(new Feature(palt, 1, (uint)from, (uint)i));
                from = -1;
            }
        }
        return [.. features];
    }

    private static FontFace FaceAt(string text, int i, TextRun run, FontLibrary fonts, bool japanese)
    {
        int cp = char.ConvertToUtf32(text, i);
        if (cp == '\n') cp = ' ';
        return fonts.FaceFor(cp, run.Style, japanese) ?? throw new MissingGlyphException(cp, Excerpt(text, i));
    }

    private static string Excerpt(string text, int i)
    {
        int from = Math.Max(0, i - 10), to = Math.Min(text.Length, i + 10);
        return text[from..to];
    }

    /// <summary>One string per character, shared: most clusters are a single character, and a line break
    /// ("\n" inside a paragraph, from a hard break) stands for a space.</summary>
    private static string OneCharacter(char c)
    {
        if (c == '\n') return " ";
        var cache = t_characters ??= new Dictionary<char, string>();
        if (!cache.TryGetValue(c, out var s)) cache[c] = s = c.ToString();
        return s;
    }

    [ThreadStatic] private static Dictionary<char, string>? t_characters;

    private static int CharLength(string text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;

    private static void ShapeRun(string text, int start, int end, TextRun run, FontFace face, bool japanese, List<Cluster> output)
    {
        var style = run.Style;
        double size = style.Superscript ? style.Size * 0.62 : style.Size;
        double rise = style.Superscript ? -style.Size * 0.36 : 0;
        double scale = size / face.UnitsPerEm;
        double tracking = style.Tracking * style.Size;

        using var buffer = new Buffer();
        buffer.AddUtf16(text, start, end - start);
        buffer.Direction = Direction.LeftToRight;
        bool cjk = Script.IsCjk(char.ConvertToUtf32(text, start));
        buffer.Script = cjk ? HarfBuzzSharp.Script.Han : HarfBuzzSharp.Script.Latin;
        buffer.Language = new Language(japanese ? "ja" : run.Lang ?? "en");
        face.HbFont.Shape(buffer, cjk ? (style.Proportional ? ProportionalFeatures(text, start, end) : []) : LatinFeatures);

        var glyphStyle = new GlyphStyle(face, size, style.Colour, run.Link);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        int g = 0;
        while (g < infos.Length)
        {
            int cluster = (int)infos[g].Cluster;
            int h = g;
            while (h < infos.Length && infos[h].Cluster == cluster) h++;
            // Exactly sized, and handed to the ImmutableArray without a copy: a paragraph has a cluster per character.
            var glyphs = new ClusterGlyph[h - g];
            double x = 0;
            for (int k = g; k < h; k++)
            {
                var p = positions[k];
                glyphs[k - g] = new ClusterGlyph(infos[k].Codepoint, x + p.XOffset * scale, rise - p.YOffset * scale, p.XAdvance * scale);
                x += p.XAdvance * scale;
            }
            int clusterEnd = h < infos.Length ? (int)infos[h].Cluster : end;
            var source = clusterEnd - cluster == 1 ? OneCharacter(text[cluster]) : text[cluster..clusterEnd];
            output.Add(new Cluster(cluster, clusterEnd, source, glyphStyle, run, ImmutableCollectionsMarshal.AsImmutableArray(glyphs), x + tracking));
            g = h;
        }
    }
}
