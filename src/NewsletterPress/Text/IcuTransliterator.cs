namespace NewsletterPress.Text;

/// <summary>
/// ICU's transforms (utrans, libicui18n's C API), called directly as the line breaker is (see <see cref="IcuLibrary"/>
/// for why not through icu.net): one transliterator per ID, opened once and used under a lock, since an ICU
/// transliterator may not be used by two threads at once.
/// </summary>
internal sealed unsafe class IcuTransliterator
{
    /// <summary>UTRANS_FORWARD.</summary>
    private const int Forward = 0;

    /// <summary>U_BUFFER_OVERFLOW_ERROR: the text grew past the buffer.</summary>
    private const int BufferOverflow = 15;

    private readonly nint _handle;
    private readonly Lock _gate = new();
    private readonly delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void> _transform;

    /// <param name="id">A transform ID, compound IDs included ("Any-Latin; Latin-ASCII").</param>
    public IcuTransliterator(string id)
    {
        var open = (delegate* unmanaged<char*, int, int, char*, int, void*, int*, nint>)IcuLibrary.I18nFunction("utrans_openU");
        _transform = (delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void>)IcuLibrary.I18nFunction("utrans_transUChars");
        if (open == null || _transform == null)
            throw new DllNotFoundException("ICU's transforms (libicui18n) were not found beside libicuuc; install the libicu package of your system");
        int status = 0;
        fixed (char* name = id) _handle = open(name, id.Length, Forward, null, 0, null, &status);
        if (status > 0 || _handle == 0) throw new InvalidOperationException($"ICU cannot open the transform '{id}' (error {status})");
        // Never closed: one per process, like the line breaker's rules.
    }

    public string Transform(string text)
    {
        lock (_gate)
        {
            for (int capacity = text.Length * 4 + 16; ; capacity *= 2)
            {
                var buffer = new char[capacity];
                text.CopyTo(buffer);
                int length = text.Length, limit = text.Length, status = 0;
                fixed (char* chars = buffer) _transform(_handle, chars, &length, capacity, 0, &limit, &status);
                if (status == BufferOverflow) continue;
                if (status > 0) throw new InvalidOperationException($"ICU could not transform '{text}' (error {status})");
                return new string(buffer, 0, length);
            }
        }
    }
}
