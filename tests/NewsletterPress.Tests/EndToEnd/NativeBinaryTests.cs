using System.Diagnostics;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.EndToEnd;

/// <summary>
/// The README's first command, <c>./newsletterpress</c>, publishes the Native AOT binary once and then reuses it; the
/// native binary builds vol-11 to exactly the bytes of the JIT build the other tests run.
/// </summary>
public class NativeBinaryTests : IClassFixture<Vol11Build>
{
    private readonly Vol11Build _jit;

    public NativeBinaryTests(Vol11Build jit) => _jit = jit;

    [Fact]
    public void The_native_binary_builds_vol11_to_the_bytes_of_the_jit_build_and_is_published_once()
    {
        Assert.True(OnPath("clang") && OnPath("ld.lld"), "clang and lld link the native binary: apt-get install clang lld (.ci/run does)");
        Assert.True(_jit.Result.ExitCode == 0, _jit.Result.StdErr);
        var folder = Path.Combine(Path.GetTempPath(), "np-native-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // First run: publishes if the sources changed since the last publish (in CI, always), then builds.
            var first = Script(Path.Combine(folder, "first.pdf"));
            Assert.True(first.ExitCode == 0, first.StdErr);
            var binary = Repo.Path("artifacts", "native", "linux-x64", "newsletterpress");
            Assert.True(File.Exists(binary), $"no native binary at {binary}: {first.StdErr}");
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(binary)!, "newsletterpress.dll")),
                "a native publish has no managed assembly beside the binary");
            Assert.Equal(File.ReadAllBytes(_jit.Pdf), File.ReadAllBytes(Path.Combine(folder, "first.pdf")));

            // Second run: the binary is reused, not published again.
            var published = File.GetLastWriteTimeUtc(binary);
            var second = Script(Path.Combine(folder, "second.pdf"));
            Assert.True(second.ExitCode == 0, second.StdErr);
            Assert.DoesNotContain("publishing", second.StdErr, StringComparison.Ordinal);
            Assert.Equal(published, File.GetLastWriteTimeUtc(binary));
            Assert.Equal(File.ReadAllBytes(_jit.Pdf), File.ReadAllBytes(Path.Combine(folder, "second.pdf")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs <c>./newsletterpress build issues/vol-11 --out PDF</c> from the repository's root, as the README says.</summary>
    private static Cli.Result Script(string pdf)
    {
        var info = new ProcessStartInfo(Repo.Path("newsletterpress"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var a in new[] { "build", "issues/vol-11", "--out", pdf }) info.ArgumentList.Add(a);
        info.Environment.Remove("NEWSLETTERPRESS_NATIVE");
        info.Environment.Remove("SOURCE_DATE_EPOCH");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A Native AOT publish takes about three minutes of CPU; on a busy 2-core machine, several of wall time.
        if (!process.WaitForExit(TimeSpan.FromMinutes(12)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("./newsletterpress did not finish in 12 minutes");
        }
        return new Cli.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
