using System.Collections.Immutable;
using System.Text;

namespace NewsletterPress.Text;

/// <summary>How to set one paragraph.</summary>
/// <param name="Width">The measure, in points.</param>
/// <param name="FirstLineIndent">Indent of the first line (one em for Japanese paragraphs).</param>
/// <param name="Justify">Justify all lines but the last (and those before a forced break).</param>
/// <param name="Lang">The paragraph's language: decides break rules and the Japanese context.</param>
/// <param name="Em">The body em, for the Japanese–Latin space.</param>
public sealed record ParagraphFormat(double Width, double FirstLineIndent, bool Justify, string Lang, double Em);

/// <summary>
/// Stage 3's entry point: itemizes, shapes, finds break opportunities and breaks a
/// paragraph into justified lines.
/// </summary>
/// <remarks>
/// Line breaking is greedy (first fit) for now; the JLREQ prohibitions and UAX #14 already
/// decide where it may break. The spacing rules (Japanese–Latin quarter em, Latin word
/// spaces) are expressed as glue with natural width, stretch and shrink, so a total-fit
/// breaker can replace the greedy loop without touching the rest.
/// </remarks>
public sealed class ParagraphSetter(FontLibrary fonts)
{
    /// <summary>Latin word spaces may shrink to 80 % and stretch to 150 % of natural (typography.md).</summary>
    private const double SpaceShrink = 0.2, SpaceStretch = 0.5;

    public ImmutableArray<TextLine> Set(IReadOnlyList<TextRun> runs, ParagraphFormat format)
    {
        var (text, runOf) = Concatenate(runs);
        var lines = ImmutableArray.CreateBuilder<TextLine>();
        int pieceStart = 0;
        // A forced line break ends a piece; each piece is broken on its own and its last line is not justified.
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            SetPiece(text[pieceStart..i], runOf[pieceStart..i], runs, format, lines.Count == 0, lines);
            pieceStart = i + 1;
        }
        return lines.ToImmutable();
    }

    private static (string, int[]) Concatenate(IReadOnlyList<TextRun> runs)
    {
        var sb = new StringBuilder();
        var runOf = new List<int>();
        for (int r = 0; r < runs.Count; r++)
        {
            sb.Append(runs[r].Text);
            runOf.AddRange(Enumerable.Repeat(r, runs[r].Text.Length));
        }
        return (sb.ToString(), runOf.ToArray());
    }

    private void SetPiece(string text, int[] runOf, IReadOnlyList<TextRun> runs, ParagraphFormat format, bool firstPiece,
        ImmutableArray<TextLine>.Builder output)
    {
        if (text.Length == 0)
        {
            output.Add(new TextLine([], format.Width, 0, false, false));
            return;
        }
        var clusters = Shaper.Shape(text, runs, runOf, fonts, format.Lang);
        var mayBreak = BreakOpportunities.Find(text, format.Lang);
        var glue = GlueBetween(clusters, format.Em);

        int start = 0;
        bool firstLine = firstPiece;
        while (start < clusters.Count)
        {
            while (start < clusters.Count && clusters[start].IsSpace) start++; // no line starts with a space
            if (start >= clusters.Count) break;
            double indent = firstLine ? format.FirstLineIndent : 0;
            double measure = format.Width - indent;
            var (end, overfull) = FindLineEnd(clusters, glue, mayBreak, start, measure, format.Justify);
            bool last = end >= clusters.Count;
            output.Add(MakeLine(clusters, glue, start, end, indent, format, justify: format.Justify && !last, overfull));
            start = end;
            firstLine = false;
        }
    }

    /// <summary>The Japanese–Latin space (JLREQ 3.2.5): a quarter em between Japanese and a Latin
    /// letter or digit, none beside brackets or punctuation; shrinks to an eighth, stretches to a half.</summary>
    private static Glue[] GlueBetween(List<Cluster> clusters, double em)
    {
        var glue = new Glue[clusters.Count + 1];
        for (int i = 1; i < clusters.Count; i++)
        {
            var a = clusters[i - 1];
            var b = clusters[i];
            bool jaLatin = (IsPlainJapanese(a.LastCodepoint) && Script.IsLatinLetterOrDigit(b.FirstCodepoint))
                           || (Script.IsLatinLetterOrDigit(a.LastCodepoint) && IsPlainJapanese(b.FirstCodepoint));
            if (jaLatin) glue[i] = new Glue(em / 4, em / 4, em / 8);
            else if (a.IsSpace) glue[i] = new Glue(0, a.Advance * SpaceStretch, a.Advance * SpaceShrink, IsWordSpace: true);
        }
        return glue;
    }

    private static bool IsPlainJapanese(int c) => Script.IsCjk(c) && !Script.IsJapanesePunctuation(c);

    /// <summary>Space before cluster i (glue[i]); a word space's own width is the space cluster's advance.</summary>
    private readonly record struct Glue(double Width, double Stretch, double Shrink, bool IsWordSpace = false);

    /// <param name="canShrink">Only a justified line may shrink its spaces to fit; a ragged one must fit as set.</param>
    private static (int End, bool Overfull) FindLineEnd(List<Cluster> clusters, Glue[] glue, bool[] mayBreak, int start, double measure,
        bool canShrink)
    {
        int lastFit = -1;
        for (int i = start + 1; i <= clusters.Count; i++)
        {
            if (i < clusters.Count && !mayBreak[clusters[i].Start]) continue;
            double width = WidthWithoutTrailingSpaces(clusters, glue, start, i, out double shrink);
            if (width - (canShrink ? shrink : 0) > measure + 0.001) break;
            lastFit = i;
        }
        if (lastFit > start) return (lastFit, false);

        // Emergency: one unbreakable piece (a URL, a long number) is wider than the measure.
        // Cut it at the last cluster that fits rather than run into the next column.
        double acc = 0;
        int cut = start;
        while (cut < clusters.Count && acc + clusters[cut].Advance + (cut > start ? glue[cut].Width : 0) <= measure)
        {
            acc += clusters[cut].Advance + (cut > start ? glue[cut].Width : 0);
            cut++;
        }
        return (Math.Max(cut, start + 1), true);
    }

    private static double WidthWithoutTrailingSpaces(List<Cluster> clusters, Glue[] glue, int start, int end, out double shrink)
    {
        while (end > start + 1 && clusters[end - 1].IsSpace) end--;
        double w = 0;
        shrink = 0;
        for (int i = start; i < end; i++)
        {
            w += clusters[i].Advance;
            if (i > start) { w += glue[i].Width; shrink += glue[i].Shrink; }
        }
        return w;
    }

    private static TextLine MakeLine(List<Cluster> clusters, Glue[] glue, int start, int end, double indent,
        ParagraphFormat format, bool justify, bool overfull)
    {
        int visibleEnd = end;
        while (visibleEnd > start + 1 && clusters[visibleEnd - 1].IsSpace) visibleEnd--;
        double measure = format.Width - indent;
        double natural = WidthWithoutTrailingSpaces(clusters, glue, start, visibleEnd, out _);

        // A last line is set at its natural width, unless the breaker let it shrink to fit.
        double excess = overfull ? 0 : justify ? measure - natural : Math.Min(0, measure - natural);

        // Where the extra space goes: a line with Latin word spaces puts it all there (English
        // practice); otherwise the Japanese–Latin spaces take up to their maximum and the rest
        // is spread evenly between all characters (JLREQ's last resort). Shrinking never goes
        // past what the glue allows.
        double flexible = 0;
        bool hasWordSpaces = false;
        for (int i = start + 1; i < visibleEnd; i++)
        {
            flexible += excess < 0 ? glue[i].Shrink : glue[i].Stretch;
            hasWordSpaces |= glue[i].IsWordSpace;
        }
        double ratio = flexible > 0 ? excess / flexible : 0;
        if (excess < 0) ratio = Math.Max(ratio, -1);
        else if (!hasWordSpaces) ratio = Math.Min(ratio, 1);
        double rest = excess > 0 ? excess - ratio * flexible : 0;
        double perGap = rest > 1e-9 && visibleEnd - start > 1 ? rest / (visibleEnd - start - 1) : 0;

        var glyphs = ImmutableArray.CreateBuilder<SetGlyph>();
        double x = indent;
        for (int i = start; i < visibleEnd; i++)
        {
            if (i > start)
            {
                var g = glue[i];
                x += g.Width + (excess < 0 ? g.Shrink : g.Stretch) * ratio + perGap;
            }
            var c = clusters[i];
            bool first = true;
            foreach (var g in c.Glyphs)
            {
                glyphs.Add(new SetGlyph(c.Font, c.Size, g.GlyphId, x + g.X, g.Y, g.Advance, first ? c.Text : "",
                    c.Run.Style.Colour, c.Run.Link));
                first = false;
            }
            x += c.Advance;
        }
        return new TextLine(glyphs.ToImmutable(), format.Width, x, justify && !overfull, overfull);
    }
}
