using NewsletterPress.Diagnostics;
using NewsletterPress.Manifest;

namespace NewsletterPress.Text;

/// <summary>
/// The faces one build uses, resolved from the style's font choices: a file in the issue
/// folder, a file in the tool's fonts/ folder, or an installed family found by file name.
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
    public FontLibrary(FontChoice choice, string issueFolder, bool latinInJapanese = false)
    {
        _latinInJapanese = latinInJapanese;
        _mincho = Load(choice.Mincho, "", issueFolder, "mincho");
        _gothic = Load(choice.Gothic, "", issueFolder, "gothic");
        _serif = Load(choice.Serif, "Regular", issueFolder, "serif");
        _serifBold = LoadVariant(choice.Serif, "Bold", issueFolder, _serif);
        _serifItalic = LoadVariant(choice.Serif, "Italic", issueFolder, _serif);
        _serifBoldItalic = LoadVariant(choice.Serif, "BoldItalic", issueFolder, _serifBold);
        _sans = Load(choice.Sans, "Regular", issueFolder, "sans");
        _sansBold = LoadVariant(choice.Sans, "Bold", issueFolder, _sans);
        _symbols = Load("NotoSansSymbols2-Regular.ttf", "", issueFolder, "symbols");
    }

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

    private FontFace LoadVariant(string family, string variant, string issueFolder, FontFace fallback)
    {
        if (LooksLikeFile(family)) return fallback; // a single file names a single face
        var path = FindFamilyFile(family, variant, issueFolder);
        return path is null ? fallback : Open(path, family);
    }

    private FontFace Load(string nameOrFile, string variant, string issueFolder, string role)
    {
        string? path = LooksLikeFile(nameOrFile)
            ? new[] { Path.Combine(issueFolder, nameOrFile), Path.Combine(ToolFontsFolder, nameOrFile) }.FirstOrDefault(File.Exists)
            : FindFamilyFile(nameOrFile, variant, issueFolder);
        if (path is null)
            throw new InputException(null,
                $"the {role} font '{nameOrFile}' was not found in the issue folder, in {ToolFontsFolder} or among installed fonts; " +
                "put the font file into the issue folder and name the file in style.fonts");
        return Open(path, nameOrFile);
    }

    private FontFace Open(string path, string name)
    {
        if (_byPath.TryGetValue(path, out var face)) return face;
        try { face = new FontFace(path); }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new InputException(null, $"the font '{name}' ({path}) cannot be read: {e.Message}");
        }
        _byPath.Add(path, face);
        return face;
    }

    private static bool LooksLikeFile(string name) =>
        name.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds "Noto Serif" Bold as NotoSerif-Bold.ttf/.otf in the issue folder, the tool's fonts, or the system's.</summary>
    private static string? FindFamilyFile(string family, string variant, string issueFolder)
    {
        var stem = family.Replace(" ", "", StringComparison.Ordinal) + "-" + variant;
        foreach (var folder in new[] { issueFolder, ToolFontsFolder, "/usr/share/fonts", "/usr/local/share/fonts" })
        {
            if (!Directory.Exists(folder)) continue;
            var option = folder == issueFolder || folder == ToolFontsFolder ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories;
            var hit = Directory.EnumerateFiles(folder, stem + ".*", option)
                .Where(LooksLikeFile).Order(StringComparer.Ordinal).FirstOrDefault();
            if (hit is not null) return hit;
        }
        return null;
    }

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
