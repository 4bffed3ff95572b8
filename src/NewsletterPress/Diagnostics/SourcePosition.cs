namespace NewsletterPress.Diagnostics;

/// <summary>A place in an editor's file, 1-based, for messages of the form file:line:col.</summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    /// <summary>A position in a file, named as the editor typed it: relative to the current folder.</summary>
    public static SourcePosition InFile(string path, int line, int column) =>
        new(DisplayPath(path), line, column);

    public static string DisplayPath(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
