using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Furniture;

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
        double em = config.BodySize, pad = em * Look.Donation.PaddingEm, width = config.BlockWidth, inner = width - 2 * pad;
        var body = scale.BodyText;
        ParagraphFormat Format(double w, bool justify = false) => new(w, 0, justify, lang, em);

        band.Space(pad * 0.5);
        if (donation.Lead.Length > 0)
        {
            int lead = structure.Add(Display.StructureRole.P, section);
            foreach (var line in setter.Set(Collect.ArticleCollector.Runs([new Span(donation.Lead)], body), Format(inner, true)))
                band.AddGridLine(line, pad, pad, lead);
        }
        foreach (var option in donation.Options)
        {
            var runs = new List<TextRun> { new("☐\u2002", body) };
            runs.AddRange(Collect.ArticleCollector.Runs([new Span(option)], body with { Bold = true }));
            var optionLines = setter.Set(runs, Format(inner) with { Display = true });
            int element = structure.Add(Display.StructureRole.P, section);
            band.AddGridLine(optionLines[0], pad, config.Leading * Look.Donation.GroupAdvanceLeading, element);
            foreach (var line in optionLines.Skip(1)) band.AddGridLine(line, pad, element: element);
        }

        if (donation.Details.Length > 0)
        {
            // A label is one line: a value needs room beside it, so a label may take at most half the box.
            var labelLines = donation.Details.Select(row => SingleLine.Set(setter, [new TextRun(row.Label, body)], Format(inner / 2),
                row.Where, "the donation label")).ToList();
            double labelWidth = labelLines.Max(l => l.NaturalWidth);
            // Japanese labels are spread to one width before a full-width colon (均等割り); Latin ones keep their
            // letters and take a Latin colon, with the values aligned on one tab after the longest.
            bool japanese = lang.StartsWith("ja", StringComparison.Ordinal);
            var colon = setter.Set([new TextRun(japanese ? "：" : ":", body)], Format(inner))[0];
            double colonRoom = japanese ? em : colon.NaturalWidth + em / 2;
            bool firstRow = true;
            for (int r = 0; r < donation.Details.Length; r++)
            {
                var row = donation.Details[r];
                var label = japanese ? Spread(labelLines[r], labelWidth) : labelLines[r];
                double valueX = pad + labelWidth + colonRoom;
                var value = setter.Set(Collect.ArticleCollector.Runs(BareAddresses.Linked(row.Value), body),
                    Format(inner - labelWidth - colonRoom) with { Display = true });
                int element = structure.Add(Display.StructureRole.P, section);
                band.AddGridLine(label, pad, firstRow ? config.Leading * Look.Donation.GroupAdvanceLeading : 0, element);
                // The full-width colon keeps its whole em between label and value (set alone, the setter would drop its
                // blanks as at a line's start and end): centre it in one zw. A Latin colon follows its label.
                double colonX = japanese ? pad + labelWidth + (em - colon.NaturalWidth) / 2 : pad + label.NaturalWidth;
                band.Add(new TextFragment(colon, colonX, band.Depth) { Element = element });
                band.Add(new TextFragment(value[0], valueX, band.Depth) { Element = element });
                for (int i = 1; i < value.Length; i++)
                    band.AddGridLine(value[i], valueX, element: element);
                firstRow = false;
            }
        }
        double depth = band.Depth + pad;
        var result = band.Build(pad * 0.5);
        double frameHeight = result.Lines * config.Leading - config.Leading * 0.5;
        return result with { Fragments = result.Fragments.Add(new BoxFragment(0, 0, width, Math.Max(depth, frameHeight), scale.Accent, Look.Donation.FrameWeight)) };
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
}
