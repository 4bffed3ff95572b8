using BenchmarkDotNet.Attributes;
using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Benchmarks;

/// <summary>
/// The PDF stage on vol-11: subsetting IPAex Mincho to the glyphs the volume uses (the most
/// expensive font), and writing the whole laid-out volume in each profile.
/// </summary>
[MemoryDiagnoser]
public class PdfStageBenchmarks
{
    private DisplayDocument _document = null!;
    private HarfBuzzSharp.Blob _blob = null!;
    private HarfBuzzSharp.Face _face = null!;
    private uint[] _minchoGlyphs = null!;
    private string _mincho = null!;

    [Params(PdfProfile.Screen, PdfProfile.Print, PdfProfile.Archive)]
    public PdfProfile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = SampleText.RepositoryRoot();
        (_, _document) = IssueBuild.Compose(Path.Combine(root, "issues", "vol-11"), new WarningLog());
        _mincho = Path.Combine(root, "fonts", "ipaexm.ttf");
        _minchoGlyphs = [.. _document.Pages.SelectMany(p => p.Items.OfType<GlyphRun>())
            .Where(r => r.Font.FilePath.EndsWith("ipaexm.ttf", StringComparison.Ordinal))
            .SelectMany(r => r.Glyphs.Select(g => g.GlyphId)).Distinct().Order()];
        _blob = HarfBuzzSharp.Blob.FromFile(_mincho);
        _face = new HarfBuzzSharp.Face(_blob, 0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _face.Dispose();
        _blob.Dispose();
    }

    [Benchmark]
    public byte[] SubsetIpaexMincho() => FontSubsetter.Subset(_face, _minchoGlyphs, _mincho);

    [Benchmark]
    public byte[] WriteVol11() => PdfWriter.WriteToBytes(_document, PdfWriterOptions.Default with { Profile = Profile });
}
