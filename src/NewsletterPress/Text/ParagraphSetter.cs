using System.Collections.Immutable;
using System.Text;

namespace NewsletterPress.Text;

/// <summary>How to set one paragraph.</summary>
/// <param name="Width">The measure, in points.</param>
/// <param name="FirstLineIndent">Indent of the first line (one em for Japanese paragraphs).</param>
/// <param name="Justify">Justify all lines but the last (and those before a forced break).</param>
/// <param name="Lang">The paragraph's language: decides break rules and the Japanese context.</param>
/// <param name="Em">The body em, for the Japanese–Latin space.</param>
/// <param name="Hyphenate">Hyphenate English words of justified paragraphs (Liang's patterns, en-US). The drawn
/// hyphen has no text, so poppler extracts the word whole; mupdf ignores ActualText and shows the hyphen.</param>
/// <param name="HyphenationExceptions">The exceptions: word → "hy-phen-ation" (no hyphen: never break it).</param>
/// <param name="HangingPunctuation">Let 、。 hang past the measure at a line end (ぶら下げ, JLREQ 3.8.2); off by
/// default, as JLREQ advises for text that mixes Japanese and Latin.</param>
public sealed record ParagraphFormat(double Width, double FirstLineIndent, bool Justify, string Lang, double Em,
    bool Hyphenate = true, IReadOnlyDictionary<string, string>? HyphenationExceptions = null, bool HangingPunctuation = false);

/// <summary>
/// Stage 3's entry point: itemizes, shapes, finds break opportunities and breaks a
/// paragraph into justified lines with the Knuth–Plass total-fit algorithm.
/// </summary>
public sealed class ParagraphSetter(FontLibrary fonts)
{
    /// <summary>Tried in turn until one finds breaks (TeX's \pretolerance / \tolerance / emergency passes):
    /// first spaces within 150 %, then looser, then anything that fits, cutting unbreakable pieces, and last
    /// (so that setting never fails) allowing a third hyphen in a row.</summary>
    private static readonly BreakerPass[] Passes =
    [
        new(MaxRatio: 1, MaxLastResortRatio: 1, Emergency: false),
        new(MaxRatio: 3, MaxLastResortRatio: 2, Emergency: false),
        new(MaxRatio: double.PositiveInfinity, MaxLastResortRatio: double.PositiveInfinity, Emergency: true),
        new(MaxRatio: double.PositiveInfinity, MaxLastResortRatio: double.PositiveInfinity, Emergency: true, StrictHyphens: false),
    ];

    public ImmutableArray<TextLine> Set(IReadOnlyList<TextRun> runs, ParagraphFormat format)
    {
        var (text, runOf, softHyphen) = Concatenate(runs);
        var lines = ImmutableArray.CreateBuilder<TextLine>();
        int pieceStart = 0;
        // A forced line break ends a piece; each piece is broken on its own and its last line is not justified.
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            SetPiece(text[pieceStart..i], runOf[pieceStart..i], softHyphen[pieceStart..(i + 1)], runs, format, lines.Count == 0, lines);
            pieceStart = i + 1;
        }
        return lines.ToImmutable();
    }

    /// <summary>Joins the runs' text. Soft hyphens (U+00AD) are taken out and remembered: they mark where the
    /// editor allows a hyphen and are never printed unless the line breaks there.</summary>
    private static (string Text, int[] RunOf, bool[] SoftHyphen) Concatenate(IReadOnlyList<TextRun> runs)
    {
        var sb = new StringBuilder();
        var runOf = new List<int>();
        var soft = new List<bool>();
        bool pending = false;
        for (int r = 0; r < runs.Count; r++)
        {
            foreach (var ch in runs[r].Text)
            {
                if (ch == '\u00AD') { pending = true; continue; }
                sb.Append(ch);
                runOf.Add(r);
                soft.Add(pending);
                pending = false;
            }
        }
        soft.Add(false);
        return (sb.ToString(), runOf.ToArray(), soft.ToArray());
    }

    private void SetPiece(string text, int[] runOf, bool[] softHyphen, IReadOnlyList<TextRun> runs, ParagraphFormat format,
        bool firstPiece, ImmutableArray<TextLine>.Builder output)
    {
        if (text.Length == 0)
        {
            output.Add(new TextLine([], format.Width, 0, false, false));
            return;
        }
        var clusters = Shaper.Shape(text, runs, runOf, fonts, format.Lang);
        var mayBreak = BreakOpportunities.Find(text, format.Lang);
        double indent = firstPiece ? format.FirstLineIndent : 0;
        double LineWidth(int line) => line == 0 ? format.Width - indent : format.Width;

        foreach (var pass in Passes)
        {
            double cutWiderThan = pass.Emergency ? format.Width - indent : double.PositiveInfinity;
            var items = ParagraphItems.Build(clusters, mayBreak, softHyphen, format, cutWiderThan);
            var breaks = KnuthPlass.Break(items, LineWidth, ragged: !format.Justify, pass);
            if (breaks is null) continue;
            for (int n = 0; n < breaks.Count; n++)
            {
                bool last = n == breaks.Count - 1;
                output.Add(Justifier.Set(items, clusters, breaks[n], n == 0 ? indent : 0, LineWidth(n), format.Width,
                    justify: format.Justify && !last));
            }
            return;
        }
        throw new InvalidOperationException($"no line breaks found for \"{text}\"");
    }
}
