using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace NewsletterPress.Preflight;

/// <summary>
/// PdfPig's stream filters with a limit on what they may produce: a 1 MB Flate stream can
/// inflate to gigabytes. A Flate stream is first inflated into a counter (nothing kept) and
/// refused when it would exceed <see cref="MaxStream"/>; filters that expand by a bounded
/// factor (run length 128×, LZW) are refused when their worst case exceeds it; and all streams
/// of one document together may produce at most <see cref="MaxDocument"/>.
/// </summary>
internal sealed class GuardedFilters : BaseFilterProvider
{
    public const long MaxStream = 64L * 1024 * 1024;
    public const long MaxDocument = 256L * 1024 * 1024;

    /// <summary>Set when a stream was refused; PdfPig may swallow the exception in lenient parsing.</summary>
    public string? Refused { get; private set; }
    private long _produced;

    private GuardedFilters(Dictionary<string, IFilter> filters) : base(filters) { }

    public static GuardedFilters Create()
    {
        var filters = new Dictionary<string, IFilter>(StringComparer.Ordinal);
        var guarded = new GuardedFilters(filters);
        void Add(IFilter inner, Func<Memory<byte>, long> worstCase, params string[] names)
        {
            var filter = new Guarded(inner, worstCase, guarded);
            foreach (var name in names) filters[name] = filter;
        }
        Add(new FlateFilter(), InflatedSize, "FlateDecode", "Fl");
        // LZW: each 9–12-bit code adds at most one byte to the longest string so far (≈ 1,400× overall).
        Add(new LzwFilter(), input => input.Length * 1400L, "LZWDecode", "LZW");
        Add(new RunLengthFilter(), input => input.Length * 128L, "RunLengthDecode", "RL");
        Add(new Ascii85Filter(), input => input.Length, "ASCII85Decode", "A85");
        Add(new AsciiHexDecodeFilter(), input => input.Length, "ASCIIHexDecode", "AHx");
        // Image codecs: the preflight reads image dictionaries, never their pixels.
        Add(new DctDecodeFilter(), input => input.Length, "DCTDecode", "DCT");
        Add(new CcittFaxDecodeFilter(), input => input.Length, "CCITTFaxDecode", "CCF");
        Add(new Jbig2DecodeFilter(), input => input.Length, "JBIG2Decode");
        Add(new JpxDecodeFilter(), input => input.Length, "JPXDecode");
        return guarded;
    }

    private void Check(long worstCase, string filter)
    {
        if (worstCase > MaxStream)
            Refuse($"a {filter} stream may decompress to more than {MaxStream / (1024 * 1024)} MB");
    }

    private void Spend(long bytes)
    {
        _produced += bytes;
        if (_produced > MaxDocument)
            Refuse($"its streams decompress to more than {MaxDocument / (1024 * 1024)} MB together");
    }

    private void Refuse(string why)
    {
        Refused ??= why;
        throw new InvalidDataException(why);
    }

    /// <summary>What a Flate stream inflates to, counted without keeping it, stopping just past the limit.
    /// Like PdfPig, the two bytes of the zlib header are skipped.</summary>
    private static long InflatedSize(Memory<byte> input)
    {
        if (input.Length < 2) return 0;
        using var source = new MemoryStream(input[2..].ToArray(), writable: false);
        using var inflate = new DeflateStream(source, CompressionMode.Decompress);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int n;
            while ((n = inflate.Read(buffer)) > 0 && total <= MaxStream)
                total += n;
        }
        catch (InvalidDataException)
        {
            // Damaged data: PdfPig decides what to make of it; what inflated so far is what counts.
        }
        return total;
    }

    private sealed class Guarded(IFilter inner, Func<Memory<byte>, long> worstCase, GuardedFilters owner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            var name = inner.GetType().Name.Replace("Filter", "", StringComparison.Ordinal);
            owner.Check(worstCase(input), name);
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            owner.Spend(output.Length);
            return output;
        }
    }
}
