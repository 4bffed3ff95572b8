namespace NewsletterPress.Diagnostics;

/// <summary>Something the editor should know about that did not stop the build.</summary>
public sealed record Warning(SourcePosition? Position, string Message)
{
    public override string ToString() =>
        Position is null ? $"warning: {Message}" : $"{Position}: warning: {Message}";
}

/// <summary>Collects warnings from every stage of one build, in the order they were raised.</summary>
public sealed class WarningLog
{
    private readonly List<Warning> _warnings = [];
    public IReadOnlyList<Warning> All => _warnings;
    public void Add(SourcePosition? position, string message) => _warnings.Add(new Warning(position, message));
}
