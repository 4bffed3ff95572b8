using System.Runtime.InteropServices;

namespace NewsletterPress.Text.Fonts;

/// <summary>One face of a font file, as the file's own name tables describe it.</summary>
/// <param name="Families">Every family name the face gives (the first is its main, often English, name).</param>
/// <param name="Weight">fontconfig's weight: 80 regular, 100 medium, 200 bold.</param>
/// <param name="Slant">0 upright, 100 italic, 110 oblique.</param>
/// <param name="Width">100 normal, 75 condensed.</param>
/// <param name="Scripts">The scripts it covers, as <see cref="Fontconfig.ScriptSamples"/> names them.</param>
public sealed record FontFaceInfo(IReadOnlyList<string> Families, string Style, string File, int Index,
    double Weight, double Slant, double Width, IReadOnlyList<string> Scripts)
{
    public string Family => Families[0];
}

/// <summary>
/// The installed fonts, read through libfontconfig (P/Invoke: no
/// maintained .NET wrapper is served here, and the few calls needed are stable C API). fontconfig reads
/// family names from the fonts themselves, finds faces inside .ttc collections, and keeps a cache, so
/// listing the system's fonts costs milliseconds.
/// </summary>
public static partial class Fontconfig
{
    private const string Library = "libfontconfig.so.1";

    /// <summary>A character for each script the <c>fonts</c> command reports, so that an editor sees which
    /// family can set Japanese, Latin, and so on.</summary>
    public static readonly IReadOnlyList<(string Script, int Sample)> ScriptSamples =
    [
        ("Latin", 'A'), ("Kana", 'あ'), ("Han", '漢'), ("Hangul", '한'), ("Greek", 'α'), ("Cyrillic", 'Ж'),
        ("Arabic", 'ع'), ("Hebrew", 'א'), ("Thai", 'ก'), ("Devanagari", 'क'), ("Symbols", '☐'),
    ];

    private static readonly Lazy<IntPtr> Config = new(() => Available ? InitLoadConfigAndFonts() : IntPtr.Zero);

    /// <summary>True when libfontconfig can be loaded; without it only font files and the bundled fonts are found.</summary>
    public static bool Available => Loaded.Value;

    /// <summary>Loaded when first asked for, not with the class: reading the bundled fonts touches
    /// <see cref="ScriptSamples"/>, and an issue whose families are all bundled needs neither fontconfig nor the
    /// FreeType, libpng, Brotli and expat it brings.</summary>
    private static readonly Lazy<bool> Loaded = new(() => NativeLibrary.TryLoad(Library, out _));

    private static readonly Lazy<IReadOnlyList<FontFaceInfo>> SystemFaces = new(() => ListSystem());

    /// <summary>Every installed face (fontconfig's configuration: /usr/share/fonts, ~/.fonts, …).</summary>
    public static IReadOnlyList<FontFaceInfo> Installed => SystemFaces.Value;

    private static IReadOnlyList<FontFaceInfo> ListSystem()
    {
        if (Config.Value == IntPtr.Zero) return [];
        var pattern = PatternCreate();
        var objects = ObjectSetCreate();
        foreach (var name in new[] { "family", "style", "file", "index", "weight", "slant", "width", "charset" })
            ObjectSetAdd(objects, name);
        var set = FontList(Config.Value, pattern, objects);
        try { return Faces(set); }
        finally
        {
            FontSetDestroy(set);
            ObjectSetDestroy(objects);
            PatternDestroy(pattern);
        }
    }

    private static List<FontFaceInfo> Faces(IntPtr set)
    {
        var result = new List<FontFaceInfo>();
        if (set == IntPtr.Zero) return result;
        var header = Marshal.PtrToStructure<FontSetHeader>(set);
        for (int i = 0; i < header.Count; i++)
        {
            var pattern = Marshal.ReadIntPtr(header.Fonts, i * IntPtr.Size);
            var file = GetString(pattern, "file", 0);
            var index = PatternGetInteger(pattern, "index", 0, out var ix) == 0 ? ix : 0;
            // A variable font's named instances share the file and face with its default instance.
            if (file is null || index >> 16 != 0) continue;
            var families = new List<string>();
            for (int n = 0; GetString(pattern, "family", n) is { } family; n++)
                if (!families.Contains(family)) families.Add(family);
            if (families.Count == 0) continue;
            var scripts = new List<string>();
            if (PatternGetCharSet(pattern, "charset", 0, out var charset) == 0)
                scripts.AddRange(ScriptSamples.Where(s => CharSetHasChar(charset, (uint)s.Sample) != 0).Select(s => s.Script));
            result.Add(new FontFaceInfo(families, GetString(pattern, "style", 0) ?? "Regular", file, index,
                Number(pattern, "weight", 80), Number(pattern, "slant", 0), Number(pattern, "width", 100), scripts));
        }
        return result;
    }

    private static double Number(IntPtr pattern, string name, double fallback) =>
        PatternGetDouble(pattern, name, 0, out var value) == 0 ? value : fallback;

    private static string? GetString(IntPtr pattern, string name, int n) =>
        PatternGetString(pattern, name, n, out var value) == 0 ? Marshal.PtrToStringUTF8(value) : null;

    [StructLayout(LayoutKind.Sequential)]
    private struct FontSetHeader
    {
        public int Count;
        public int Size;
        public IntPtr Fonts;
    }

    [LibraryImport(Library, EntryPoint = "FcInitLoadConfigAndFonts")]
    private static partial IntPtr InitLoadConfigAndFonts();

    [LibraryImport(Library, EntryPoint = "FcPatternCreate")]
    private static partial IntPtr PatternCreate();

    [LibraryImport(Library, EntryPoint = "FcPatternDestroy")]
    private static partial void PatternDestroy(IntPtr pattern);

    [LibraryImport(Library, EntryPoint = "FcObjectSetCreate")]
    private static partial IntPtr ObjectSetCreate();

    [LibraryImport(Library, EntryPoint = "FcObjectSetAdd", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ObjectSetAdd(IntPtr set, string name);

    [LibraryImport(Library, EntryPoint = "FcObjectSetDestroy")]
    private static partial void ObjectSetDestroy(IntPtr set);

    [LibraryImport(Library, EntryPoint = "FcFontList")]
    private static partial IntPtr FontList(IntPtr config, IntPtr pattern, IntPtr objects);

    [LibraryImport(Library, EntryPoint = "FcFontSetDestroy")]
    private static partial void FontSetDestroy(IntPtr set);

    [LibraryImport(Library, EntryPoint = "FcPatternGetString", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PatternGetString(IntPtr pattern, string name, int n, out IntPtr value);

    [LibraryImport(Library, EntryPoint = "FcPatternGetInteger", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PatternGetInteger(IntPtr pattern, string name, int n, out int value);

    [LibraryImport(Library, EntryPoint = "FcPatternGetDouble", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PatternGetDouble(IntPtr pattern, string name, int n, out double value);

    [LibraryImport(Library, EntryPoint = "FcPatternGetCharSet", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PatternGetCharSet(IntPtr pattern, string name, int n, out IntPtr charset);

    [LibraryImport(Library, EntryPoint = "FcCharSetHasChar")]
    private static partial int CharSetHasChar(IntPtr charset, uint character);
}
