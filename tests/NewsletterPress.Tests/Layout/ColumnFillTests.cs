using NewsletterPress.Layout;
using NewsletterPress.Layout.Plan;

namespace NewsletterPress.Tests.Layout;

public class ColumnFillTests
{
    private const double Leading = 16.5;

    private static readonly RuleFragment Ink = new(0, 0, 1, 0, 1, NewsletterPress.Shared.Ink.Black);

    /// <summary>Paragraphs of the given line counts, one flow line per text line.</summary>
    private static List<FlowLine> Paragraphs(params int[] lengths)
    {
        var lines = new List<FlowLine>();
        for (int p = 0; p < lengths.Length; p++)
            for (int i = 0; i < lengths[p]; i++)
                lines.Add(new FlowLine(1, [Ink], Paragraph: p, LineInParagraph: i, LinesInParagraph: lengths[p]));
        return lines;
    }

    private static int Fill(List<FlowLine> lines, int start, int capacity, double leading) =>
        ColumnFill.Fill(FlowUnit.From(lines), start, capacity, leading);

    [Fact]
    public void A_column_takes_as_many_lines_as_fit_when_no_rule_is_broken()
    {
        Assert.Equal(10, Fill(Paragraphs(4, 6, 5), 0, 10, Leading));
    }

    [Fact]
    public void A_paragraphs_first_line_is_never_left_alone_at_the_foot_of_a_column()
    {
        // 9 lines fit, the tenth is the first of a 5-line paragraph: it moves on.
        Assert.Equal(9, Fill(Paragraphs(4, 5, 5), 0, 10, Leading));
    }

    [Fact]
    public void A_paragraphs_last_line_is_never_left_alone_at_the_head_of_the_next_column()
    {
        // The 4-line paragraph would end with one line in the next column: two go over instead.
        Assert.Equal(9, Fill(Paragraphs(7, 4), 0, 10, Leading));
    }

    [Fact]
    public void A_two_line_paragraph_is_not_split()
    {
        Assert.Equal(9, Fill(Paragraphs(9, 2), 0, 10, Leading));
    }

    [Fact]
    public void A_heading_never_ends_a_column()
    {
        var lines = Paragraphs(9);
        lines.Add(new FlowLine(1, [Ink], Keep.WithNext));
        lines.AddRange(Paragraphs(5).Select(l => l with { Paragraph = 5 }));
        Assert.Equal(9, Fill(lines, 0, 10, Leading));
    }

    [Fact]
    public void A_column_always_takes_at_least_one_unit_so_the_flow_ends()
    {
        var lines = Enumerable.Range(0, 12).Select(_ => new FlowLine(1, [Ink], Keep.WithNext)).ToList();
        Assert.True(Fill(lines, 0, 10, Leading) >= 1);
    }

    [Fact]
    public void A_line_that_calls_a_footnote_brings_the_note_into_its_column_or_moves_on()
    {
        // Three grid lines of note (with its rule): a line calling it at the foot no longer fits.
        var note = new Note(3 * Leading - Look.Notes.Separator, []);
        var lines = Paragraphs(10);
        lines[8] = lines[8] with { Notes = [note] };
        // Lines 0–7 fit; line 8 with its three lines of note would need 12: it and its note go on.
        Assert.Equal(8, Fill(lines, 0, 10, Leading));
        lines[8] = lines[8] with { Notes = [] };
        lines[2] = lines[2] with { Notes = [note] };
        Assert.True(Fill(lines, 0, 10, Leading) <= 7, "a note called early takes its lines from the column's foot");
    }
}
