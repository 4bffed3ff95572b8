using System.Diagnostics;
using NewsletterPress.Tests.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Reliability;

/// <summary>A build killed with SIGKILL while it writes leaves a temporary file beside the output; the next
/// build of the same output removes it, and the previous PDF is never damaged.</summary>
public class KilledBuildTests
{
    [Fact]
    public void A_build_killed_during_its_write_leaves_nothing_after_the_next_build()
    {
        using var folder = new TempFolder();
        var pdf = folder.File("vol-11-archive.pdf");
        // The archive profile writes vol-11 with its fonts (about 11 MB, then fsync): a window wide enough to kill in.
        string[] build = ["build", "issues/vol-11", "--profile", "archive", "--out", pdf];
        Assert.Equal(0, Cli.Run(Repo.Root, build).ExitCode);
        var good = File.ReadAllBytes(pdf);

        int killed = 0;
        for (int attempt = 0; attempt < 8 && killed < 2; attempt++)
            if (KillWhileWriting(build, folder.Path)) killed++;
        Assert.True(killed > 0, "no build could be killed while its temporary file existed");
        Assert.NotEmpty(Temporaries(folder.Path));
        Assert.Equal(good, File.ReadAllBytes(pdf)); // the previous PDF is intact

        var r = Cli.Run(Repo.Root, build);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Empty(Temporaries(folder.Path));
        Assert.Equal(good, File.ReadAllBytes(pdf));
    }

    private static IEnumerable<string> Temporaries(string folder) => Directory.EnumerateFiles(folder, ".*.tmp");

    /// <summary>Starts the build and sends SIGKILL as soon as its temporary file appears; false when it finished first.</summary>
    private static bool KillWhileWriting(string[] arguments, string outFolder)
    {
        var before = Temporaries(outFolder).Count();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsletterpress.dll"));
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            if (Temporaries(outFolder).Count() > before)
            {
                process.Kill(); // SIGKILL on Unix
                process.WaitForExit();
                return true;
            }
            Thread.Sleep(1);
        }
        process.WaitForExit();
        return false;
    }
}
