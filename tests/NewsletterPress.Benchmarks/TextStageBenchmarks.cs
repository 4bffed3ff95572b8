using BenchmarkDotNet.Attributes;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Benchmarks;

/// <summary>
/// The Text stage on a paragraph of about 1,000 characters, Japanese and English, step by step:
/// shaping (HarfBuzz), break opportunities (ICU + JLREQ), items and Knuth–Plass breaking on the
/// shaped clusters, and the whole <see cref="ParagraphSetter.Set"/>.
/// </summary>
[MemoryDiagnoser]
public class TextStageBenchmarks
{
    private const double Em = 9.5;

    private FontLibrary _fonts = null!;
    private ParagraphSetter _setter = null!;
    private string _text = null!;
    private TextRun[] _runs = null!;
    private int[] _runOf = null!;
    private bool[] _softHyphens = null!;
    private ParagraphFormat _format = null!;
    private List<Cluster> _clusters = null!;
    private bool[] _mayBreak = null!;
    private readonly List<Item> _items = [];
    private readonly KnuthPlass _breaker = new();

    [Params("ja", "en")]
    public string Lang { get; set; } = "ja";

    [GlobalSetup]
    public void Setup()
    {
        var root = SampleText.RepositoryRoot();
        _fonts = new FontLibrary(Style.Default.Fonts, root);
        _setter = new ParagraphSetter(_fonts);
        _text = Lang == "ja" ? SampleText.Japanese(1000) : SampleText.English(root, 1000);
        _runs = [new TextRun(_text, new TextStyle(FaceFamily.Serif, Em))];
        _runOf = new int[_text.Length];
        _softHyphens = new bool[_text.Length + 1];
        _format = new ParagraphFormat(25 * Em, Em, true, Lang, Em, Hyphenate: true);
        _clusters = Shaper.Shape(_text, _runs, _runOf, _fonts, Lang);
        _mayBreak = BreakOpportunities.Find(_text, Lang);
    }

    [GlobalCleanup]
    public void Cleanup() => _fonts.Dispose();

    /// <summary>HarfBuzz shaping each run whole, as a paragraph of words not seen before is shaped.</summary>
    [Benchmark]
    public int Shaping() => Shaper.Shape(_text, _runs, _runOf, _fonts, Lang, wordByWord: false).Count;

    /// <summary>Shaping word by word once every word is in the face's cache (<c>ShapedWords</c>): a paragraph of words
    /// already seen.</summary>
    [Benchmark]
    public int ShapingFromCache() => Shaper.Shape(_text, _runs, _runOf, _fonts, Lang).Count;

    [Benchmark]
    public int BreakOpportunityAnalysis() => BreakOpportunities.Find(_text, Lang).Length;

    [Benchmark]
    public int LineBreaking()
    {
        var items = new BreakerItems().Measure(ParagraphItems.Build(_clusters, new PieceBreaks(_mayBreak, _softHyphens), _format, double.PositiveInfinity, _items));
        var breaks = _breaker.Break(items, line => line == 0 ? _format.Width - _format.FirstLineIndent : _format.Width, false,
            ParagraphSetter.Passes[1]);
        return breaks?.Count ?? 0;
    }

    [Benchmark]
    public int WholeParagraph() => _setter.Set(_runs, _format).Length;
}
