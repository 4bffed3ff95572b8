using System.Diagnostics;
using NewsletterPress.Diagnostics;

namespace NewsletterPress.Site;

/// <summary>
/// The full-text search: Pagefind (pagefind.app, from npm: <c>npm install pagefind</c>) indexes the written site into
/// its pagefind/ folder, static files that the browser searches with no server. Its extended build segments Japanese
/// into words, which a search for 寄附 needs. Every page goes into one index in the archive's language, so that one
/// search finds the Japanese and the English articles alike (Pagefind would otherwise keep an index per language and
/// search only the one of the page the reader is on). Pagefind is a program of its own, not a library: there is no
/// .NET search index that segments Japanese, hence the process.
/// </summary>
internal static class SearchIndex
{
    /// <summary>The program to run: <paramref name="given"/> (--pagefind), else pagefind_extended or pagefind on the
    /// PATH, else node_modules/.bin/pagefind under <paramref name="near"/>; null when there is none.</summary>
    public static string? Find(string? given, IEnumerable<string> near)
    {
        if (given is not null) return given;
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries) ?? [];
        foreach (var name in new[] { "pagefind_extended", "pagefind" })
            foreach (var folder in path)
                if (File.Exists(Path.Combine(folder, name))) return Path.Combine(folder, name);
        return near.Select(folder => Path.Combine(folder, "node_modules", ".bin", "pagefind")).FirstOrDefault(File.Exists);
    }

    public static void Build(string pagefind, string siteFolder, string language)
    {
        var start = new ProcessStartInfo(pagefind)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--site", siteFolder, "--force-language", language.Split('-')[0], "--quiet" })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InputException(SourcePosition.Named("--pagefind"), $"cannot run Pagefind '{pagefind}': {e.Message}; install it with 'npm install pagefind' or leave the search out with --no-search");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InputException(SourcePosition.Named("--pagefind"),
                    $"Pagefind failed (exit {process.ExitCode}) while indexing {siteFolder}:\n{errors}{output.Result}".TrimEnd());
        }
    }
}
