namespace NewsletterPress.Diagnostics;

/// <summary>
/// Bad input from the editor (manifest, article, font or image). The CLI prints it as
/// "file:line:col: error: message" and exits 1, never with a stack trace.
/// </summary>
public sealed class InputException(SourcePosition? position, string message) : Exception(message)
{
    public SourcePosition? Position { get; } = position;

    public override string ToString() =>
        Position is null ? $"error: {Message}" : $"{Position}: error: {Message}";
}
