namespace NewsletterPress.Diagnostics;

/// <summary>
/// The input errors a pass has found so far. Each part of the pass records its error here and the pass goes on
/// with the next part (the next key, block, font or title), so that one run tells the editor every error it can
/// find rather than the first; the pass throws them together at its end (<see cref="ThrowIfAny"/>).
/// </summary>
/// <param name="fileOrder">The files (as displayed) in the order their errors are told, e.g. the manifest and then the
/// articles as it lists them (<see cref="InputException.Combine"/>).</param>
public sealed class InputErrors(IEnumerable<string>? fileOrder = null)
{
    private readonly List<InputException> _errors = [];

    public bool Any => _errors.Count > 0;

    /// <summary>Every error recorded, as one exception in file order; null when there is none.</summary>
    public InputException? Combined => Any ? InputException.Combine(_errors, fileOrder) : null;

    public void Add(InputException error) => _errors.Add(error);

    /// <summary>Runs <paramref name="read"/>; an input error is recorded and <paramref name="fallback"/> returned.</summary>
    public T Try<T>(Func<T> read, T fallback)
    {
        try { return read(); }
        catch (InputException e) { _errors.Add(e); return fallback; }
    }

    public void Try(Action read) => Try(() => { read(); return 0; }, 0);

    public void ThrowIfAny()
    {
        if (Combined is { } all) throw all;
    }
}
