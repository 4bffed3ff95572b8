using System.Collections.Immutable;
using NewsletterPress.Content;
using NewsletterPress.Display;
using NewsletterPress.Shared;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Collect;

/// <summary>
/// A pipe table: columns as wide as their content needs (shared out when the table is too
/// wide), cells wrapped, every row a whole number of grid lines, the header bold between rules.
/// </summary>
internal sealed class TableComposer(ParagraphSetter setter, LayoutConfig config, TypeScale scale)
{
    /// <summary>The natural width the table would like, for deciding whether it needs to span.</summary>
    public double NaturalWidth(Table table, string lang) =>
        ColumnNaturalWidths(table, lang).Sum() + Padding * (Columns(table) - 1);

    private double Padding => config.BodySize;

    private static int Columns(Table table) => table.Rows.Max(r => r.Length);

    private double[] ColumnNaturalWidths(Table table, string lang)
    {
        var widths = new double[Columns(table)];
        foreach (var (row, r) in table.Rows.Select((row, r) => (row, r)))
            for (int c = 0; c < row.Length; c++)
            {
                var line = setter.Set(ArticleCollector.Runs(row[c], Style(r)),
                    new ParagraphFormat(100_000, 0, false, lang, config.BodySize));
                widths[c] = Math.Max(widths[c], line.Max(l => l.NaturalWidth));
            }
        return widths;
    }

    private TextStyle Style(int row) => row == 0 ? scale.BodyText with { Bold = true } : scale.BodyText;

    public List<FlowLine> Compose(Table table, double width, string lang, StructureBuilder structure, int tableElement)
    {
        var natural = ColumnNaturalWidths(table, lang);
        double available = width - Padding * (natural.Length - 1);
        double total = natural.Sum();
        // Columns that fit keep their natural width; otherwise every column gives up space in proportion.
        var widths = total <= available ? natural : natural.Select(w => w * available / total).ToArray();

        var lines = new List<FlowLine>();
        var rule = new RuleFragment(0, 1, width, 1, Look.Body.ThinRuleWeight, Ink.Black);
        for (int r = 0; r < table.Rows.Length; r++)
        {
            int rowElement = structure.Add(StructureRole.TR, tableElement);
            var cells = table.Rows[r].Select((cell, c) => setter.Set(ArticleCollector.Runs(cell, Style(r)),
                new ParagraphFormat(widths[c], 0, false, lang, config.BodySize))).ToList();
            int height = Math.Max(1, cells.Max(c => c.Length));
            var fragments = ImmutableArray.CreateBuilder<Fragment>();
            if (r == 0) fragments.Add(rule);
            double x = 0;
            for (int c = 0; c < cells.Count; c++)
            {
                int cellElement = structure.Add(r == 0 ? StructureRole.TH : StructureRole.TD, rowElement);
                var align = c < table.Alignments.Length ? table.Alignments[c] : CellAlignment.Start;
                for (int i = 0; i < cells[c].Length; i++)
                {
                    double free = widths[c] - cells[c][i].NaturalWidth;
                    double dx = align switch { CellAlignment.End => free, CellAlignment.Center => free / 2, _ => 0 };
                    fragments.Add(new TextFragment(cells[c][i], x + Math.Max(0, dx), config.BaselineOffset + i * config.Leading) { Element = cellElement });
                }
                x += widths[c] + Padding;
            }
            bool last = r == table.Rows.Length - 1;
            if (r == 0 || last)
            {
                double y = height * config.Leading - 1;
                fragments.Add(new RuleFragment(0, y, width, y, Look.Body.ThinRuleWeight, Ink.Black));
            }
            // The header stays with the first row, and is repeated above a row that continues the table in
            // another column or on another page.
            lines.Add(new FlowLine(height, fragments.ToImmutable(), r == 0 ? Keep.WithNext : Keep.None));
        }
        // A short table is not split at all, and a long one leaves at least two rows on each side of a break: a row
        // on its own reads badly (issue 12).
        if (lines.Sum(l => l.Lines) <= Look.Body.MaxLinesKeptTogether)
            for (int r = 0; r < lines.Count - 1; r++) lines[r] = lines[r] with { Keep = Keep.WithNext };
        else
            foreach (int r in new[] { 1, lines.Count - 2 })
                if (r > 0 && r < lines.Count - 1) lines[r] = lines[r] with { Keep = Keep.WithNext };
        var header = lines[0] with { Keep = Keep.None, Fragments = [.. lines[0].Fragments.Where(f => f is not AnchorFragment).Select(f => f with { Element = null })] };
        for (int r = 1; r < lines.Count; r++) lines[r] = lines[r] with { ColumnHead = header };
        return lines;
    }
}
