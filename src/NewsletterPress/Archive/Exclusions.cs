using System.IO.Enumeration;

namespace NewsletterPress.Archive;

/// <summary>
/// The manifest's <c>exclude:</c> patterns, read as a .gitignore reads them (a small subset): <c>notes/</c>
/// is a folder and everything under it; a pattern without '/' (<c>*.bak</c>, <c>Thumbs.db</c>) matches a file
/// or folder of that name anywhere; a pattern with '/' (<c>images/raw/*.png</c>) matches the path from the
/// issue folder. <c>*</c> and <c>?</c> are wildcards, matched by the BCL's <see cref="FileSystemName"/>.
/// </summary>
internal sealed class Exclusions(IReadOnlyList<string> patterns)
{
    /// <param name="name">A path relative to the issue folder, with '/' separators.</param>
    /// <returns>The first pattern that keeps the file out, or null.</returns>
    public string? Match(string name)
    {
        var parts = name.Split('/');
        foreach (var pattern in patterns)
        {
            bool folderOnly = pattern.EndsWith('/');
            var body = pattern.TrimEnd('/');
            bool anywhere = !body.Contains('/');
            // Every ancestor folder of the file, then (unless the pattern names a folder) the file itself.
            for (int depth = 1; depth <= parts.Length - (folderOnly ? 1 : 0); depth++)
            {
                var candidate = anywhere ? parts[depth - 1] : string.Join('/', parts[..depth]);
                if (FileSystemName.MatchesSimpleExpression(body, candidate, ignoreCase: false))
                    return pattern;
            }
        }
        return null;
    }
}
