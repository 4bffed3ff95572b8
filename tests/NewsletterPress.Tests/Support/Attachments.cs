using System.Diagnostics;
using NewsletterPress.Tests.Pdf;

namespace NewsletterPress.Tests.Support;

/// <summary>A PDF's attached files as qpdf lists and shows them.</summary>
internal static class Attachments
{
    /// <summary>The names of the attached files, in qpdf's order (the name tree's).</summary>
    public static List<string> Names(string pdf) =>
        [.. PdfTools.Ok("qpdf", "--list-attachments", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(" -> ")[0].Trim())];

    /// <summary>The bytes of one attachment, exactly as qpdf decodes them.</summary>
    public static byte[] Bytes(string pdf, string name)
    {
        var info = new ProcessStartInfo("qpdf") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("--show-attachment=" + name);
        info.ArgumentList.Add(pdf);
        using var process = Process.Start(info)!;
        using var buffer = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(buffer);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return buffer.ToArray();
    }
}
