using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>
/// The donation box: a frame in the accent colour, the lead, each option with a ☐ and its
/// amount in bold, and the bank details as label/value rows whose labels are spread to one
/// common width (均等割り) before a full-width colon.
/// </summary>
internal static class DonationBox
{
    public static Band Compose(Donation donation, string lang, ParagraphSetter setter, LayoutConfig config, TypeScale scale,
        StructureBuilder structure)
    {
        int section = structure.Add(Display.StructureRole.Sect, structure.Root);
        var band = new BandBuilder(config);
        double em = config.BodySize, pad = em, width = config.BlockWidth, inner = width - 2 * pad;
        var body = scale.BodyText;
        ParagraphFormat Format(double w, bool justify = false) => new(w, 0, justify, lang, em);

        band.Space(pad * 0.5);
        if (donation.Lead.Length > 0)
        {
            int lead = structure.Add(Display.StructureRole.P, section);
            foreach (var line in setter.Set(BlockComposer.Runs([new Span(donation.Lead)], body, lang), Format(inner, true)))
                band.AddGridLine(line, pad, pad, lead);
        }
        foreach (var option in donation.Options)
        {
            var runs = new List<TextRun> { new("☐\u2002", body) };
            runs.AddRange(BlockComposer.Runs([new Span(option)], body with { Bold = true }, lang));
            var optionLines = setter.Set(runs, Format(inner));
            int element = structure.Add(Display.StructureRole.P, section);
            band.AddGridLine(optionLines[0], pad, config.Leading * 1.5, element);
            foreach (var line in optionLines.Skip(1)) band.AddGridLine(line, pad, element: element);
        }

        if (donation.Details.Length > 0)
        {
            // A label is one line: a value needs room beside it, so a label may take at most half the box.
            var labelLines = donation.Details.Select(row => SingleLine.Set(setter, [new TextRun(row.Label, body)], Format(inner / 2),
                row.Where, "the donation label")).ToList();
            double labelWidth = labelLines.Max(l => l.NaturalWidth);
            bool firstRow = true;
            for (int r = 0; r < donation.Details.Length; r++)
            {
                var row = donation.Details[r];
                var label = Spread(labelLines[r], labelWidth);
                // The full-width colon keeps its whole em between label and value (set alone, the
                // setter would drop its blanks as at a line's start and end): centre it in one zw.
                var colon = setter.Set([new TextRun("：", body)], Format(inner))[0];
                double valueX = pad + labelWidth + em;
                var value = setter.Set(BlockComposer.Runs(LinkIfAddress(row.Value), body, lang),
                    Format(inner - labelWidth - em));
                int element = structure.Add(Display.StructureRole.P, section);
                band.AddGridLine(label, pad, firstRow ? config.Leading * 1.5 : 0, element);
                band.Add(new TextFragment(colon, pad + labelWidth + (em - colon.NaturalWidth) / 2, band.Depth) { Element = element });
                band.Add(new TextFragment(value[0], valueX, band.Depth) { Element = element });
                for (int i = 1; i < value.Length; i++)
                    band.AddGridLine(value[i], valueX, element: element);
                firstRow = false;
            }
        }
        double depth = band.Depth + pad;
        var result = band.Build(pad * 0.5);
        double frameHeight = result.Lines * config.Leading - config.Leading * 0.5;
        return result with { Fragments = result.Fragments.Add(new BoxFragment(0, 0, width, Math.Max(depth, frameHeight), scale.Accent, 0.75)) };
    }

    /// <summary>均等割り: spreads a label's characters so its ends meet the common label width.</summary>
    private static TextLine Spread(TextLine line, double width)
    {
        int gaps = line.Glyphs.Count(g => g.Text.Length > 0) - 1;
        if (gaps <= 0 || line.NaturalWidth >= width) return line;
        double extra = (width - line.NaturalWidth) / gaps;
        int clusterIndex = -1;
        var glyphs = line.Glyphs.Select(g =>
        {
            if (g.Text.Length > 0) clusterIndex++;
            return g with { X = g.X + extra * clusterIndex };
        }).ToImmutableArray();
        return line with { Glyphs = glyphs, NaturalWidth = width };
    }

    private static IEnumerable<Span> LinkIfAddress(string value) =>
        value.Contains('@') && !value.Contains(' ') ? [new Span(value, Link: "mailto:" + value)] : [new Span(value)];
}
