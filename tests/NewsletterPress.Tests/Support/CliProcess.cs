using System.Collections.Concurrent;
using System.Diagnostics;

namespace NewsletterPress.Tests.Support;

/// <summary>The command-line tool running in the background (watch), its output read line by line as it comes;
/// killed when disposed.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _all = new();

    public CliProcess(string workingDirectory, params string[] arguments)
    {
        _process = new Process { StartInfo = Cli.StartInfo(workingDirectory, arguments) };
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        _all.Enqueue(line);
        _lines.Add(line);
    }

    /// <summary>Everything printed so far (standard output and error), for failure messages.</summary>
    public string Output => string.Join("\n", _all);

    /// <summary>Waits up to <paramref name="limit"/> for a line (of standard output or error) that matches; the lines
    /// read on the way are consumed.</summary>
    public string? WaitFor(Func<string, bool> match, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out var line, left)) return null;
            if (match(line)) return line;
        }
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(10_000);
        _process.Dispose();
        _lines.Dispose();
    }
}
