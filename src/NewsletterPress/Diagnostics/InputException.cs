namespace NewsletterPress.Diagnostics;

/// <summary>
/// Bad input from the editor (manifest, article, font or image). The CLI prints it as
/// "file:line:col: error: message" with the source line and a caret, and exits 1, never with a
/// stack trace. One exception may carry every error a pass found (<see cref="All"/>), so that an
/// editor with three typos learns of all three in one run.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(SourcePosition? position, string message) : base(message)
    {
        Position = position;
        All = [this];
    }

    private InputException(IReadOnlyList<InputException> all) : base(all[0].Message)
    {
        Position = all[0].Position;
        All = all;
    }

    public SourcePosition? Position { get; }

    /// <summary>This error and the others found in the same pass, in file order (files in the order their
    /// first error was found, positions in each file from the top).</summary>
    public IReadOnlyList<InputException> All { get; }

    /// <summary>One exception carrying every error of <paramref name="errors"/> (each flattened), in file order.</summary>
    /// <param name="fileOrder">The files (as displayed) in the order the editor reads them, e.g. the manifest and then
    /// the articles as it lists them; other files follow in the order their first error was found.</param>
    public static InputException Combine(IEnumerable<InputException> errors, IEnumerable<string>? fileOrder = null)
    {
        var all = errors.SelectMany(e => e.All).ToList();
        if (all.Count == 0) throw new ArgumentException("no error to combine", nameof(errors));
        if (all.Count == 1) return all[0];
        var files = (fileOrder ?? []).Concat(all.Select(e => e.Position?.File ?? "")).Distinct().ToList();
        var ordered = all
            .OrderBy(e => files.IndexOf(e.Position?.File ?? ""))
            .ThenBy(e => e.Position?.Line ?? 0)
            .ThenBy(e => e.Position?.Column ?? 0)
            .ToList();
        return new InputException(ordered);
    }

    /// <summary>"file:line:col: error: message", one line per error.</summary>
    public override string ToString() => string.Join("\n", All.Select(e =>
        e.Position is null ? $"error: {e.Message}" : $"{e.Position}: error: {e.Message}"));
}
