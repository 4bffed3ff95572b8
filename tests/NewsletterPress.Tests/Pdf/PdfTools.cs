using System.Diagnostics;

namespace NewsletterPress.Tests.Pdf;

/// <summary>Runs the real PDF readers installed on the machine (qpdf, poppler, mupdf, ghostscript).</summary>
internal static class PdfTools
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in 60 s.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs and asserts exit code 0, returning standard output.</summary>
    public static string Ok(string program, params string[] arguments)
    {
        var result = Run(program, arguments);
        Assert.True(result.ExitCode == 0,
            $"{program} {string.Join(' ', arguments)} exited {result.ExitCode}\nstdout: {result.StdOut}\nstderr: {result.StdErr}");
        return result.StdOut;
    }

    /// <summary>The file with every stream decompressed and no object streams, for searching its text.</summary>
    public static string Uncompressed(string pdfPath)
    {
        var qdf = pdfPath + ".qdf.pdf";
        Ok("qpdf", "--qdf", "--object-streams=disable", pdfPath, qdf);
        return File.ReadAllText(qdf, System.Text.Encoding.Latin1);
    }

    /// <summary>Collapses runs of white space so that extraction can be compared without layout noise.</summary>
    public static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
