using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Draws a <see cref="GlyphRun"/> as one text object (ISO 32000-1 §9.4). Each glyph lands
/// exactly at run.X + glyph.X: after every glyph the pen has moved by the width written in
/// the font's /W array, and the difference to the next glyph's position goes into the TJ
/// array (§9.4.3: a number is subtracted from the position, in thousandths of text space).
/// A glyph that stands for other text elsewhere is shown through its alias code when it has
/// one; clusters whose text the ToUnicode CMap still cannot give back (several glyphs, or an
/// alias without a code) are wrapped in /Span with /ActualText (§14.9.4).
/// </summary>
internal static class TextPainter
{
    public static void Paint(ContentStreamBuilder content, GlyphRun run, double pageHeight, FontUsage usage, FontProgram program, InkColour inks)
    {
        if (run.Glyphs.IsDefaultOrEmpty)
            return;
        if (run.Size <= 0)
            throw new PdfWriterException($"Glyph run \"{run.Text}\" has font size {run.Size}; sizes must be positive.");

        content.BeginText()
            .Font(usage.ResourceName, run.Size)
            .Colour(inks.Fill(run.Ink))
            .TextMatrix(run.X, pageHeight - run.Y);

        var show = content.ShowPositioned();
        var pen = 0.0;   // where the next glyph would be drawn, in points from the run origin
        var rise = 0.0;
        foreach (var cluster in GlyphCluster.Split(run.Glyphs))
        {
            var head = run.Glyphs[cluster.Start];
            // A one-glyph cluster whose text differs from the glyph's ToUnicode entry may have an
            // alias code of its own that maps to its text (see FontUsage.AssignAliasCodes).
            var alias = cluster.Count == 1 ? usage.AliasCode(head.GlyphId, cluster.Text) : null;
            var needsActualText = alias is null && (cluster.Count > 1 || usage.UnicodeOf(head.GlyphId) != cluster.Text);
            if (needsActualText)
            {
                show.Flush();
                content.BeginMarkedContent("Span", new PdfDictionary()
                    .HexString("ActualText", PdfSyntax.Utf16BigEndianWithBom(cluster.Text)));
            }

            // Most clusters are one glyph: drawn directly, without ordering a list (profiled: a list per cluster was a
            // fifth of painting text).
            if (cluster.Count == 1) Draw(head, alias);
            else
                foreach (var glyph in DrawingOrder(run, cluster, program))
                    Draw(glyph, alias);

            if (needsActualText)
            {
                show.Flush();
                content.EndMarkedContent();
            }
        }
        show.Flush();
        if (rise != 0)
            content.TextRise(0); // text state outlives ET (§9.3.1)
        content.EndText();

        void Draw(PlacedGlyph glyph, uint? alias)
        {
            // §9.3.7 text rise: positive moves up, the display list's Y grows downwards.
            var glyphRise = glyph.Y == 0 ? 0 : -glyph.Y;
            if (glyphRise != rise)
            {
                show.Flush();
                content.TextRise(glyphRise);
                rise = glyphRise;
            }

            var adjustment = Math.Round((pen - glyph.X) * 1000.0 / run.Size, 3);
            if (adjustment != 0)
            {
                show.Adjust(adjustment);
                pen -= adjustment * run.Size / 1000.0;
            }
            show.Code(alias ?? program.CodeOf(glyph.GlyphId));
            pen += program.Width(glyph.GlyphId) * run.Size / 1000.0;
        }
    }

    /// <summary>
    /// The order to draw a cluster's glyphs in. Order inside a cluster does not change the
    /// picture, but extractors that honour ActualText (poppler) take the span's extent from
    /// the first drawn glyph's origin to the last drawn glyph's end. So the leftmost glyph
    /// goes first and the one reaching furthest right goes last (the rest keep their order);
    /// otherwise the extent is short and the extractor invents a space next to the cluster.
    /// </summary>
    private static List<PlacedGlyph> DrawingOrder(GlyphRun run, GlyphCluster cluster, FontProgram program)
    {
        var glyphs = run.Glyphs.Skip(cluster.Start).Take(cluster.Count).ToList();
        if (glyphs.Count == 1)
            return glyphs;
        double End(PlacedGlyph g) => g.X + (program.Width(g.GlyphId) * run.Size / 1000.0);
        // By index, not by value: a cluster may hold two identical glyphs.
        int first = 0, last = 0;
        for (var i = 1; i < glyphs.Count; i++)
        {
            if (glyphs[i].X < glyphs[first].X)
                first = i;
            if (End(glyphs[i]) > End(glyphs[last]))
                last = i;
        }
        if (first == last)
            return glyphs;
        var ordered = new List<PlacedGlyph>(glyphs.Count) { glyphs[first] };
        for (var i = 0; i < glyphs.Count; i++)
        {
            if (i != first && i != last)
                ordered.Add(glyphs[i]);
        }
        ordered.Add(glyphs[last]);
        return ordered;
    }
}
