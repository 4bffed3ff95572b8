using BenchmarkDotNet.Attributes;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Benchmarks;

/// <summary>
/// Setting one paragraph of 500 to 4,000 characters: the time per character should stay about the
/// same (the breaker keeps only the active nodes within a line or so of the current break).
/// </summary>
[MemoryDiagnoser]
public class ParagraphLengthBenchmarks
{
    private const double Em = 9.5;

    private FontLibrary _fonts = null!;
    private ParagraphSetter _setter = null!;
    private TextRun[] _runs = null!;
    private ParagraphFormat _format = null!;

    [Params("ja", "en")]
    public string Lang { get; set; } = "ja";

    [Params(500, 1000, 2000, 4000)]
    public int Characters { get; set; } = 1000;

    [GlobalSetup]
    public void Setup()
    {
        var root = SampleText.RepositoryRoot();
        _fonts = new FontLibrary(Style.Default.Fonts, root);
        _setter = new ParagraphSetter(_fonts);
        var text = Lang == "ja" ? SampleText.Japanese(Characters) : SampleText.English(root, Characters);
        _runs = [new TextRun(text, new TextStyle(FaceFamily.Serif, Em))];
        _format = new ParagraphFormat(25 * Em, Em, true, Lang, Em, Hyphenate: true);
    }

    [GlobalCleanup]
    public void Cleanup() => _fonts.Dispose();

    [Benchmark]
    public int SetParagraph() => _setter.Set(_runs, _format).Length;
}
