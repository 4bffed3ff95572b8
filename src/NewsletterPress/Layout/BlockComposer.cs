using System.Collections.Immutable;
using System.Globalization;
using NewsletterPress.Content;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>
/// Turns an article's blocks into flow parts for a column of a given width: paragraphs
/// become set lines on the grid, headings take whole grid lines and keep with what follows,
/// figures and tables either sit in the column or span the columns. Every fragment is tagged
/// with its structure element.
/// </summary>
internal sealed class BlockComposer(ParagraphSetter setter, LayoutConfig config, TypeScale scale, WarningLog warnings,
    StructureBuilder structure, IReadOnlyDictionary<string, string>? hyphenationExceptions = null,
    Manifest.FootnotePlacement footnotes = Manifest.FootnotePlacement.ColumnFoot)
{
    /// <summary>Footnotes are 7.5 pt on a 12 pt pitch (look.md).</summary>
    private const double NotePitch = 12;

    /// <summary>A short group of hard-broken lines (an address) is not split across columns.</summary>
    private const int MaxLinesKeptTogether = 8;

    private readonly FigureComposer _figures = new(setter, config, scale, warnings);
    private readonly TableComposer _tables = new(setter, config, scale);
    private int _paragraphCounter;
    private List<FlowPart> _parts = [];
    private List<FlowLine> _lines = [];
    /// <summary>Footnotes not yet called, by the link their call carries ("#fn1").</summary>
    private Dictionary<string, Note> _notes = [];
    /// <summary>Notes called so far, in order, when they are printed at the article's end.</summary>
    private List<Note> _endNotes = [];

    /// <summary>The article's level-2 headings with their anchors, for the document outline.</summary>
    public List<OutlineEntry> Sections { get; } = [];

    private string _anchorPrefix = "";

    public List<FlowPart> Compose(Article article, double width, int articleElement, string anchorPrefix)
    {
        _parts = [];
        _lines = [];
        Sections.Clear();
        _anchorPrefix = anchorPrefix;
        _notes = ComposeNotes(article, width, articleElement);
        _endNotes = [];
        bool afterHeading = true;
        foreach (var block in article.Blocks)
        {
            ComposeBlock(block, article.Lang, width, 0, afterHeading, articleElement);
            afterHeading = block is Heading;
        }
        foreach (var unused in _notes.Keys)
            warnings.Add(new SourcePosition(article.SourcePath, 1, 1), $"footnote {unused} is never called from the text; it is not printed");
        _lines.AddRange(ArticleEndNotes.Compose(_endNotes, width, config, NotePitch));
        EndColumnLines();
        return _parts;
    }

    private void EndColumnLines()
    {
        if (_lines.Count > 0) _parts.Add(new ColumnLines(_lines));
        _lines = [];
    }

    private void ComposeBlock(Block block, string lang, double width, double indent, bool afterHeading, int parent)
    {
        switch (block)
        {
            case Heading h: ComposeHeading(h, lang, width, parent); break;
            case Paragraph p:
                // Japanese paragraphs always open with a one-em indent; English ones not after a
                // heading (book style); a group of hard-broken lines (an address) never.
                bool japanese = lang.StartsWith("ja", StringComparison.Ordinal);
                bool lineGroup = p.Text.Any(s => s.Text.Contains('\n'));
                bool indentFirst = indent == 0 && !lineGroup && (japanese || !afterHeading);
                AddParagraph(p.Where, Runs(p.Text, scale.BodyText, lang), lang, width, indent, indentFirst ? config.BodySize : 0,
                    structure.Add(StructureRole.P, parent), keepTogether: lineGroup);
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
                _lines.Add(new FlowLine(1, [new RuleFragment(width / 3, config.Leading / 2, width * 2 / 3, config.Leading / 2, 0.5, Ink.Black)]));
                break;
        }
    }

    private void ComposeFigure(Figure figure, string lang, double width, int parent)
    {
        int element = structure.Add(StructureRole.Figure, parent, alt: figure.Alt);
        int? caption = figure.Caption.IsEmpty ? null : structure.Add(StructureRole.Caption, element);
        if (!figure.Spans || config.Columns < 2 || width >= config.BlockWidth)
        {
            _lines.AddRange(MissingGlyphs.At(figure.Where, () => _figures.Compose(figure, width, lang, element, caption)));
            return;
        }
        AddSpanning(MissingGlyphs.At(figure.Where, () => _figures.Compose(figure, config.BlockWidth, lang, element, caption)));
    }

    private void ComposeTable(Table table, string lang, double width, int parent)
    {
        int element = structure.Add(StructureRole.Table, parent);
        double natural = MissingGlyphs.At(table.Where, () => _tables.NaturalWidth(table, lang));
        // A table wider than the column goes across the columns when that makes it fit.
        if (natural <= width || config.Columns < 2 || width >= config.BlockWidth)
        {
            if (natural > width)
                warnings.Add(table.Where, "the table is wider than the text block; its columns were narrowed and wrapped");
            _lines.AddRange(MissingGlyphs.At(table.Where, () => _tables.Compose(table, width, lang, structure, element)));
            return;
        }
        AddSpanning(MissingGlyphs.At(table.Where, () => _tables.Compose(table, config.BlockWidth, lang, structure, element)), table.Where);
    }

    /// <summary>Closes the current column run and adds lines that go across all columns as one band, or,
    /// when they are taller than a page (a long table), as rows that the flow splits between pages.</summary>
    private void AddSpanning(List<FlowLine> lines, SourcePosition? where = null)
    {
        EndColumnLines();
        const int Blank = 1; // a blank grid line above and below, so the columns' text does not touch it
        if (lines.Sum(l => l.Lines) + 2 * Blank > config.LinesPerPage)
        {
            warnings.Add(where, "the table is taller than a page; it is split between rows and continues on the next page");
            _parts.Add(new SpanningRows(lines));
            return;
        }
        var fragments = ImmutableArray.CreateBuilder<Fragment>();
        int y = Blank;
        foreach (var line in lines)
        {
            foreach (var f in line.Fragments) fragments.Add(Shift(f, y * config.Leading));
            y += line.Lines;
        }
        _parts.Add(new SpanningBand(new Band(y + Blank, fragments.ToImmutable())));
    }

    private static Fragment Shift(Fragment f, double dy) => f switch
    {
        TextFragment t => t with { Baseline = t.Baseline + dy },
        RuleFragment r => r with { Y1 = r.Y1 + dy, Y2 = r.Y2 + dy },
        ImageFragment i => i with { Y = i.Y + dy },
        LinkFragment l => l with { Y = l.Y + dy },
        BoxFragment b => b with { Y = b.Y + dy },
        _ => f,
    };

    /// <summary>Heading 2 is centred in two grid lines (行取り); heading 3 takes one line after one blank line.
    /// Both keep with the next lines so a heading never ends a column.</summary>
    private void ComposeHeading(Heading h, string lang, double width, int parent)
    {
        var style = h.Level <= 2 ? scale.Heading2 : scale.Heading3;
        int element = structure.Add(h.Level <= 2 ? StructureRole.H2 : StructureRole.H3, parent);
        var set = Set(h.Where, Runs(h.Text, style, lang), new ParagraphFormat(width, 0, false, lang, config.BodySize));
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
                var anchor = $"{_anchorPrefix}-{Sections.Count + 1}";
                Sections.Add(new OutlineEntry(string.Concat(h.Text.Select(t => t.Text)), anchor, []));
                frags = frags.Insert(0, new AnchorFragment(anchor));
            }
            if (first && h.Level >= 3 && _lines.Count > 0) _lines.Add(new FlowLine(1, [], Keep.WithNext));
            _lines.Add(new FlowLine(lines, frags, Keep.WithNext));
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
            int before = _lines.Count;
            bool firstBlock = true;
            foreach (var block in item)
            {
                ComposeBlock(block, lang, width, indent + markerIndent, true, body);
                if (firstBlock && _lines.Count > before)
                {
                    // Hang the marker in the indent of the item's first line.
                    var markerLine = Set(block.Where, [new TextRun(marker, scale.BodyText)],
                        new ParagraphFormat(markerIndent, 0, false, lang, config.BodySize))[0];
                    var head = _lines[before];
                    _lines[before] = head with
                    {
                        Fragments = head.Fragments.Insert(0, new TextFragment(markerLine, indent, config.BaselineOffset) { Element = label }),
                    };
                }
                firstBlock = false;
            }
        }
    }

    /// <summary>Label/value rows whose values align on one tab after the longest label and a full-width colon.
    /// A label may take at most <see cref="MaxLabelShare"/> of the measure; a longer one wraps under itself.</summary>
    private void ComposeFields(Fields fields, string lang, double width, double indent, int parent)
    {
        double labelMeasure = (width - indent) * MaxLabelShare;
        var labels = fields.Rows.Select(r => Set(fields.Where, Runs(r.Label, scale.BodyText, lang).Append(new TextRun("：", scale.BodyText)).ToList(),
            new ParagraphFormat(labelMeasure, 0, false, lang, config.BodySize))).ToList();
        double tab = Math.Min(labelMeasure, labels.Max(l => l.Max(line => line.NaturalWidth)));
        for (int r = 0; r < fields.Rows.Length; r++)
        {
            int element = structure.Add(StructureRole.P, parent);
            var values = Set(fields.Where, Runs(fields.Rows[r].Value, scale.BodyText, lang),
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

    /// <summary>The most of the measure a field label may take before it wraps, leaving the value room to be set.</summary>
    private const double MaxLabelShare = 0.4;

    /// <summary>Sets each footnote for the column, ready to go to the foot of whichever column its
    /// call lands in or to the article's end.</summary>
    private Dictionary<string, Note> ComposeNotes(Article article, double width, int parent)
    {
        var notes = new Dictionary<string, Note>(StringComparer.Ordinal);
        foreach (var note in article.Footnotes)
        {
            var runs = new List<TextRun> { new(note.Number.ToString(CultureInfo.InvariantCulture) + "\u2002", scale.Footnote) };
            var blocks = note.Blocks.OfType<Paragraph>().ToList();
            for (int b = 0; b < blocks.Count; b++)
            {
                if (b > 0) runs.Add(new TextRun("\n", scale.Footnote));
                runs.AddRange(Runs(blocks[b].Text, scale.Footnote, article.Lang));
            }
            int element = structure.Add(StructureRole.Note, parent);
            var set = Set(new SourcePosition(article.SourcePath, 1, 1), runs, new ParagraphFormat(width, 0, true, article.Lang, config.BodySize));
            var fragments = ImmutableArray.CreateBuilder<Fragment>();
            fragments.Add(new AnchorFragment("fn" + note.Number));
            for (int i = 0; i < set.Length; i++)
                fragments.Add(new TextFragment(set[i], 0, NotePitch * i + scale.Footnote.Size) { Element = element });
            notes["#fn" + note.Number] = new Note(NotePitch * set.Length + 2, fragments.ToImmutable());
        }
        return notes;
    }

    /// <summary>The notes whose calls are on this line, each taken only at its first call, to go to
    /// the foot of the line's column; none when notes go to the article's end.</summary>
    private ImmutableArray<Note> NotesCalledFrom(TextLine line)
    {
        var called = ImmutableArray.CreateBuilder<Note>();
        foreach (var link in line.Glyphs.Select(g => g.Link).Where(l => l is not null).Distinct())
            if (_notes.Remove(link!, out var note)) called.Add(note);
        if (footnotes == Manifest.FootnotePlacement.ColumnFoot) return called.ToImmutable();
        _endNotes.AddRange(called);
        return [];
    }

    private void AddParagraph(SourcePosition where, IReadOnlyList<TextRun> runs, string lang, double width, double indent,
        double firstLineIndent, int element, bool keepTogether = false)
    {
        var format = new ParagraphFormat(width - indent, firstLineIndent, true, lang, config.BodySize,
            HyphenationExceptions: hyphenationExceptions);
        var set = Set(where, runs, format);
        int id = _paragraphCounter++;
        foreach (var overfull in set.Where(l => l.Overfull))
            warnings.Add(where, $"an unbreakable piece wider than the column was cut: \"{overfull.Text}\"");
        int notesLeft = _notes.Count;
        _lines.AddRange(ToFlowLines(set, indent, element, id, keepTogether, NotesCalledFrom));
        // A plain paragraph (not in a list or quote, taking no footnote, not kept together) may later be set a line shorter.
        bool takesNote = _notes.Count != notesLeft;
        if (indent == 0 && !keepTogether && !takesNote && set.Length >= 2)
            _shortenable[id] = new ParagraphRecipe(where, runs, format, element, set.Length);
    }

    private List<FlowLine> ToFlowLines(ImmutableArray<TextLine> set, double indent, int element, int id, bool keepTogether,
        Func<TextLine, ImmutableArray<Note>> notes)
    {
        var lines = new List<FlowLine>(set.Length);
        for (int i = 0; i < set.Length; i++)
        {
            bool keep = keepTogether && set.Length <= MaxLinesKeptTogether && i < set.Length - 1;
            lines.Add(new FlowLine(1, [new TextFragment(set[i], indent, config.BaselineOffset) { Element = element }],
                keep ? Keep.WithNext : Keep.None, Paragraph: id, LineInParagraph: i, LinesInParagraph: set.Length)
            {
                Notes = notes(set[i]),
            });
        }
        return lines;
    }

    /// <summary>How a plain paragraph was set, so that the flow can ask for it one line shorter.</summary>
    private sealed record ParagraphRecipe(SourcePosition Where, IReadOnlyList<TextRun> Runs, ParagraphFormat Format, int Element, int Lines);

    private readonly Dictionary<int, ParagraphRecipe> _shortenable = [];

    /// <summary>The paragraph's lines set one line shorter (TeX's \looseness −1, spaces tightened within
    /// their limits), or null when it cannot be or is not a plain paragraph.</summary>
    public List<FlowLine>? SetShorter(int paragraph)
    {
        if (!_shortenable.TryGetValue(paragraph, out var recipe)) return null;
        var set = Set(recipe.Where, recipe.Runs, recipe.Format with { Looseness = -1 });
        if (set.Length >= recipe.Lines || set.Any(l => l.Overfull)) return null;
        return ToFlowLines(set, 0, recipe.Element, paragraph, keepTogether: false, _ => []);
    }

    private ImmutableArray<TextLine> Set(SourcePosition where, IReadOnlyList<TextRun> runs, ParagraphFormat format) =>
        MissingGlyphs.At(where, () => setter.Set(runs, format));

    internal static List<TextRun> Runs(IEnumerable<Span> spans, TextStyle style, string lang) =>
        spans.Select(s => new TextRun(s.Text, style with
        {
            Bold = style.Bold || (s.Style & SpanStyle.Bold) != 0,
            Italic = style.Italic || (s.Style & SpanStyle.Italic) != 0,
            Superscript = (s.Style & SpanStyle.Superscript) != 0,
            Family = (s.Style & SpanStyle.Code) != 0 ? FaceFamily.Sans : style.Family,
        }, s.Link, s.Lang)).ToList();
}
