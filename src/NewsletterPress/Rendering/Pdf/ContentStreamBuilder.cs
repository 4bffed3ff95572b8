using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Writes content stream operators (ISO 32000-1 §7.8.2, operator summary in Annex A),
/// one per line, each method named after what the operator does with the operator in its comment.
/// Coordinates are already in PDF user space (origin bottom-left, y up).
/// </summary>
internal sealed class ContentStreamBuilder
{
    private readonly StringBuilder _sb = new();

    private ContentStreamBuilder Op(string line)
    {
        _sb.Append(line).Append('\n');
        return this;
    }

    private static string N(double value) => PdfSyntax.Number(value);

    /// <summary>A number and the space after it, written straight into the stream (the operators drawn for every
    /// line of text go through here; an interpolated string per operator made two or three strings each).</summary>
    private ContentStreamBuilder O(double value)
    {
        PdfSyntax.AppendNumber(_sb, value).Append(' ');
        return this;
    }

    /// <summary>An operand already written as a token (an integer, a name), and the space after it.</summary>
    private ContentStreamBuilder O(string token)
    {
        _sb.Append(token).Append(' ');
        return this;
    }

    // §8.4.4 graphics state operators.
    public ContentStreamBuilder SaveState() => Op("q");
    public ContentStreamBuilder RestoreState() => Op("Q");
    public ContentStreamBuilder LineWidth(double width) => O(width).Op("w");
    /// <summary>J: 0 = butt cap (§8.4.3.3).</summary>
    public ContentStreamBuilder LineCap(int style) => Op($"{style} J");
    /// <summary>d: dash array and phase (§8.4.3.6); an empty array is a solid line.</summary>
    public ContentStreamBuilder Dash(IEnumerable<double> lengths, double phase) =>
        Op($"[{string.Join(' ', lengths.Select(N))}] {N(phase)} d");

    // §8.5.2 path construction, §8.5.3 path painting.
    public ContentStreamBuilder MoveTo(double x, double y) => O(x).O(y).Op("m");
    public ContentStreamBuilder LineTo(double x, double y) => O(x).O(y).Op("l");
    public ContentStreamBuilder CurveTo(double x1, double y1, double x2, double y2, double x3, double y3) =>
        O(x1).O(y1).O(x2).O(y2).O(x3).O(y3).Op("c");
    public ContentStreamBuilder Rectangle(double x, double y, double width, double height) =>
        O(x).O(y).O(width).O(height).Op("re");
    public ContentStreamBuilder ClosePath() => Op("h");
    public ContentStreamBuilder Stroke() => Op("S");
    public ContentStreamBuilder Fill() => Op("f");
    public ContentStreamBuilder FillAndStroke() => Op("B");

    /// <summary>Colour operators (§8.6.8), already chosen by <see cref="InkColour"/>.</summary>
    public ContentStreamBuilder Colour(string operatorLine) => Op(operatorLine);

    // §9.4 text objects, §9.3 text state, §9.4.3 text showing.
    public ContentStreamBuilder BeginText() => Op("BT");
    public ContentStreamBuilder EndText() => Op("ET");
    public ContentStreamBuilder Font(string resourceName, double size) => O(PdfSyntax.Name(resourceName)).O(size).Op("Tf");
    public ContentStreamBuilder TextMatrix(double x, double y) => O("1 0 0 1").O(x).O(y).Op("Tm");
    public ContentStreamBuilder TextRise(double rise) => O(rise).Op("Ts");

    /// <summary>TJ: strings (glyph codes) interleaved with adjustments in thousandths of text space, written as the
    /// painter walks a run's glyphs (see <see cref="PositionedShow"/>).</summary>
    public PositionedShow ShowPositioned() => new(_sb);

    /// <summary>
    /// One TJ array after another, written straight into the stream: 2-byte glyph codes (Identity-H) gathered into
    /// hex strings, adjustments between them, and " TJ" when the painter flushes. (Collecting the array in a
    /// builder of its own, then copying it, cost an allocation each time the builder was cleared.)
    /// </summary>
    internal sealed class PositionedShow(StringBuilder stream)
    {
        private bool _inArray, _inString;

        public void Code(uint code)
        {
            if (code > 0xFFFF)
                throw new PdfWriterException($"Code {code} does not fit a 2-byte Identity-H code.");
            if (!_inString)
            {
                NextElement();
                stream.Append('<');
                _inString = true;
            }
            // Four upper-case hex digits, as code.ToString("X4") writes them, without a string per glyph.
            for (int shift = 12; shift >= 0; shift -= 4)
                stream.Append("0123456789ABCDEF"[(int)(code >> shift) & 0xF]);
        }

        public void Adjust(double thousandths)
        {
            CloseString();
            NextElement();
            PdfSyntax.AppendNumber(stream, thousandths);
        }

        /// <summary>Ends the array and its operator, if anything was shown since the last flush.</summary>
        public void Flush()
        {
            CloseString();
            if (!_inArray)
                return;
            stream.Append("] TJ\n");
            _inArray = false;
        }

        private void NextElement()
        {
            stream.Append(_inArray ? ' ' : '[');
            _inArray = true;
        }

        private void CloseString()
        {
            if (!_inString)
                return;
            stream.Append('>');
            _inString = false;
        }
    }

    /// <summary>cm: concatenates a translation to the current transformation matrix (§8.4.4).</summary>
    public ContentStreamBuilder Translate(double x, double y) => O("1 0 0 1").O(x).O(y).Op("cm");

    /// <summary>cm then Do: paints an image XObject into the rectangle x, y, width, height (§8.9.5: an image fills the unit square).</summary>
    public ContentStreamBuilder DrawImage(string resourceName, double x, double y, double width, double height) =>
        O(width).O("0 0").O(height).O(x).O(y).Op("cm").O(PdfSyntax.Name(resourceName)).Op("Do");

    // §14.6 marked content.
    /// <summary>BMC: a marked-content sequence without properties, e.g. /Artifact (§14.8.2.2).</summary>
    public ContentStreamBuilder BeginMarkedContent(string tag) => Op($"{PdfSyntax.Name(tag)} BMC");

    public ContentStreamBuilder BeginMarkedContent(string tag, PdfDictionary properties) =>
        Op($"{PdfSyntax.Name(tag)} {properties} BDC");
    public ContentStreamBuilder EndMarkedContent() => Op("EMC");

    /// <summary>Empties the builder for the next page; its memory is kept (one builder serves every page of a document).</summary>
    public ContentStreamBuilder Clear()
    {
        _sb.Clear();
        return this;
    }

    /// <summary>The stream's bytes, encoded chunk by chunk without a string of the whole page in between, into a buffer
    /// kept from one page to the next; valid until the builder is written to again.</summary>
    public ReadOnlySpan<byte> Bytes()
    {
        if (_bytes.Length < _sb.Length)
            _bytes = new byte[Math.Max(_sb.Length, 2 * _bytes.Length)];
        var at = 0;
        foreach (var chunk in _sb.GetChunks())
            at += Encoding.ASCII.GetBytes(chunk.Span, _bytes.AsSpan(at));
        return _bytes.AsSpan(0, at);
    }

    private byte[] _bytes = [];
}
