using System.Diagnostics;

namespace NewsletterPress.Tests.Support;

/// <summary>Runs the real command-line tool (newsletterpress.dll beside the tests) in a child process.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string workingDirectory, params string[] arguments) =>
        RunWith(new Dictionary<string, string>(), workingDirectory, arguments);

    /// <summary>Runs with extra environment variables (SOURCE_DATE_EPOCH, …).</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments) =>
        RunWithin(TimeSpan.FromSeconds(120), environment, workingDirectory, arguments);

    /// <summary>Runs with a time limit: an input that makes the tool hang fails the test instead of stalling it.</summary>
    public static Result RunWithin(TimeSpan limit, IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments)
    {
        var info = StartInfo(workingDirectory, arguments);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"newsletterpress {string.Join(' ', arguments)} did not finish in {limit.TotalSeconds:0} s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The tool with its output redirected, without the debug and build-date variables of the test run.</summary>
    internal static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsletterpress.dll"));
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment.Remove("NEWSLETTERPRESS_DEBUG");
        info.Environment.Remove("SOURCE_DATE_EPOCH");
        return info;
    }
}
