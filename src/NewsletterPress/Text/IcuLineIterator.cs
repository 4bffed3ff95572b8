using System.Text;

namespace NewsletterPress.Text;

/// <summary>
/// ICU4C's line break iterator through its C API (ubrk_open, ubrk_setText, ubrk_next), for the
/// ICU that <see cref="IcuLibrary"/> loaded. Written by hand because icu.net's iterator allocates a
/// 128-entry rule status array for every boundary it finds, and in Japanese nearly every character is
/// one (that was half of what setting a Japanese paragraph allocated), and because icu.net finds ICU
/// in a way a Native AOT binary cannot (see <see cref="IcuLibrary"/>).
/// </summary>
internal sealed unsafe class IcuLineIterator : IDisposable
{
    private const int UbrkLine = 2;
    private const int UbrkDone = -1;

    private sealed class Api
    {
        public delegate* unmanaged<int, byte*, char*, int, int*, nint> Open;
        public delegate* unmanaged<nint, char*, int, int*, void> SetText;
        public delegate* unmanaged<nint, int> Next;
        public delegate* unmanaged<nint, void> Close;
    }

    private static readonly Lazy<Api?> Functions = new(Resolve);
    private readonly Api _api;
    private nint _iterator;

    private IcuLineIterator(Api api, nint iterator) => (_api, _iterator) = (api, iterator);

    /// <summary>A line iterator for the locale (e.g. "ja@lb=strict").</summary>
    public static IcuLineIterator Create(string locale)
    {
        var api = Functions.Value
            ?? throw new EntryPointNotFoundException("the system's ICU has no line break iterator (ubrk_open, ubrk_setText, ubrk_next, ubrk_close)");
        var name = Encoding.ASCII.GetBytes(locale + "\0");
        int status = 0;
        nint iterator;
        fixed (byte* n = name) iterator = api.Open(UbrkLine, n, null, 0, &status);
        if (status > 0 || iterator == 0) throw new InvalidOperationException($"ICU ubrk_open(\"{locale}\") failed with status {status}");
        return new IcuLineIterator(api, iterator);
    }

    /// <summary>Marks every line break opportunity inside <paramref name="text"/> (not its end) in <paramref name="allowed"/>.</summary>
    public void MarkBreaks(string text, bool[] allowed)
    {
        fixed (char* p = text)
        {
            // ICU keeps a pointer to the text: it is only used while the text is pinned here.
            int status = 0;
            _api.SetText(_iterator, p, text.Length, &status);
            if (status > 0) throw new InvalidOperationException($"ICU ubrk_setText failed with status {status}");
            for (int end = _api.Next(_iterator); end != UbrkDone && end < text.Length; end = _api.Next(_iterator))
                allowed[end] = true;
            _api.SetText(_iterator, null, 0, &status);
        }
    }

    public void Dispose()
    {
        if (_iterator != 0) _api.Close(_iterator);
        _iterator = 0;
    }

    /// <summary>The four functions, from the ICU that <see cref="IcuLibrary"/> loaded; null if it lacks one.</summary>
    private static Api? Resolve()
    {
        var (open, setText, next, close) =
            (IcuLibrary.Function("ubrk_open"), IcuLibrary.Function("ubrk_setText"), IcuLibrary.Function("ubrk_next"), IcuLibrary.Function("ubrk_close"));
        if (open == 0 || setText == 0 || next == 0 || close == 0) return null;
        return new Api
        {
            Open = (delegate* unmanaged<int, byte*, char*, int, int*, nint>)open,
            SetText = (delegate* unmanaged<nint, char*, int, int*, void>)setText,
            Next = (delegate* unmanaged<nint, int>)next,
            Close = (delegate* unmanaged<nint, void>)close,
        };
    }
}
