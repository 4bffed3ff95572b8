using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using NewsletterPress.Manifest;
using NewsletterPress.Shared;

namespace NewsletterPress.Text;

/// <summary>
/// The faces one build uses, resolved from the style's font choices: a file in the issue
/// folder, a file in the tool's fonts/ folder, or an installed family found by file name.
/// A font named by a path must stay inside the issue folder (through links too); the tool's
/// bundled fonts and installed families are the only fonts read from elsewhere.
/// Also picks the face for each character, with per-character fallback.
/// </summary>
public sealed class FontLibrary : IDisposable
{
    private readonly Dictionary<string, FontFace> _byPath = new(StringComparer.Ordinal);
    private readonly FontFace _mincho, _gothic, _serif, _serifBold, _serifItalic, _serifBoldItalic, _sans, _sansBold;
    private readonly FontFace _symbols;

    /// <summary>The tool's own fonts/ folder: next to the binaries, or at the repository root when run from source.</summary>
    public static string ToolFontsFolder { get; } = FindToolFonts();

    private readonly bool _latinInJapanese;

    /// <param name="latinInJapanese">Set Latin letters and digits of Japanese text in the Japanese face too
    /// (some designers prefer the mincho's own Latin); the usual practice, and the default, is the Latin face.</param>
    private readonly FontChoice _choice;
    private readonly string _issueFolder, _realFolder;

    public FontLibrary(FontChoice choice, string issueFolder, bool latinInJapanese = false)
    {
        _latinInJapanese = latinInJapanese;
        _choice = choice;
        _issueFolder = Path.GetFullPath(issueFolder);
        _realFolder = InputFiles.RealFolder(issueFolder);
        try
        {
            _mincho = Load(choice.Mincho, "", "mincho");
            _gothic = Load(choice.Gothic, "", "gothic");
            _serif = Load(choice.Serif, "Regular", "serif");
            _serifBold = LoadVariant(choice.Serif, "Bold", "serif", _serif);
            _serifItalic = LoadVariant(choice.Serif, "Italic", "serif", _serif);
            _serifBoldItalic = LoadVariant(choice.Serif, "BoldItalic", "serif", _serifBold);
            _sans = Load(choice.Sans, "Regular", "sans");
            _sansBold = LoadVariant(choice.Sans, "Bold", "sans", _sans);
            _symbols = Load("NotoSansSymbols2-Regular.ttf", "", "symbols");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Every font file this library opened, by real path: the archive attaches those from outside the issue folder.</summary>
    public IEnumerable<string> Files => _byPath.Keys;

    /// <summary>The face for one character: Japanese characters in the Japanese face, everything
    /// else in the Latin face, falling back to the other and then to the symbol face.</summary>
    /// <returns>null when no face has the character.</returns>
    public FontFace? FaceFor(int codepoint, TextStyle style, bool japaneseContext)
    {
        var japanese = style.Family == FaceFamily.Sans || style.Bold ? _gothic : _mincho;
        var latin = (style.Family, style.Bold, style.Italic) switch
        {
            (FaceFamily.Sans, true, _) => _sansBold,
            (FaceFamily.Sans, false, _) => _sans,
            (_, true, true) => _serifBoldItalic,
            (_, true, false) => _serifBold,
            (_, false, true) => _serifItalic,
            _ => _serif,
        };
        bool preferJapanese = Script.IsCjk(codepoint)
            || (japaneseContext && (_latinInJapanese ? codepoint > ' ' : Script.IsAmbiguousWidth(codepoint)));
        var first = preferJapanese ? japanese : latin;
        var second = preferJapanese ? latin : japanese;
        if (first.HasGlyph(codepoint)) return first;
        if (second.HasGlyph(codepoint)) return second;
        return _symbols.HasGlyph(codepoint) ? _symbols : null;
    }

    private FontFace LoadVariant(string family, string variant, string role, FontFace fallback)
    {
        if (LooksLikeFile(family)) return fallback; // a single file names a single face
        var path = FindFamilyFile(family, variant, role);
        return path is null ? fallback : Open(path, family, role);
    }

    private FontFace Load(string nameOrFile, string variant, string role)
    {
        string? path = LooksLikeFile(nameOrFile) ? FindFile(nameOrFile, role) : FindFamilyFile(nameOrFile, variant, role);
        if (path is null)
            throw new InputException(Where(role),
                $"the {role} font '{nameOrFile}' was not found in the issue folder, in {ToolFontsFolder} or among installed fonts; " +
                "put the font file into the issue folder and name the file in style.fonts");
        return Open(path, nameOrFile, role);
    }

    /// <summary>The manifest's place for a face, else the manifest as a whole (the default faces).</summary>
    private SourcePosition Where(string role) =>
        _choice.Where.TryGetValue(role, out var where) ? where
            : SourcePosition.WholeFile(Path.Combine(_issueFolder, IssueLoader.ManifestFileName));

    /// <summary>A font file: in the issue folder (a path must stay inside it), then in its fonts/ folder, else a bundled font of that name.</summary>
    private string? FindFile(string name, string role)
    {
        var inIssue = Path.GetFullPath(Path.Combine(_issueFolder, name));
        bool plainName = Path.GetFileName(name) == name;
        if (!inIssue.StartsWith(_issueFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InputException(Where(role),
                $"the {role} font '{name}' is outside the issue folder; copy the font file into the folder and name it there, so the volume can be rebuilt from the folder");
        if (FileKinds.Of(inIssue).Kind != FileKind.Missing)
            return InputFiles.Check(inIssue, FileRule.Font, Where(role), name, _realFolder);
        var attached = Path.Combine(_issueFolder, IssueFontFolder, name);
        if (plainName && FileKinds.Of(attached).Kind != FileKind.Missing)
            return InputFiles.Check(attached, FileRule.Font, Where(role), name, _realFolder);
        var bundled = Path.Combine(ToolFontsFolder, name);
        return plainName && FileKinds.Of(bundled).Kind != FileKind.Missing
            ? InputFiles.Check(bundled, FileRule.Font, Where(role), name)
            : null;
    }

    private FontFace Open(string path, string name, string role)
    {
        if (_byPath.TryGetValue(path, out var face)) return face;
        try { face = new FontFace(path); }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new InputException(Where(role), $"the {role} font '{name}' ({path}) cannot be read: {e.Message}");
        }
        _byPath.Add(path, face);
        return face;
    }

    private static bool LooksLikeFile(string name) =>
        name.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds "Noto Serif" Bold as NotoSerif-Bold.ttf/.otf in the issue folder, the tool's fonts, or the system's.</summary>
    private string? FindFamilyFile(string family, string variant, string role)
    {
        var stem = family.Replace(" ", "", StringComparison.Ordinal) + "-" + variant;
        if (stem.IndexOfAny(['/', '*', '?']) >= 0) return null; // a family name, not a path or a pattern
        var inIssue = new[] { _issueFolder, Path.Combine(_issueFolder, IssueFontFolder) };
        foreach (var folder in inIssue.Append(ToolFontsFolder).Concat(SystemFontFolders))
        {
            if (!Directory.Exists(folder)) continue;
            // Installed fonts are searched below their folders; a folder that may not be read is passed over.
            var options = new EnumerationOptions { RecurseSubdirectories = !inIssue.Contains(folder) && folder != ToolFontsFolder, IgnoreInaccessible = true };
            var hit = Directory.EnumerateFiles(folder, stem + ".*", options)
                .Where(LooksLikeFile).Order(StringComparer.Ordinal).FirstOrDefault();
            if (hit is not null)
                return InputFiles.Check(hit, FileRule.Font, Where(role), Path.GetFileName(hit), inIssue.Contains(folder) ? _realFolder : null);
        }
        return null;
    }

    /// <summary>The issue's own font folder, searched right after the issue folder and before the tool's and the
    /// system's fonts: the archive attaches the fonts from outside the folder there, so that an extracted volume
    /// rebuilds with the very files it was built with.</summary>
    public const string IssueFontFolder = "fonts";

    /// <summary>The installed fonts' folders; NEWSLETTERPRESS_SYSTEM_FONTS replaces them (folders separated by ':',
    /// empty for none), to build as a machine without those fonts would.</summary>
    private static IEnumerable<string> SystemFontFolders =>
        Environment.GetEnvironmentVariable("NEWSLETTERPRESS_SYSTEM_FONTS") is { } folders
            ? folders.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : ["/usr/share/fonts", "/usr/local/share/fonts"];

    private static string FindToolFonts()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "fonts");
        if (File.Exists(Path.Combine(beside, "ipaexm.ttf"))) return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsletterPress.sln")))
                return Path.Combine(dir.FullName, "fonts");
        return beside;
    }

    public void Dispose()
    {
        foreach (var face in _byPath.Values) face.Dispose();
    }
}
