using System.Globalization;
using System.Text;
using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Logging;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokens;

namespace NewsletterPress.Preflight;

/// <summary>
/// Any PDF, read with PdfPig for the checks: its objects resolved, its header and cross-reference
/// form as written, its XMP, and the operators of page and form content. PdfPig does the parsing
/// (objects, filters, content streams); this class only gives the checks one way to ask.
/// </summary>
internal sealed class PdfFile : IDisposable
{
    private readonly byte[] _bytes;

    /// <summary>How long a chain of objects that are only a reference to another object may be.</summary>
    private const int MaxReferenceChain = 32;

    private readonly GuardedFilters _filters;

    private PdfFile(byte[] bytes, PdfDocument document, GuardedFilters filters)
    {
        _bytes = bytes;
        _filters = filters;
        Document = document;
        Pages = [.. document.GetPages()];
    }

    /// <summary>Why a stream was not decoded (it would have grown past the limits), or null.</summary>
    public string? Refused => _filters.Refused;

    public PdfDocument Document { get; }

    public IReadOnlyList<UglyToad.PdfPig.Content.Page> Pages { get; }

    /// <summary>Opens untrusted bytes with guards: nesting depth, decompression limits (<see cref="GuardedFilters"/>),
    /// reference chains that loop, and a page tree that leads to no page.</summary>
    public static PdfFile Open(byte[] bytes, string name, Diagnostics.SourcePosition? where = null)
    {
        var filters = GuardedFilters.Create();
        PdfDocument? document = null;
        try
        {
            // PdfPig guards nesting while parsing (MaxStackDepth) but follows an object that is only a
            // reference to another without a cycle check, into a stack overflow nothing can catch.
            document = PdfDocument.Open(bytes, new ParsingOptions { MaxStackDepth = 64, FilterProvider = filters });
            CheckReferenceChains(document, where);
            if (document.NumberOfPages <= 0)
                throw new Diagnostics.InputException(where, "the file has no pages its page tree leads to (an empty page tree, or one that loops)");
            return new PdfFile(bytes, document, filters);
        }
        catch (Diagnostics.InputException)
        {
            document?.Dispose();
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            document?.Dispose();
            throw new Diagnostics.InputException(where, $"'{name}' cannot be read as a PDF: {filters.Refused ?? e.Message}");
        }
    }

    /// <summary>Follows every object that is only a reference to another (legal, rare) and refuses a chain that
    /// loops or runs on: PdfPig would follow it until the stack overflows.</summary>
    private static void CheckReferenceChains(PdfDocument document, Diagnostics.SourcePosition? where)
    {
        foreach (var start in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            var seen = new HashSet<long>();
            var current = start;
            while (document.Structure.GetObject(current)?.Data is IndirectReferenceToken next)
            {
                if (!seen.Add(current.ObjectNumber) || seen.Count > MaxReferenceChain)
                    throw new Diagnostics.InputException(where,
                        $"object {start.ObjectNumber} {start.Generation} R refers to itself through a chain of references; the file is damaged");
                current = next.Data;
            }
        }
    }

    public DictionaryToken Catalog => Document.Structure.Catalog.CatalogDictionary;

    public DictionaryToken? Info => Resolve(Document.Structure.Trailer.Info) as DictionaryToken;

    public UglyToad.PdfPig.CrossReference.TrailerDictionary Trailer => Document.Structure.Trailer;

    /// <summary>The version in the header line "%PDF-1.n" (ISO 32000-1 §7.5.2), as written.</summary>
    public string HeaderVersion
    {
        get
        {
            var head = Encoding.ASCII.GetString(_bytes, 0, Math.Min(_bytes.Length, 16));
            return head.StartsWith("%PDF-", StringComparison.Ordinal) ? head[5..].Split('\r', '\n', ' ')[0] : "";
        }
    }

    /// <summary>The header is followed by a comment of at least four bytes above 127 (§7.5.2, ISO 19005-3 §6.1.2).</summary>
    public bool HasBinaryComment
    {
        get
        {
            var eol = System.Array.IndexOf(_bytes, (byte)'\n');
            if (eol < 0 || eol + 5 >= _bytes.Length || _bytes[eol + 1] != '%')
                return false;
            return _bytes.Skip(eol + 2).Take(4).All(b => b > 127);
        }
    }

    /// <summary>Whether the last cross-reference section is a stream (PDF 1.5, §7.5.8) rather than a table.</summary>
    public bool HasCrossReferenceStream
    {
        get
        {
            var tail = Encoding.ASCII.GetString(_bytes, Math.Max(0, _bytes.Length - 1024), Math.Min(1024, _bytes.Length));
            var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
            if (at < 0 || !long.TryParse(tail[(at + 9)..].Trim().Split('\n', '\r')[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                || offset < 0 || offset >= _bytes.Length)
                return false;
            return !Encoding.ASCII.GetString(_bytes, (int)offset, Math.Min(4, _bytes.Length - (int)offset)).StartsWith("xref", StringComparison.Ordinal);
        }
    }

    /// <summary>Whether any object stream (PDF 1.5, §7.5.7) is in the file.</summary>
    public bool HasObjectStreams => IndexOf(_bytes, "/ObjStm"u8) >= 0;

    /// <summary>The XMP packet of the catalog's /Metadata, parsed; null when there is none or it is not XML.</summary>
    public XDocument? Xmp
    {
        get
        {
            try
            {
                return Document.TryGetXmpMetadata(out var xmp) ? xmp.GetXDocument() : null;
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }
    }

    public IToken? Resolve(IToken? token)
    {
        for (var depth = 0; token is IndirectReferenceToken reference && depth < 32; depth++)
            token = Document.Structure.GetObject(reference.Data).Data;
        return token;
    }

    public IToken? Get(DictionaryToken? dictionary, string key) =>
        dictionary is not null && dictionary.Data.TryGetValue(key, out var value) ? Resolve(value) : null;

    public DictionaryToken? Dictionary(DictionaryToken? dictionary, string key) => Get(dictionary, key) switch
    {
        DictionaryToken d => d,
        StreamToken s => s.StreamDictionary,
        _ => null,
    };

    public ArrayToken? Array(DictionaryToken? dictionary, string key) => Get(dictionary, key) as ArrayToken;

    public string? Name(DictionaryToken? dictionary, string key) => (Get(dictionary, key) as NameToken)?.Data;

    public double? Number(DictionaryToken? dictionary, string key) => (Get(dictionary, key) as NumericToken)?.Double;

    public string? Text(DictionaryToken? dictionary, string key) => Get(dictionary, key) switch
    {
        StringToken s => s.Data,
        HexToken h => h.Data,
        _ => null,
    };

    /// <summary>A stream's decoded bytes; null when a filter PdfPig cannot undo is in the way.</summary>
    public byte[]? Decode(StreamToken stream)
    {
        try
        {
            return stream.Decode(Document.Structure.FilterProvider).ToArray();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>A page's box (§14.11.2) as [llx lly urx ury], inherited from the page tree; null when absent.</summary>
    public double[]? Box(UglyToad.PdfPig.Content.Page page, string key)
    {
        for (var node = page.Dictionary; node is not null; node = Dictionary(node, "Parent"))
        {
            if (Array(node, key) is { } array && array.Data.Count == 4)
            {
                var values = array.Data.Select(t => (Resolve(t) as NumericToken)?.Double ?? 0).ToArray();
                return [Math.Min(values[0], values[2]), Math.Min(values[1], values[3]), Math.Max(values[0], values[2]), Math.Max(values[1], values[3])];
            }
        }
        return null;
    }

    /// <summary>The page's resources, inherited from the page tree when the page has none of its own.</summary>
    public DictionaryToken? Resources(UglyToad.PdfPig.Content.Page page)
    {
        for (var node = page.Dictionary; node is not null; node = Dictionary(node, "Parent"))
        {
            if (Dictionary(node, "Resources") is { } resources)
                return resources;
        }
        return null;
    }

    /// <summary>The operators of a form XObject's content (§8.10), parsed by PdfPig's content parser.</summary>
    public IReadOnlyList<IGraphicsStateOperation> FormOperations(StreamToken form)
    {
        if (Decode(form) is not { } bytes)
            return [];
        var parser = new PageContentParser(ReflectionGraphicsStateOperationFactory.Instance, new StackDepthGuard(256), false);
        return parser.Parse(0, new MemoryInputBytes(bytes), new QuietLog());
    }

    /// <summary>Every object of the file that is a dictionary (or a stream's dictionary), once each.</summary>
    public IEnumerable<(IndirectReference Reference, DictionaryToken Dictionary)> Dictionaries()
    {
        foreach (var reference in Document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            IToken? token;
            try
            {
                token = Document.Structure.GetObject(reference).Data;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                continue;
            }
            switch (token)
            {
                case DictionaryToken d:
                    yield return (reference, d);
                    break;
                case StreamToken s:
                    yield return (reference, s.StreamDictionary);
                    break;
            }
        }
    }

    public void Dispose() => Document.Dispose();

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    /// <summary>PdfPig's parser wants a log; what it would say is not a finding.</summary>
    private sealed class QuietLog : ILog
    {
        public void Debug(string message) { }
        public void Debug(string message, Exception ex) { }
        public void Warn(string message) { }
        public void Error(string message) { }
        public void Error(string message, Exception ex) { }
    }
}
