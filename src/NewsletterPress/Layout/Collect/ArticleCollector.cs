using System.Collections.Immutable;
using System.Globalization;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Manifest;
using NewsletterPress.Shared;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Collect;

/// <summary>
/// The first step of the layout: sets an article once into what the page planner places. Paragraphs become set lines
/// on the grid that know their paragraph (for widows and orphans) and the footnotes they call; headings take whole
/// grid lines and keep with what follows; figures and tables sit in the column or span the columns; the opener is a
/// band across the columns (or a column wide, for an article that joins the column run before it). Every fragment
/// is tagged with its structure element, in reading order. Each plain paragraph also leaves its recipe, so that the
/// planner can ask for it a line shorter or longer.
/// </summary>
internal sealed class ArticleCollector(Issue issue, ParagraphSetter setter, LayoutConfig config, TypeScale scale, WarningLog warnings,
    StructureBuilder structure)
{
    private readonly FootnotePlacement _footnotes = issue.Style.Footnotes;
    private readonly FigureComposer _figures = new(setter, config, scale, warnings);
    private readonly TableComposer _tables = new(setter, config, scale);
    private int _paragraphCounter;
    private List<FlowPart> _parts = [];
    private List<FlowLine> _lines = [];
    private List<int> _paragraphs = [];
    private ParagraphAlternatives _alternatives = null!;
    /// <summary>Footnotes not yet called, by the link their call carries ("#fn1").</summary>
    private Dictionary<string, Note> _notes = [];
    /// <summary>Notes printed after the article's last line, in the order of their calls.</summary>
    private List<Note> _endNotes = [];
    /// <summary>Notes too tall for a column's foot, which go to the article's end whatever the style says.</summary>
    private HashSet<string> _tooTall = [];
    private List<OutlineEntry> _sections = [];
    private string _anchorPrefix = "";

    /// <param name="joinsColumnRun">The article starts at the head of the next column of the article before
    /// (<c>start: new-column</c>), so its opener is a column wide.</param>
    /// <param name="mayRunIn">The planner may start the article in the column run of the article before, right under
    /// its last line (<c>start: auto</c>): it gets a column-wide opener too.</param>
    public CollectedArticle Collect(Article article, ArticleRef entry, int index, bool joinsColumnRun, bool mayRunIn)
    {
        int columns = article.Columns ?? config.Columns;
        double width = columns == 1 ? config.BlockWidth : config.ColumnWidth;
        int element = structure.Add(StructureRole.Art, structure.Root, lang: article.Lang == issue.Language ? null : article.Lang);
        var anchor = IssueLayout.ArticleAnchor(index);
        var elements = OpenerElements.Add(structure, article, element);
        Band Opener(double w) => MissingGlyphs.At(IssueLayout.FrontMatter(article), () =>
            ArticleOpener.Compose(article, anchor, setter, config, scale, elements, w));
        var opener = joinsColumnRun ? null : Opener(config.BlockWidth);
        var columnOpener = joinsColumnRun || mayRunIn ? Opener(width) : null;

        _parts = [];
        _lines = [];
        _paragraphs = [];
        _sections = [];
        _alternatives = new ParagraphAlternatives(setter, config);
        _anchorPrefix = anchor;
        _endNotes = [];
        _notes = ComposeNotes(article, width, element);
        bool afterHeading = true;
        foreach (var block in article.Blocks)
        {
            ComposeBlock(block, article.Lang, width, 0, afterHeading, element);
            afterHeading = block is Heading;
        }
        foreach (var unused in _notes.Keys)
            warnings.Add(SourcePosition.InFile(article.SourcePath, 1, 1), WarningCode.UnusedFootnote,
                $"footnote {unused} is never called from the text; it is not printed");
        _lines.AddRange(ArticleEndNotes.Compose(_endNotes, width, config, Look.Notes.Pitch));
        EndColumnLines();
        return new CollectedArticle(index, article, entry, columns, opener, columnOpener, joinsColumnRun, [.. _parts], [.. _sections],
            [.. _paragraphs], _alternatives);
    }

    private void EndColumnLines()
    {
        if (_lines.Count > 0) _parts.Add(new ColumnLines(_lines));
        _lines = [];
    }

    private void ComposeBlock(Block block, string lang, double width, double indent, bool afterHeading, int parent,
        TextFragment? marker = null)
    {
        switch (block)
        {
            case Heading h: ComposeHeading(h, lang, width, parent); break;
            case Paragraph p:
                // Japanese paragraphs always open with a one-em indent; English ones not after a
                // heading (book style); a group of hard-broken lines (an address) never; a list item's never.
                bool japanese = lang.StartsWith("ja", StringComparison.Ordinal);
                bool lineGroup = p.Text.Any(s => s.Text.Contains('\n'));
                bool indentFirst = indent == 0 && !lineGroup && (japanese || !afterHeading);
                AddParagraph(p.Where, Runs(p.Text, scale.BodyText), lang, width, indent, indentFirst ? config.BodySize : 0,
                    structure.Add(StructureRole.P, parent), keepTogether: lineGroup, marker);
                break;
            case ListBlock list: ComposeList(list, lang, width, indent, parent); break;
            case Quote q:
                int quote = structure.Add(StructureRole.Sect, parent);
                foreach (var b in q.Blocks) ComposeBlock(b, lang, width, indent + config.BodySize, true, quote);
                break;
            case Fields f: ComposeFields(f, lang, width, indent, parent); break;
            case Table t: ComposeTable(t, lang, width, parent); break;
            case Figure fig: ComposeFigure(fig, lang, width, parent); break;
            case ThematicBreak:
                _lines.Add(new FlowLine(1, [new RuleFragment(width / 3, config.Leading / 2, width * 2 / 3, config.Leading / 2,
                    Look.Body.ThinRuleWeight, Ink.Black)]));
                break;
        }
    }

    private void ComposeFigure(Figure figure, string lang, double width, int parent)
    {
        int element = structure.Add(StructureRole.Figure, parent, alt: figure.Alt);
        int? caption = figure.Caption.IsEmpty ? null : structure.Add(StructureRole.Caption, element);
        if (!figure.Spans || config.Columns < 2 || width >= config.BlockWidth)
        {
            var (inColumn, smallerInColumn) = MissingGlyphs.At(figure.Where, () => _figures.Compose(figure, width, lang, element, caption, SmallerFigures));
            inColumn[0] = inColumn[0] with { Smaller = [.. smallerInColumn.Select(s => (s.Scale, s.Lines[0]))] };
            _lines.AddRange(inColumn);
            return;
        }
        var (lines, smaller) = MissingGlyphs.At(figure.Where, () => _figures.Compose(figure, config.BlockWidth, lang, element, caption, SmallerFigures));
        EndColumnLines();
        _parts.Add(new SpanningBand(AsBand(lines)) { Smaller = [.. smaller.Select(s => (s.Scale, AsBand(s.Lines)))] });
    }

    private void ComposeTable(Table table, string lang, double width, int parent)
    {
        int element = structure.Add(StructureRole.Table, parent);
        double natural = MissingGlyphs.At(table.Where, () => _tables.NaturalWidth(table, lang));
        // A table wider than the column goes across the columns when that makes it fit.
        if (natural <= width || config.Columns < 2 || width >= config.BlockWidth)
        {
            if (natural > width)
                warnings.Add(table.Where, WarningCode.TableNarrowed, "the table is wider than the text block; its columns were narrowed and wrapped");
            _lines.AddRange(MissingGlyphs.At(table.Where, () => _tables.Compose(table, width, lang, structure, element)));
            return;
        }
        AddSpanning(MissingGlyphs.At(table.Where, () => _tables.Compose(table, config.BlockWidth, lang, structure, element)), table.Where);
    }

    /// <summary>Sizes a figure across the columns may be set at, smaller than asked, to fit where it is referenced.</summary>
    private static readonly double[] SmallerFigures = [0.9, 0.8, Look.Figures.SmallestScale];

    /// <summary>Closes the current column run and adds a table across all columns as one band, or, when it is taller
    /// than a page, as rows that the flow splits between pages.</summary>
    private void AddSpanning(List<FlowLine> lines, SourcePosition where)
    {
        EndColumnLines();
        if (lines.Sum(l => l.Lines) + 2 * Look.Body.SpanningBlankLines > config.LinesPerPage)
        {
            warnings.Add(where, WarningCode.TableSplit, "the table is taller than a page; it is split between rows and continues on the next page");
            _parts.Add(new SpanningRows(lines));
            return;
        }
        _parts.Add(new SpanningBand(AsBand(lines)));
    }

    /// <summary>Lines stacked into a band across the columns, with a blank grid line above and below so that the
    /// columns' text does not touch it.</summary>
    private Band AsBand(List<FlowLine> lines)
    {
        const int Blank = Look.Body.SpanningBlankLines;
        var fragments = ImmutableArray.CreateBuilder<Fragment>();
        int y = Blank;
        foreach (var line in lines)
        {
            foreach (var f in line.Fragments) fragments.Add(f.Shifted(y * config.Leading));
            y += line.Lines;
        }
        return new Band(y + Blank, fragments.ToImmutable()) { SpaceAbove = Blank, SpaceBelow = Blank };
    }

    /// <summary>Heading 2 is centred in two grid lines (行取り); heading 3 takes one line after one blank line.
    /// Both keep with the next lines so a heading never ends a column.</summary>
    private void ComposeHeading(Heading h, string lang, double width, int parent)
    {
        var style = h.Level <= 2 ? scale.Heading2 : scale.Heading3;
        int element = structure.Add(h.Level <= 2 ? StructureRole.H2 : StructureRole.H3, parent);
        // A display line: Japanese breaks between phrases, and a heading of two lines is balanced.
        var set = Set(h.Where, Runs(h.Text, style), new ParagraphFormat(width, 0, false, lang, config.BodySize, Display: true));
        int gridLines = h.Level <= 2 ? 2 : 1;
        for (int i = 0; i < set.Length; i++)
        {
            bool first = i == 0;
            int lines = first ? gridLines : 1;
            // A heading taking two lines is centred in them (行取り); in one line it sits on the grid like the text.
            double baseline = first && lines > 1 ? lines * config.Leading / 2 + style.Size * 0.35 : config.BaselineOffset;
            var frags = ImmutableArray.Create<Fragment>(new TextFragment(set[i], 0, baseline) { Element = element });
            if (first && h.Level <= 2)
            {
                var anchor = $"{_anchorPrefix}-{_sections.Count + 1}";
                _sections.Add(new OutlineEntry(string.Concat(h.Text.Select(t => t.Text)), anchor, []));
                frags = frags.Insert(0, new AnchorFragment(anchor));
            }
            if (first && h.Level >= 3 && _lines.Count > 0) _lines.Add(new FlowLine(1, [], Keep.WithNext));
            _lines.Add(new FlowLine(lines, frags, Keep.WithNext) { OpensHeading = first, Stretchable = first });
        }
    }

    private void ComposeList(ListBlock list, string lang, double width, double indent, int parent)
    {
        double hang = config.BodySize;
        int number = list.Start;
        int listElement = structure.Add(StructureRole.L, parent);
        foreach (var item in list.Items)
        {
            string marker = list.Ordered
                ? number++.ToString(CultureInfo.InvariantCulture) + "."
                : lang.StartsWith("ja", StringComparison.Ordinal) ? "・" : "•";
            double markerIndent = list.Ordered ? hang * 1.5 : hang;
            int itemElement = structure.Add(StructureRole.LI, listElement);
            int label = structure.Add(StructureRole.Lbl, itemElement);
            int body = structure.Add(StructureRole.LBody, itemElement);
            bool firstBlock = true;
            foreach (var block in item)
            {
                int before = _lines.Count;
                // The marker hangs in the indent of the item's first line.
                var markerLine = firstBlock
                    ? new TextFragment(Set(block.Where, [new TextRun(marker, scale.BodyText)],
                        new ParagraphFormat(markerIndent, 0, false, lang, config.BodySize))[0], indent, config.BaselineOffset)
                    { Element = label }
                    : null;
                ComposeBlock(block, lang, width, indent + markerIndent, true, body, markerLine);
                if (markerLine is not null && block is not Paragraph && _lines.Count > before)
                    _lines[before] = _lines[before] with { Fragments = _lines[before].Fragments.Insert(0, markerLine) };
                firstBlock = false;
            }
        }
    }

    /// <summary>Label/value rows whose values align on one tab after the longest label and a full-width colon.
    /// A label may take at most <see cref="Look.Body.MaxLabelShare"/> of the measure; a longer one wraps under itself.</summary>
    private void ComposeFields(Fields fields, string lang, double width, double indent, int parent)
    {
        double labelMeasure = (width - indent) * Look.Body.MaxLabelShare;
        var labels = fields.Rows.Select(r => Set(fields.Where, Runs(r.Label, scale.BodyText).Append(new TextRun("：", scale.BodyText)).ToList(),
            new ParagraphFormat(labelMeasure, 0, false, lang, config.BodySize))).ToList();
        double tab = Math.Min(labelMeasure, labels.Max(l => l.Max(line => line.NaturalWidth)));
        for (int r = 0; r < fields.Rows.Length; r++)
        {
            int element = structure.Add(StructureRole.P, parent);
            var values = Set(fields.Where, Runs(fields.Rows[r].Value, scale.BodyText),
                new ParagraphFormat(width - indent - tab, 0, true, lang, config.BodySize));
            int id = _paragraphCounter++;
            int rowLines = Math.Max(labels[r].Length, values.Length);
            for (int i = 0; i < rowLines; i++)
            {
                var frags = ImmutableArray.CreateBuilder<Fragment>();
                if (i < labels[r].Length) frags.Add(new TextFragment(labels[r][i], indent, config.BaselineOffset) { Element = element });
                if (i < values.Length) frags.Add(new TextFragment(values[i], indent + tab, config.BaselineOffset) { Element = element });
                _lines.Add(new FlowLine(1, frags.ToImmutable(), Paragraph: id, LineInParagraph: i, LinesInParagraph: rowLines));
            }
        }
    }

    /// <summary>Sets each footnote for the column, ready to go to the foot of whichever column its call lands in or
    /// to the article's end. A note too tall for a column's foot always goes to the article's end, and the editor is told.</summary>
    private Dictionary<string, Note> ComposeNotes(Article article, double width, int parent)
    {
        var notes = new Dictionary<string, Note>(StringComparer.Ordinal);
        _tooTall = [];
        foreach (var note in article.Footnotes)
        {
            var runs = new List<TextRun> { new(note.Number.ToString(CultureInfo.InvariantCulture) + "\u2002", scale.Footnote) };
            var blocks = note.Blocks.OfType<Paragraph>().ToList();
            for (int b = 0; b < blocks.Count; b++)
            {
                if (b > 0) runs.Add(new TextRun("\n", scale.Footnote));
                runs.AddRange(Runs(blocks[b].Text, scale.Footnote));
            }
            int element = structure.Add(StructureRole.Note, parent);
            var set = Set(new SourcePosition(article.SourcePath, 1, 1), runs, new ParagraphFormat(width, 0, true, article.Lang, config.BodySize));
            var fragments = ImmutableArray.CreateBuilder<Fragment>();
            fragments.Add(new AnchorFragment("fn" + note.Number));
            for (int i = 0; i < set.Length; i++)
                fragments.Add(new TextFragment(set[i], 0, Look.Notes.Pitch * i + scale.Footnote.Size) { Element = element });
            var link = "#fn" + note.Number;
            notes[link] = new Note(Look.Notes.Pitch * set.Length + Look.Notes.After, fragments.ToImmutable());
            if (_footnotes == FootnotePlacement.ColumnFoot && notes[link].Height > config.LinesPerPage * config.Leading * Look.Notes.MostOfPage)
            {
                _tooTall.Add(link);
                warnings.Add(SourcePosition.InFile(article.SourcePath, 1, 1), WarningCode.LongFootnote,
                    $"footnote {note.Number} takes {set.Length} lines, too many for the foot of a column; it is printed at the end of the article");
            }
        }
        return notes;
    }

    /// <summary>The notes whose calls are on this line, each taken only at its first call, to go to the foot of the
    /// line's column; none when notes go to the article's end (or are too tall for a column's foot).</summary>
    private ImmutableArray<Note> NotesCalledFrom(TextLine line, List<(string Link, Note Note)> taken)
    {
        // Glyph by glyph, without a query and a set per line: most lines have no link, and a link's later glyphs
        // find their note already taken.
        ImmutableArray<Note>.Builder? called = null;
        foreach (var glyph in line.Glyphs)
        {
            if (glyph.Link is not { } link || !_notes.Remove(link, out var note)) continue;
            if (_footnotes == FootnotePlacement.ArticleEnd || _tooTall.Contains(link)) _endNotes.Add(note);
            else
            {
                (called ??= ImmutableArray.CreateBuilder<Note>()).Add(note);
                taken.Add((link, note));
            }
        }
        return called?.ToImmutable() ?? [];
    }

    private void AddParagraph(SourcePosition where, IReadOnlyList<TextRun> runs, string lang, double width, double indent,
        double firstLineIndent, int element, bool keepTogether, TextFragment? marker)
    {
        var format = new ParagraphFormat(width - indent, firstLineIndent, true, lang, config.BodySize,
            HyphenationExceptions: issue.HyphenationExceptions);
        // Any paragraph not kept together may later be set a line shorter or longer: whether it can is found now.
        var (set, shorter, longer) = MissingGlyphs.At(where, () => keepTogether
            ? (setter.Set(runs, format), null, null)
            : setter.SetWithLoosened(runs, format, ParagraphAlternatives.Asked));
        int id = _paragraphCounter++;
        foreach (var overfull in set.Where(l => l.Overfull))
            warnings.Add(where, WarningCode.UnbreakableCut, $"an unbreakable piece wider than the column was cut: \"{overfull.Text}\"");
        var taken = new List<(string Link, Note Note)>();
        var recipe = new ParagraphRecipe(where, runs, format, element, indent, marker, [], set.Length,
            set[^1].NaturalWidth / Math.Max(1, format.Width));
        _lines.AddRange(ParagraphLines.ToFlowLines(set, recipe, id, config, keepTogether, line => NotesCalledFrom(line, taken)));
        if (!keepTogether && set.Length >= 2 && !set.Any(l => l.Overfull))
        {
            _alternatives.Add(id, recipe with
            {
                Notes = [.. taken],
                CanBeShorter = _alternatives.Possible(shorter, set.Length, -1, format),
                CanBeLonger = _alternatives.Possible(longer, set.Length, +1, format),
            });
            _paragraphs.Add(id);
        }
    }

    private ImmutableArray<TextLine> Set(SourcePosition where, IReadOnlyList<TextRun> runs, ParagraphFormat format) =>
        MissingGlyphs.At(where, () => setter.Set(runs, format));

    internal static List<TextRun> Runs(IEnumerable<Span> spans, TextStyle style) =>
        spans.Select(s => new TextRun(s.Text, style with
        {
            Bold = style.Bold || (s.Style & SpanStyle.Bold) != 0,
            Italic = style.Italic || (s.Style & SpanStyle.Italic) != 0,
            Superscript = (s.Style & SpanStyle.Superscript) != 0,
            Family = (s.Style & SpanStyle.Code) != 0 ? FaceFamily.Sans : style.Family,
        }, s.Link, s.Lang)).ToList();
}
