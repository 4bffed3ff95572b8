using System.Collections.Immutable;
using System.Globalization;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>
/// Turns an article's blocks into flow lines for a column of a given width: paragraphs
/// become set lines, headings take whole grid lines and keep with what follows.
/// </summary>
internal sealed class BlockComposer(ParagraphSetter setter, LayoutConfig config, TypeScale scale, WarningLog warnings)
{
    private int _paragraphCounter;

    public List<FlowLine> Compose(Article article, double width)
    {
        var lines = new List<FlowLine>();
        bool afterHeading = true;
        foreach (var block in article.Blocks)
        {
            ComposeBlock(block, article.Lang, width, 0, afterHeading, lines);
            afterHeading = block is Heading;
        }
        if (article.Footnotes.Length > 0) ComposeFootnotes(article, width, lines);
        return lines;
    }

    private void ComposeBlock(Block block, string lang, double width, double indent, bool afterHeading, List<FlowLine> output)
    {
        switch (block)
        {
            case Heading h: ComposeHeading(h, lang, width, output); break;
            case Paragraph p:
                // Japanese paragraphs always open with a one-em indent; English ones not after a
                // heading (book style); a group of hard-broken lines (an address) never.
                bool japanese = lang.StartsWith("ja", StringComparison.Ordinal);
                bool lineGroup = p.Text.Any(s => s.Text.Contains('\n'));
                bool indentFirst = indent == 0 && !lineGroup && (japanese || !afterHeading);
                AddParagraph(p.Where, Runs(p.Text, scale.BodyText, lang), lang, width, indent, indentFirst ? config.BodySize : 0, output,
                    keepTogether: lineGroup);
                break;
            case ListBlock list: ComposeList(list, lang, width, indent, output); break;
            case Quote q:
                foreach (var b in q.Blocks) ComposeBlock(b, lang, width, indent + config.BodySize, true, output);
                break;
            case Fields f: ComposeFields(f, lang, width, indent, output); break;
            case Table t:
                warnings.Add(t.Where, "tables are printed as plain rows for now (cells separated by wide spaces)");
                foreach (var row in t.Rows)
                    AddParagraph(t.Where, row.SelectMany((cell, i) =>
                        (i > 0 ? [new TextRun("\u3000", scale.BodyText)] : Array.Empty<TextRun>()).Concat(Runs(cell, scale.BodyText, lang))).ToList(),
                        lang, width, indent, 0, output);
                break;
            case Figure fig:
                warnings.Add(fig.Where, $"images are not placed yet; only the caption of '{Path.GetFileName(fig.Path)}' is printed");
                AddParagraph(fig.Where, Runs(fig.Caption, scale.Footnote with { Family = FaceFamily.Sans }, lang), lang, width, indent, 0, output);
                break;
            case ThematicBreak:
                output.Add(new FlowLine(1, [new RuleFragment(width / 3, config.Leading / 2, width * 2 / 3, config.Leading / 2, 0.5, Display.Ink.Black)]));
                break;
        }
    }

    /// <summary>Heading 2 is centred in two grid lines (行取り); heading 3 takes one line after one blank line.
    /// Both keep with the next lines so a heading never ends a column.</summary>
    private void ComposeHeading(Heading h, string lang, double width, List<FlowLine> output)
    {
        var style = h.Level <= 2 ? scale.Heading2 : scale.Heading3;
        var set = Set(h.Where, Runs(h.Text, style, lang), new ParagraphFormat(width, 0, false, lang, config.BodySize));
        int gridLines = h.Level <= 2 ? 2 : 1;
        for (int i = 0; i < set.Length; i++)
        {
            bool first = i == 0;
            int lines = first ? gridLines : 1;
            // Centre the first line's em box in its lines: baseline at half the band plus a third of the size.
            // A heading taking two lines is centred in them (行取り); in one line it sits on the grid like the text.
            double baseline = first && lines > 1 ? lines * config.Leading / 2 + style.Size * 0.35 : config.BaselineOffset;
            var frags = ImmutableArray.Create<Fragment>(new TextFragment(set[i], 0, baseline));
            if (first && h.Level >= 3 && output.Count > 0) output.Add(new FlowLine(1, [], Keep.WithNext));
            output.Add(new FlowLine(lines, frags, Keep.WithNext));
        }
    }

    private void ComposeList(ListBlock list, string lang, double width, double indent, List<FlowLine> output)
    {
        double hang = config.BodySize;
        int number = list.Start;
        foreach (var item in list.Items)
        {
            string marker = list.Ordered
                ? number++.ToString(CultureInfo.InvariantCulture) + "."
                : lang.StartsWith("ja", StringComparison.Ordinal) ? "・" : "•";
            double markerIndent = list.Ordered ? hang * 1.5 : hang;
            int before = output.Count;
            bool firstBlock = true;
            foreach (var block in item)
            {
                ComposeBlock(block, lang, width, indent + markerIndent, true, output);
                if (firstBlock && output.Count > before)
                {
                    // Hang the marker in the indent of the item's first line.
                    var markerLine = Set(block.Where, [new TextRun(marker, scale.BodyText)],
                        new ParagraphFormat(markerIndent, 0, false, lang, config.BodySize))[0];
                    var head = output[before];
                    output[before] = head with { Fragments = head.Fragments.Insert(0, new TextFragment(markerLine, indent, config.BaselineOffset)) };
                }
                firstBlock = false;
            }
        }
    }

    /// <summary>Label/value rows whose values align on one tab after the longest label and a full-width colon.</summary>
    private void ComposeFields(Fields fields, string lang, double width, double indent, List<FlowLine> output)
    {
        var labels = fields.Rows.Select(r => Set(fields.Where, Runs(r.Label, scale.BodyText, lang).Append(new TextRun("：", scale.BodyText)).ToList(),
            new ParagraphFormat(width, 0, false, lang, config.BodySize))[0]).ToList();
        double tab = labels.Max(l => l.NaturalWidth);
        for (int r = 0; r < fields.Rows.Length; r++)
        {
            var values = Set(fields.Where, Runs(fields.Rows[r].Value, scale.BodyText, lang),
                new ParagraphFormat(width - indent - tab, 0, true, lang, config.BodySize));
            int id = _paragraphCounter++;
            for (int i = 0; i < values.Length; i++)
            {
                var frags = ImmutableArray.CreateBuilder<Fragment>();
                if (i == 0) frags.Add(new TextFragment(labels[r], indent, config.BaselineOffset));
                frags.Add(new TextFragment(values[i], indent + tab, config.BaselineOffset));
                output.Add(new FlowLine(1, frags.ToImmutable(), Paragraph: id, LineInParagraph: i, LinesInParagraph: values.Length));
            }
        }
    }

    private void ComposeFootnotes(Article article, double width, List<FlowLine> output)
    {
        output.Add(new FlowLine(1, [new RuleFragment(0, config.Leading / 2, width / 3, config.Leading / 2, 0.5, Display.Ink.Black)], Keep.WithNext));
        foreach (var note in article.Footnotes)
        {
            var runs = new List<TextRun> { new(note.Number.ToString(CultureInfo.InvariantCulture) + "\u2002", scale.Footnote) };
            var blocks = note.Blocks.OfType<Paragraph>().ToList();
            for (int b = 0; b < blocks.Count; b++)
            {
                if (b > 0) runs.Add(new TextRun("\n", scale.Footnote));
                runs.AddRange(Runs(blocks[b].Text, scale.Footnote, article.Lang));
            }
            var first = output.Count;
            AddParagraph(new SourcePosition(article.SourcePath, 1, 1), runs, article.Lang, width, 0, 0, output);
            if (output.Count > first)
                output[first] = output[first] with { Fragments = output[first].Fragments.Insert(0, new AnchorFragment("fn" + note.Number)) };
        }
    }

    /// <summary>A short group of hard-broken lines (an address) is not split across columns.</summary>
    private const int MaxLinesKeptTogether = 8;

    private void AddParagraph(SourcePosition where, IReadOnlyList<TextRun> runs, string lang, double width, double indent,
        double firstLineIndent, List<FlowLine> output, bool keepTogether = false)
    {
        var set = Set(where, runs, new ParagraphFormat(width - indent, firstLineIndent, true, lang, config.BodySize));
        int id = _paragraphCounter++;
        for (int i = 0; i < set.Length; i++)
        {
            if (set[i].Overfull)
                warnings.Add(where, $"an unbreakable piece wider than the column was cut: \"{set[i].Text}\"");
            bool keep = keepTogether && set.Length <= MaxLinesKeptTogether && i < set.Length - 1;
            output.Add(new FlowLine(1, [new TextFragment(set[i], indent, config.BaselineOffset)], keep ? Keep.WithNext : Keep.None,
                Paragraph: id, LineInParagraph: i, LinesInParagraph: set.Length));
        }
    }

    private ImmutableArray<TextLine> Set(SourcePosition where, IReadOnlyList<TextRun> runs, ParagraphFormat format)
    {
        try { return setter.Set(runs, format); }
        catch (MissingGlyphException e) { throw new InputException(where, e.Message); }
    }

    internal static List<TextRun> Runs(IEnumerable<Span> spans, TextStyle style, string lang) =>
        spans.Select(s => new TextRun(s.Text, style with
        {
            Bold = style.Bold || (s.Style & SpanStyle.Bold) != 0,
            Italic = style.Italic || (s.Style & SpanStyle.Italic) != 0,
            Superscript = (s.Style & SpanStyle.Superscript) != 0,
            Family = (s.Style & SpanStyle.Code) != 0 ? FaceFamily.Sans : style.Family,
        }, s.Link, s.Lang)).ToList();
}
