namespace NewsletterPress.Diagnostics;

/// <summary>A place in an editor's file, 1-based, for messages of the form file:line:col.
/// Line 0 stands for the file as a whole (a file that is missing, too large or not a font).</summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    /// <summary>How many characters the thing at fault spans on its line (a key, a value), for the carets
    /// under it; 0 when unknown. Not part of the printed position.</summary>
    public int Length { get; init; }

    /// <summary>A position in a file, named as the editor typed it: relative to the current folder.</summary>
    public static SourcePosition InFile(string path, int line, int column) =>
        new(DisplayPath(path), line, column);

    /// <summary>The file as a whole, e.g. a font whose tables are damaged.</summary>
    public static SourcePosition WholeFile(string path) => new(DisplayPath(path), 0, 0);

    /// <summary>Something that is not a file, named as the user wrote it: an environment variable, an option.</summary>
    public static SourcePosition Named(string name) => new(name, 0, 0);

    public static string DisplayPath(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
