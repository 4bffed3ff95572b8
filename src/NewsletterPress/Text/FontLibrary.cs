using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using NewsletterPress.Manifest;
using NewsletterPress.Shared;
using NewsletterPress.Text.Fonts;

namespace NewsletterPress.Text;

/// <summary>
/// The faces one build uses, resolved from the style's font choices: a file in the issue
/// folder, a file in the tool's fonts/ folder, or a family found by the names inside the fonts
/// (<see cref="FontFinder"/>: the issue folder's, the bundled, then the installed through fontconfig).
/// A font named by a path must stay inside the issue folder (through links too); the tool's
/// bundled fonts and installed families are the only fonts read from elsewhere.
/// Also picks the face for each character, with per-character fallback.
/// </summary>
public sealed class FontLibrary : IDisposable
{
    private readonly Dictionary<(string Path, int Index), FontFace> _byPath = [];
    private readonly FontFace _mincho, _gothic, _serif, _serifBold, _serifItalic, _serifBoldItalic, _sans, _sansBold;
    private readonly FontFace _symbols;

    /// <summary>The tool's own fonts/ folder: next to the binaries, or at the repository root when run from source.</summary>
    public static string ToolFontsFolder { get; } = FindToolFonts();

    private readonly bool _latinInJapanese;

    /// <param name="latinInJapanese">Set Latin letters and digits of Japanese text in the Japanese face too
    /// (some designers prefer the mincho's own Latin); the usual practice, and the default, is the Latin face.</param>
    private readonly FontChoice _choice;
    private readonly string _issueFolder, _realFolder;
    private readonly FontFinder _finder;

    public FontLibrary(FontChoice choice, string issueFolder, bool latinInJapanese = false)
    {
        _latinInJapanese = latinInJapanese;
        _choice = choice;
        _issueFolder = Path.GetFullPath(issueFolder);
        _realFolder = InputFiles.RealFolder(issueFolder);
        _finder = new FontFinder(_issueFolder);
        try
        {
            // Every face is looked up even after one fails, so that two misspelt families are reported in one run.
            var errors = new InputErrors();
            _mincho = errors.Try(() => Load(choice.Mincho, "mincho"), null!);
            _gothic = errors.Try(() => Load(choice.Gothic, "gothic"), null!);
            _serif = errors.Try(() => Load(choice.Serif, "serif"), null!);
            _sans = errors.Try(() => Load(choice.Sans, "sans"), null!);
            _symbols = errors.Try(() => Load("NotoSansSymbols2-Regular.ttf", "symbols"), null!);
            errors.ThrowIfAny();
            _serifBold = LoadVariant(choice.Serif, FaceStyle.Bold, "serif", _serif);
            _serifItalic = LoadVariant(choice.Serif, FaceStyle.Italic, "serif", _serif);
            _serifBoldItalic = LoadVariant(choice.Serif, FaceStyle.BoldItalic, "serif", _serifBold);
            _sansBold = LoadVariant(choice.Sans, FaceStyle.Bold, "sans", _sans);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Every font file this library opened, by real path: the archive attaches those from outside the issue folder.</summary>
    public IEnumerable<string> Files => _byPath.Keys.Select(k => k.Path).Distinct();

    /// <summary>Every face this library opened, with its bytes: the archive reads the licence of each file from them.</summary>
    public IEnumerable<FontRef> Opened => _byPath.Values.Select(f => f.Ref);

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

    private FontFace LoadVariant(string family, FaceStyle style, string role, FontFace fallback)
    {
        if (LooksLikeFile(family)) return fallback; // a single file names a single face
        var found = _finder.Find(family, style);
        return found is null ? fallback : Open(found, family, role);
    }

    private FontFace Load(string nameOrFile, string role)
    {
        if (LooksLikeFile(nameOrFile))
        {
            var path = FindFile(nameOrFile, role) ?? throw new InputException(Where(role),
                $"the {role} font file '{nameOrFile}' was not found in the issue folder or in {ToolFontsFolder}; " +
                "put the font file into the issue folder, or name an installed family ('newsletterpress fonts' lists them)");
            return Open(path, 0, nameOrFile, role);
        }
        var found = _finder.Find(nameOrFile, FaceStyle.Regular);
        if (found is null)
        {
            var nearest = _finder.Nearest(nameOrFile);
            throw new InputException(Where(role),
                $"the {role} font '{nameOrFile}' is not a family in the issue folder, among the bundled fonts or installed" +
                (nearest.Count > 0 ? $"; the nearest installed families are {string.Join(", ", nearest.Select(n => $"'{n}'"))}" : "") +
                " ('newsletterpress fonts' lists them all)");
        }
        return Open(found, nameOrFile, role);
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

    /// <summary>A face the finder found: checked as the file it is (inside the issue folder for the folder's own).</summary>
    private FontFace Open(FoundFace found, string family, string role)
    {
        var file = found.Face.File;
        var path = InputFiles.Check(file, FileRule.Font, Where(role), Path.GetFileName(file),
            found.Source == FontSource.IssueFolder ? _realFolder : null);
        return Open(path, found.Face.Index, family, role);
    }

    private FontFace Open(string path, int index, string name, string role)
    {
        if (_byPath.TryGetValue((path, index), out var face)) return face;
        try { face = new FontFace(path, index); }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new InputException(Where(role), $"the {role} font '{name}' ({path}) cannot be read: {e.Message}");
        }
        _byPath.Add((path, index), face);
        return face;
    }

    private static bool LooksLikeFile(string name) =>
        name.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase);

    /// <summary>The issue's own font folder, searched right after the issue folder and before the tool's and the
    /// system's fonts: the archive attaches the fonts from outside the folder there, so that an extracted volume
    /// rebuilds with the very files it was built with.</summary>
    public const string IssueFontFolder = "fonts";

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
