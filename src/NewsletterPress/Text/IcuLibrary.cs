using System.Globalization;
using System.Runtime.InteropServices;

namespace NewsletterPress.Text;

/// <summary>
/// Loads the system's ICU common library (libicuuc, the one .NET itself uses on Linux) once per process, and finds
/// its C functions. Loaded by hand with <see cref="NativeLibrary"/> rather than through icu.net, because icu.net
/// looks for ICU through <c>Microsoft.Extensions.DependencyModel</c> (the app's .deps.json), which a Native AOT
/// binary does not have and which the trimmer cannot analyse; and because icu.net finds the library by trying every
/// version it supports, a failed dlopen each. The installed version is read from the library's file name instead.
/// Loading starts on a worker thread as soon as a build begins, so that it overlaps reading the manifest and the
/// articles.
/// </summary>
internal static class IcuLibrary
{
    private static readonly string[] LibraryFolders =
        ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"];

    /// <summary>The ICU versions whose C API we call (ubrk_* is stable since ICU 4; 50 is older than any supported system).</summary>
    private const int OldestVersion = 50, NewestVersion = 99;

    private sealed record Loaded(nint Library, string? Major);

    private static readonly Lazy<Task<Loaded>> Loading = new(() => Task.Run(Load));

    /// <summary>Starts loading ICU in the background, if it has not started yet.</summary>
    public static void StartLoading() => _ = Loading.Value;

    /// <summary>Waits until ICU is loaded; an error saying what to install when it cannot be.</summary>
    public static void EnsureLoaded() => _ = Loading.Value.GetAwaiter().GetResult();

    /// <summary>The address of one of ICU's C functions: ICU names them with its major version (<c>ubrk_open_72</c>)
    /// unless it was built without renaming (macOS's libicucore, Windows's icu.dll); 0 when it has neither.</summary>
    public static nint Function(string name)
    {
        var icu = Loading.Value.GetAwaiter().GetResult();
        if (icu.Major is { } major && NativeLibrary.TryGetExport(icu.Library, $"{name}_{major}", out var versioned)) return versioned;
        return NativeLibrary.TryGetExport(icu.Library, name, out var plain) ? plain : 0;
    }

    /// <summary>A C function of ICU's internationalisation library (libicui18n: transliteration, collation), of the same
    /// version as the common library; 0 when it has none.</summary>
    public static nint I18nFunction(string name)
    {
        var i18n = I18n.Value;
        if (i18n.Library == 0) return 0;
        if (i18n.Major is { } major && NativeLibrary.TryGetExport(i18n.Library, $"{name}_{major}", out var versioned)) return versioned;
        return NativeLibrary.TryGetExport(i18n.Library, name, out var plain) ? plain : 0;
    }

    private static readonly Lazy<Loaded> I18n = new(() =>
    {
        var common = Loading.Value.GetAwaiter().GetResult();
        string? name = OperatingSystem.IsMacOS() ? "libicucore.dylib" : OperatingSystem.IsWindows() ? "icuin.dll"
            : common.Major is { } major ? $"libicui18n.so.{major}" : null;
        return name is not null && NativeLibrary.TryLoad(name, out var library) ? new Loaded(library, common.Major) : new Loaded(0, null);
    });

    private static Loaded Load()
    {
        foreach (var (name, major) in Candidates())
            if (NativeLibrary.TryLoad(name, out var library)) return new Loaded(library, major);
        throw new DllNotFoundException(
            "ICU's common library (libicuuc) was not found; install it (Debian and Ubuntu: apt-get install libicu-dev, or the libicuNN package of your release)");
    }

    /// <summary>The library names to try, best first: on Linux the newest libicuuc.so.N in a usual folder, then the
    /// unversioned name; elsewhere the platform's system ICU.</summary>
    private static IEnumerable<(string Name, string? Major)> Candidates()
    {
        if (OperatingSystem.IsMacOS()) { yield return ("libicucore.dylib", null); yield break; }
        if (OperatingSystem.IsWindows()) { yield return ("icuuc.dll", null); yield return ("icu.dll", null); yield break; }
        if (InstalledVersion() is { } version)
            yield return ($"libicuuc.so.{version}", version.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The newest ICU version with a libicuuc.so.N in a usual folder; null if none.</summary>
    private static int? InstalledVersion()
    {
        int? best = null;
        foreach (var folder in LibraryFolders)
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "libicuuc.so.*"))
            {
                var name = Path.GetFileName(file);
                if (!name.StartsWith("libicuuc.so.", StringComparison.Ordinal)) continue; // the pattern also matches "libicuuc.so"
                if (int.TryParse(name.AsSpan("libicuuc.so.".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                    && v is >= OldestVersion and <= NewestVersion && v > (best ?? 0))
                    best = v;
            }
        }
        return best;
    }
}
