using System.Collections.Concurrent;
using NewsletterPress.Diagnostics;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Preflight;

/// <summary>
/// Issues written in process with a profile, once per test run, for the conformance tests to read
/// and to plant failures in. Each is exactly what `build --profile` writes.
/// </summary>
internal static class ProfileBuilds
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "np-profiles-" + Guid.NewGuid().ToString("N"));
    private static readonly ConcurrentDictionary<(string, PdfProfile), Lazy<string>> Builds = new();

    static ProfileBuilds() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    };

    /// <summary>The PDF of a repository issue folder ("issues/vol-11", "samples/…") in a profile.</summary>
    public static string Get(string issue, PdfProfile profile) =>
        Builds.GetOrAdd((issue, profile), key => new Lazy<string>(() => Build(key.Item1, key.Item2))).Value;

    public static string ScratchFolder()
    {
        var folder = Path.Combine(Folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Build(string issue, PdfProfile profile)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, issue.Replace('/', '-') + "-" + profile + ".pdf");
        // As the command line builds it: the archive profile attaches the sources and fonts only there.
        IssueBuild.ToPdf(Repo.Path(issue), path, new PdfWriterOptions(Profile: profile));
        return path;
    }
}
