using System.Collections.Immutable;

namespace NewsletterPress.Text;

/// <summary>
/// Sets one broken line: decides how much each glue gives or takes and places the glyphs.
/// Shrinking follows the JLREQ order (3.8.2) kind by kind: a kind is used up before the next
/// one gives anything. Stretching follows <see cref="StretchPlan"/> with the limits of the pass
/// that chose the line, as the breaker rated it; a line with no stretch at all (one long word,
/// cut in an emergency) has its clusters spread evenly.
/// </summary>
internal static class Justifier
{
    /// <summary>JLREQ's order, then Latin letter spacing, which only shrinks in a paragraph set a line shorter.</summary>
    private static readonly GlueKind[] ShrinkOrder =
    [
        GlueKind.WordSpace, GlueKind.MiddleDot, GlueKind.BracketOrComma, GlueKind.JapaneseLatin, GlueKind.InterCharacter,
        GlueKind.LetterSpacing,
    ];

    /// <param name="placeGlyphs">Whether to place the glyphs; without them the line only tells how it was set (its
    /// widths and ratios), which is all that is needed to learn whether a setting keeps to the bar.</param>
    public static TextLine Set(ReadOnlySpan<Item> items, List<Cluster> clusters, LineBreak line, double indent,
        double measure, double fullWidth, bool justify, bool placeGlyphs = true)
    {
        ref readonly var breakItem = ref items[line.Break];
        bool endsAtPenalty = breakItem.Kind == ItemKind.Penalty;
        double natural = endsAtPenalty ? breakItem.Width : 0;
        Span<double> shrinkOf = stackalloc double[(int)GlueKind.Fill + 1];
        double stretch = 0, lastResort = 0, letters = 0;
        bool hyphen = endsAtPenalty && breakItem.Role == PenaltyRole.Hyphen && breakItem.Cluster >= 0;
        int boxes = 0, glyphCount = hyphen ? 1 : 0;
        for (int i = line.Start; i < line.Break; i++)
        {
            ref readonly var it = ref items[i];
            if (it.Kind == ItemKind.Penalty) continue;
            natural += it.Width;
            if (it.Cluster >= 0) glyphCount += clusters[it.Cluster].Glyphs.Length;
            if (it.Kind == ItemKind.Box) { boxes++; continue; }
            shrinkOf[(int)it.Glue] += it.Shrink;
            stretch += it.FirstStretch;
            lastResort += it.LastResortStretch;
            letters += it.LetterStretch;
        }

        double excess = measure - natural;
        if (!justify || line.Overfull) excess = Math.Min(0, excess); // ragged and last lines only shrink, and only if they must
        Span<double> shrinkFactor = stackalloc double[(int)GlueKind.Fill + 1];
        double stretchFactor = 0, lastResortFactor = 0, letterFactor = 0, perBox = 0;
        if (excess < 0)
        {
            double needed = -excess;
            foreach (var kind in ShrinkOrder)
            {
                double total = shrinkOf[(int)kind];
                if (total <= 0 || needed <= 0) continue;
                double take = Math.Min(needed, total);
                shrinkFactor[(int)kind] = take / total;
                needed -= take;
            }
        }
        else if (excess > 0)
        {
            var plan = StretchPlan.For(excess, stretch, lastResort, letters, line.Limits);
            stretchFactor = plan.SpaceRatio;
            lastResortFactor = plan.InterCharacterRatio;
            letterFactor = plan.LetterRatio;
            if (!plan.Possible && boxes > 1) perBox = excess / (boxes - 1);
        }

        // Sized once (profiled: growing the builder and copying it out was a tenth of setting a line).
        var glyphs = ImmutableArray.CreateBuilder<SetGlyph>(placeGlyphs ? glyphCount : 0);
        double x = indent;
        bool firstBox = true;
        for (int i = line.Start; i < line.Break; i++)
        {
            ref readonly var it = ref items[i];
            switch (it.Kind)
            {
                case ItemKind.Glue:
                    // A word space keeps its space glyph, so that text extraction sees the words apart.
                    if (it.Cluster >= 0) AddGlyphs(clusters[it.Cluster], x, 0);
                    x += it.Width - it.Shrink * shrinkFactor[(int)it.Glue] + it.FirstStretch * stretchFactor
                         + it.LastResortStretch * lastResortFactor + it.LetterStretch * letterFactor;
                    break;
                case ItemKind.Box:
                    if (!firstBox) x += perBox;
                    firstBox = false;
                    AddGlyphs(clusters[it.Cluster], x, it.DrawOffset);
                    x += it.Width;
                    break;
            }
        }

        if (hyphen && placeGlyphs)
        {
            // A discretionary hyphen stands for a soft hyphen (U+00AD): extraction and search see the
            // whole word, and readers that keep soft hyphens know the break was not in the source.
            var c = clusters[breakItem.Cluster];
            var (glyph, advance) = c.Font.HyphenGlyph(c.Size);
            glyphs.Add(new SetGlyph(c.Style, glyph, x, c.Glyphs.IsEmpty ? 0 : c.Glyphs[0].Y, advance, "\u00AD"));
        }
        if (endsAtPenalty) x += breakItem.Width;

        void AddGlyphs(Cluster c, double at, double offset)
        {
            if (!placeGlyphs) return;
            bool first = true;
            foreach (var g in c.Glyphs)
            {
                glyphs.Add(new SetGlyph(c.Style, g.GlyphId, at + offset + g.X, g.Y, g.Advance, first ? c.Text : ""));
                first = false;
            }
        }

        bool justified = justify && !line.Overfull && Math.Abs(x - indent - measure) <= 0.01;
        double wordShrink = shrinkOf[(int)GlueKind.WordSpace] + shrinkOf[(int)GlueKind.JapaneseLatin];
        double spaceRatio = excess > 0 ? stretchFactor
            : wordShrink > 0 ? -(shrinkFactor[(int)GlueKind.WordSpace] * shrinkOf[(int)GlueKind.WordSpace]
                                 + shrinkFactor[(int)GlueKind.JapaneseLatin] * shrinkOf[(int)GlueKind.JapaneseLatin]) / wordShrink
            : 0;
        if (glyphs.Count < glyphs.Capacity) glyphs.Capacity = glyphs.Count;
        return new TextLine(glyphs.MoveToImmutable(), fullWidth, x, justified, line.Overfull)
        {
            Hyphenated = hyphen,
            SpaceRatio = spaceRatio,
            InterCharacterRatio = perBox > 0 ? double.PositiveInfinity : lastResortFactor,
            LetterRatio = perBox > 0 ? double.PositiveInfinity : letterFactor,
        };
    }
}
