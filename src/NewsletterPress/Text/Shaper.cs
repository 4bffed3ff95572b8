using System.Collections.Immutable;
using System.Globalization;
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

    /// <param name="wordByWord">Shape word by word through the faces' <see cref="ShapedWords"/> (false: each run whole,
    /// as HarfBuzz would shape it in one piece; what the tests compare the words with).</param>
    public static List<Cluster> Shape(string text, IReadOnlyList<TextRun> runs, int[] runOf, FontLibrary fonts,
        string paragraphLang, bool wordByWord = true)
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
            ShapeRun(text, i, end, run, face, japanese, wordByWord, clusters);
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
        if (c < Latin1.Length) return Latin1[c];
        var cache = t_characters ??= new Dictionary<char, string>();
        if (!cache.TryGetValue(c, out var s)) cache[c] = s = c.ToString();
        return s;
    }

    [ThreadStatic] private static Dictionary<char, string>? t_characters;

    /// <summary>The strings of U+0000 to U+00FF, made once: most clusters of Latin text, found without a dictionary.</summary>
    private static readonly string[] Latin1 = [.. Enumerable.Range(0, 256).Select(c => ((char)c).ToString())];

    private static int CharLength(string text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;

    /// <summary>Shapes a run word by word (a word: a stretch of spaces, or of anything else), each through the face's
    /// <see cref="ShapedWords"/>, or the run whole when a word's first or last character joins its neighbour in one cluster
    /// (a ligature or a mark across a space: the word cannot be shaped apart from it).</summary>
    private static void ShapeRun(string text, int start, int end, TextRun run, FontFace face, bool japanese, bool wordByWord,
        List<Cluster> output)
    {
        var style = run.Style;
        double size = style.Superscript ? style.Size * 0.62 : style.Size;
        double tracking = style.Tracking * style.Size;
        bool cjk = Script.IsCjk(char.ConvertToUtf32(text, start));
        var setup = new ShapingSetup(style.Size, style.Superscript, cjk, cjk && style.Proportional, japanese ? "ja" : run.Lang ?? "en");
        var words = face.WordsFor(setup);
        var glyphStyle = new GlyphStyle(face, size, style.Colour, run.Link);
        if (!wordByWord)
        {
            AddClusters(text, start, Shape(text, start, start, end, end, face, setup, words)!, glyphStyle, run, tracking, output);
            return;
        }
        int first = output.Count;
        Span<char> key = stackalloc char[ShapedWords.MaxLength + 5];
        for (int i = start; i < end;)
        {
            int j = i + 1;
            while (j < end && (text[j] == ' ') == (text[i] == ' ')) j++;
            // One character of each neighbour in the run is shaped with the word (kerning across a space).
            int from = i > start ? i - (char.IsLowSurrogate(text[i - 1]) && i - 2 >= start ? 2 : 1) : i;
            int to = j < end ? j + CharLength(text, j) : j;
            var clusters = j - i <= ShapedWords.MaxLength ? Cached(text, from, i, j, to, face, setup, words, key) : Shape(text, from, i, j, to, face, setup, words);
            if (clusters is null)
            {
                output.RemoveRange(first, output.Count - first);
                ShapeRun(text, start, end, run, face, japanese, wordByWord: false, output);
                return;
            }
            AddClusters(text, i, clusters, glyphStyle, run, tracking, output);
            i = j;
        }
    }

    private static ShapedCluster[]? Cached(string text, int from, int start, int end, int to, FontFace face, ShapingSetup setup,
        ShapedWords words, Span<char> key)
    {
        var k = key[..ShapedWords.Key(text, from, start, end, to, key)];
        if (words.TryGet(k, out var clusters)) return clusters;
        var shaped = Shape(text, from, start, end, to, face, setup, words);
        // A word that starts with a combining mark at the start of its run is shaped with what comes before the run
        // (HarfBuzz's context, which the key does not hold): not kept.
        if (shaped is not null && !(from == start && IsMark(text, start))) words.Add(k, shaped);
        return shaped;
    }

    private static bool IsMark(string text, int i) =>
        CharUnicodeInfo.GetUnicodeCategory(text, i) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;

    /// <summary>Kept from one run to the next on each thread (HarfBuzz's buffers are cleared, not made, per run).</summary>
    [ThreadStatic] private static Buffer? t_buffer;

    /// <summary>The clusters of text[<paramref name="start"/>, <paramref name="end"/>), shaped with its neighbours
    /// [<paramref name="from"/>, <paramref name="start"/>) and [<paramref name="end"/>, <paramref name="to"/>); null when
    /// the word's first or last cluster takes in a neighbour.</summary>
    private static ShapedCluster[]? Shape(string text, int from, int start, int end, int to, FontFace face, ShapingSetup setup,
        ShapedWords words)
    {
        double size = setup.Superscript ? setup.Size * 0.62 : setup.Size;
        double rise = setup.Superscript ? -setup.Size * 0.36 : 0;
        double scale = size / face.UnitsPerEm;

        var buffer = t_buffer ??= new Buffer();
        buffer.ClearContents();
        buffer.AddUtf16(text, from, to - from);
        buffer.Direction = Direction.LeftToRight;
        buffer.Script = setup.Cjk ? HarfBuzzSharp.Script.Han : HarfBuzzSharp.Script.Latin;
        buffer.Language = words.Language;
        face.HbFont.Shape(buffer, setup.Cjk ? (setup.Proportional ? ProportionalFeatures(text, from, to) : []) : LatinFeatures);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        // Clusters only grow from left to right: the word's glyphs are those between its neighbours'.
        int g = 0, last = 0;
        while (g < infos.Length && infos[g].Cluster < start) g++;
        while (last < infos.Length && infos[last].Cluster < end) last++;
        if (g == last || infos[g].Cluster != start || (to > end && (last == infos.Length || infos[last].Cluster != end))) return null;

        var clusters = new List<ShapedCluster>(last - g);
        while (g < last)
        {
            int cluster = (int)infos[g].Cluster;
            int h = g;
            while (h < last && infos[h].Cluster == cluster) h++;
            // Exactly sized, and handed to the ImmutableArray without a copy: a paragraph has a cluster per character.
            var glyphs = new ClusterGlyph[h - g];
            double x = 0;
            for (int k = g; k < h; k++)
            {
                var p = positions[k];
                glyphs[k - g] = new ClusterGlyph(infos[k].Codepoint, x + p.XOffset * scale, rise - p.YOffset * scale, p.XAdvance * scale);
                x += p.XAdvance * scale;
            }
            int clusterEnd = h < last ? (int)infos[h].Cluster : end;
            clusters.Add(new ShapedCluster(cluster - start, clusterEnd - cluster, ImmutableCollectionsMarshal.AsImmutableArray(glyphs), x));
            g = h;
        }
        return [.. clusters];
    }

    /// <summary>The clusters of a word that starts at <paramref name="start"/>, with their source text (the paragraph's own)
    /// and the run's style, link and tracking.</summary>
    private static void AddClusters(string text, int start, ShapedCluster[] clusters, GlyphStyle style, TextRun run, double tracking,
        List<Cluster> output)
    {
        foreach (var c in clusters)
        {
            int from = start + c.Offset, to = from + c.Length;
            var source = c.Length == 1 ? OneCharacter(text[from]) : text[from..to];
            output.Add(new Cluster(from, to, source, style, run, c.Glyphs, c.Width + tracking));
        }
    }
}
