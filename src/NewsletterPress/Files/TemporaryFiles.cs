using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsletterPress.Files;

/// <summary>
/// The temporary files an output is written to before it is renamed into place:
/// ".NAME.PID.GUID.tmp" beside the output. A build killed while writing leaves one behind; the
/// next build of the same output removes those that are older than itself and whose writer is
/// no longer running, so that killed builds do not pile up hidden files.
/// </summary>
public static partial class TemporaryFiles
{
    public static string For(string output) =>
        Path.Combine(Path.GetDirectoryName(output) ?? ".",
            $".{Path.GetFileName(output)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}.tmp");

    /// <summary>Removes what earlier, killed writers of <paramref name="output"/> left; never fails the build.</summary>
    public static void RemoveStale(string output)
    {
        var folder = Path.GetDirectoryName(output) ?? ".";
        var prefix = "." + Path.GetFileName(output) + ".";
        DateTime started;
        using (var self = Process.GetCurrentProcess()) started = self.StartTime.ToUniversalTime();
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
            {
                var match = Name().Match(Path.GetFileName(file)[prefix.Length..]);
                if (!match.Success || File.GetLastWriteTimeUtc(file) >= started) continue;
                if (match.Groups[1].Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var pid
                    && pid != Environment.ProcessId && IsRunning(pid)) continue;
                File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a file we cannot remove does not stop the build.
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    // Writers before the process id was part of the name wrote ".NAME.GUID.tmp".
    [GeneratedRegex("^(?:([0-9]{1,9})\\.)?[0-9a-f]{32}\\.tmp$")]
    private static partial Regex Name();
}
