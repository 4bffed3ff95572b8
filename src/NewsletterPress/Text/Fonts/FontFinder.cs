using NewsletterPress.Diagnostics;

namespace NewsletterPress.Text.Fonts;

/// <summary>Where a face was found, in the order the finder looks: the issue folder first, then the tool's
/// bundled fonts, then the installed families.</summary>
public enum FontSource { IssueFolder, Bundled, System }

/// <summary>A family as the <c>fonts</c> command lists it.</summary>
public sealed record FontFamilyInfo(string Family, FontSource Source, IReadOnlyList<string> Styles, IReadOnlyList<string> Scripts);

/// <summary>A face found for a family and a style.</summary>
public sealed record FoundFace(FontFaceInfo Face, FontSource Source);

/// <summary>The four styles a Latin family is set in; a Japanese family is set in its regular face.</summary>
public enum FaceStyle { Regular, Bold, Italic, BoldItalic }

/// <summary>
/// Finds a face by family name, reading the names inside the font files (not guessing from file names):
/// the fonts in the issue folder, then the tool's bundled fonts, then the installed families through
/// fontconfig. The first source that has the family gives all its styles, so that an issue's own or the
/// bundled faces are never mixed with an installed face of the same name.
/// </summary>
public sealed class FontFinder(string issueFolder)
{
    private static readonly Lazy<IReadOnlyList<FontFaceInfo>> BundledFaces = new(() => FacesIn(FontLibrary.ToolFontsFolder));
    private readonly Lazy<IReadOnlyList<FontFaceInfo>> _issueFaces =
        new(() => [.. FacesIn(issueFolder), .. FacesIn(Path.Combine(issueFolder, FontLibrary.IssueFontFolder))]);

    /// <summary>Every face available to the issue, with its source, in priority order.</summary>
    public IEnumerable<FoundFace> All => BySource().SelectMany(faces => faces);

    /// <summary>The faces source by source, each source listed only when the one before it has been read through:
    /// asking fontconfig for the installed faces costs a tenth of a small issue's build, and an issue set in its own
    /// or the bundled fonts never needs them.</summary>
    private IEnumerable<IEnumerable<FoundFace>> BySource()
    {
        yield return _issueFaces.Value.Select(f => new FoundFace(f, FontSource.IssueFolder));
        yield return BundledFaces.Value.Select(f => new FoundFace(f, FontSource.Bundled));
        yield return Installed.Value.Select(f => new FoundFace(f, FontSource.System));
    }

    /// <summary>The installed faces, through fontconfig; NEWSLETTERPRESS_SYSTEM_FONTS replaces them with the fonts of
    /// the folders it names (separated by ':', empty for none), to build as a machine with only those fonts would.</summary>
    private static readonly Lazy<IReadOnlyList<FontFaceInfo>> Installed = new(() =>
        Environment.GetEnvironmentVariable("NEWSLETTERPRESS_SYSTEM_FONTS") is { } folders
            ? [.. folders.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).SelectMany(FacesIn)]
            : Fontconfig.Installed);

    /// <summary>The face of <paramref name="family"/> in <paramref name="style"/>; null when the family has no
    /// such face (the caller falls back to the regular face) or is not found at all (see <see cref="Has"/>).</summary>
    public FoundFace? Find(string family, FaceStyle style)
    {
        var faces = FamilyFaces(family);
        if (faces.Count == 0) return null;
        bool bold = style is FaceStyle.Bold or FaceStyle.BoldItalic, italic = style is FaceStyle.Italic or FaceStyle.BoldItalic;
        var fitting = faces.Where(f => (f.Face.Slant > 0) == italic && (f.Face.Weight >= 180) == bold && (bold || f.Face.Weight >= 50)).ToList();
        // The regular face is always found: a family of light or medium faces is set in the nearest.
        if (fitting.Count == 0 && style == FaceStyle.Regular) fitting = faces;
        return fitting
            .OrderBy(f => Math.Abs(f.Face.Width - 100))
            .ThenBy(f => Math.Abs(f.Face.Weight - (bold ? 200 : 80)))
            .ThenBy(f => f.Face.Slant)
            .ThenBy(f => f.Face.File, StringComparer.Ordinal).ThenBy(f => f.Face.Index)
            .FirstOrDefault();
    }

    /// <summary>The families available to the issue, source by source (issue folder, bundled, installed), each
    /// with its styles and the scripts its faces cover, sorted by name within a source.</summary>
    public IReadOnlyList<FontFamilyInfo> Families() =>
        [.. All.GroupBy(f => (f.Source, f.Face.Family))
            .Select(g => new FontFamilyInfo(g.Key.Family, g.Key.Source,
                [.. g.OrderBy(f => f.Face.Slant).ThenBy(f => f.Face.Weight).Select(f => f.Face.Style).Distinct(StringComparer.Ordinal)],
                [.. Fontconfig.ScriptSamples.Select(s => s.Script).Where(s => g.Any(f => f.Face.Scripts.Contains(s)))]))
            .OrderBy(f => f.Source).ThenBy(f => f.Family, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The faces of the family in the first source that has it (the later sources are not listed).</summary>
    private List<FoundFace> FamilyFaces(string family) =>
        BySource()
            .Select(faces => faces.Where(f => f.Face.Families.Any(name => string.Equals(name, family, StringComparison.OrdinalIgnoreCase))).ToList())
            .FirstOrDefault(found => found.Count > 0) ?? [];

    /// <summary>The family names nearest to a misspelt one, for the error message.</summary>
    public IReadOnlyList<string> Nearest(string family, int count = 3) =>
        Suggestions.NearestFew(family, All.Select(f => f.Face.Family).Distinct(StringComparer.Ordinal), count);

    /// <summary>The faces of the font files directly in a folder (not below it).</summary>
    private static IReadOnlyList<FontFaceInfo> FacesIn(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        return [.. Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".ttf" or ".otf" or ".ttc")
            .Order(StringComparer.Ordinal)
            .Where(f => Files.FileKinds.Of(f) is (Files.FileKind.Regular, var size) && size <= Files.FileRule.Font.MaxBytes)
            .SelectMany(FontFileFaces.Of)];
    }
}
