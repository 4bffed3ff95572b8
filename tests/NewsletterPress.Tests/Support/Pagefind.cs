using System.Diagnostics;

namespace NewsletterPress.Tests.Support;

/// <summary>
/// Pagefind for the site tests, installed once from npm into artifacts/pagefind (as the benchmark installs Typst), from
/// the package.json beside the site tests. Its npm package ships the extended build, pagefind_extended, which
/// segments Japanese.
/// </summary>
internal static class Pagefind
{
    private static readonly Lazy<string> Installed = new(Install);

    /// <summary>The pagefind_extended program.</summary>
    public static string Executable => Installed.Value;

    private static string Install()
    {
        var folder = Repo.Path("artifacts", "pagefind");
        var program = Path.Combine(folder, "node_modules", "@pagefind", "linux-x64", "bin", "pagefind_extended");
        if (File.Exists(program)) return program;
        Directory.CreateDirectory(folder);
        File.Copy(Repo.Path("tests", "NewsletterPress.Tests", "Site", "pagefind", "package.json"), Path.Combine(folder, "package.json"), overwrite: true);
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "install", "--no-audit", "--no-fund", "--loglevel=error" }) npm.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(npm)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(program))
                throw new InvalidOperationException($"npm install pagefind failed in {folder} (exit {process.ExitCode}): {errors}{output.Result}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("the site tests need npm to install Pagefind (apt-get install nodejs npm; .ci/run does)", e);
        }
        return program;
    }
}
