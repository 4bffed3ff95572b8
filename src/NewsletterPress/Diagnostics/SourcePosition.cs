namespace NewsletterPress.Diagnostics;

/// <summary>A place in an editor's file, 1-based, for messages of the form file:line:col.</summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
