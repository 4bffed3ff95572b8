using Icu;

namespace NewsletterPress.Text;

/// <summary>
/// Loads the system's ICU once per process. icu.net finds the library by trying every version it
/// supports, newest first, which costs a failed dlopen per version (tens of milliseconds); the
/// installed version is read from the library file names instead. Loading starts on a worker
/// thread as soon as a build begins, so that it overlaps reading the manifest and the articles.
/// </summary>
internal static class IcuLibrary
{
    private static readonly string[] LibraryFolders =
        ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"];

    private static readonly Lazy<Task> Loading = new(() => Task.Run(Load));

    /// <summary>Starts loading ICU in the background, if it has not started yet.</summary>
    public static void StartLoading() => _ = Loading.Value;

    /// <summary>Waits until ICU is loaded.</summary>
    public static void EnsureLoaded() => Loading.Value.GetAwaiter().GetResult();

    private static void Load()
    {
        if (InstalledVersion() is { } version) Wrapper.ConfineIcuVersions(version, version);
        Wrapper.Init();
    }

    /// <summary>The newest ICU version icu.net supports that has a libicuuc.so.N in a usual folder; null: let icu.net search.</summary>
    private static int? InstalledVersion()
    {
        if (!OperatingSystem.IsLinux()) return null;
        int? best = null;
        foreach (var folder in LibraryFolders.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(folder, "libicuuc.so.*"))
            {
                var name = Path.GetFileName(file);
                if (!name.StartsWith("libicuuc.so.", StringComparison.Ordinal)) continue; // the pattern also matches "libicuuc.so"
                if (int.TryParse(name.AsSpan("libicuuc.so.".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
                    && v >= Wrapper.MinSupportedIcuVersion && v <= Wrapper.MaxSupportedIcuVersion && v > (best ?? 0))
                    best = v;
            }
        return best;
    }
}
