using System.CommandLine;
using System.Diagnostics;
using NewsletterPress;
using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using NewsletterPress.Rendering.Proof;
using NewsletterPress.Watch;

/// <summary>
/// <c>newsletterpress watch [ISSUE]</c>: builds, then rebuilds on every change in the issue folder, in one
/// process that stays warm (fonts read, ICU loaded, code compiled), printing the time and warnings of
/// each build; with --proofs DIR it refreshes the PNG proofs and says which pages changed. An error is
/// printed and the watch goes on. Ctrl+C ends it.
/// </summary>
internal static class WatchCommand
{
    /// <summary>How long the folder must be quiet after a save before the rebuild starts.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    public static Command Create(Func<Func<int>, int> run)
    {
        var issue = new IssueOptions();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write the PDF (as for build)" };
        var proofs = new Option<DirectoryInfo?>("--proofs") { Description = "Refresh the PNG proofs in this folder after each build and list the pages that changed" };
        var command = issue.AddTo(new Command("watch", "Build the issue, then rebuild it on every change in its folder (Ctrl+C to stop)") { output, proofs });
        command.SetAction(parse =>
        {
            string folder = "";
            // The issue and the options are checked once: a watch of a folder that is not there ends at once.
            int ready = run(() =>
            {
                folder = issue.Folder(parse);
                if (FileKinds.Of(folder).Kind != FileKind.Directory)
                    throw new InputException(SourcePosition.WholeFile(folder), $"the issue folder '{SourcePosition.DisplayPath(folder)}' does not exist");
                if (parse.GetValue(proofs) is { } dir) OutputPaths.CheckFolder(dir.FullName, folder);
                issue.WriterOptions(parse);
                return 0;
            });
            if (ready != 0) return ready;

            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            using var watcher = new FolderWatcher(folder, Quiet);
            Console.WriteLine($"watching {SourcePosition.DisplayPath(folder)} (Ctrl+C to stop)");
            Build(run, issue, parse, folder, parse.GetValue(output)?.FullName, parse.GetValue(proofs)?.FullName, "built");
            while (watcher.NextChangeAsync(stop.Token).GetAwaiter().GetResult())
                Build(run, issue, parse, folder, parse.GetValue(output)?.FullName, parse.GetValue(proofs)?.FullName, "rebuilt");
            return 0;
        });
        return command;
    }

    private static void Build(Func<Func<int>, int> run, IssueOptions issue, ParseResult parse, string folder, string? output, string? proofs, string verb)
    {
        var clock = Stopwatch.StartNew();
        run(() =>
        {
            var result = IssueBuild.ToPdf(folder, output, issue.WriterOptions(parse));
            var time = clock.ElapsedMilliseconds;
            foreach (var w in result.Warnings) Console.Error.WriteLine(w);
            var warnings = result.Warnings.Count switch { 0 => "no warnings", 1 => "1 warning", var n => $"{n} warnings" };
            Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {verb} in {time} ms: {SourcePosition.DisplayPath(result.OutputPath)} " +
                $"({result.Pages} {(result.Pages == 1 ? "page" : "pages")}), {warnings}");
            if (proofs is not null && result.Document is { } document)
                Console.WriteLine(RefreshProofs(document, proofs));
            return 0;
        });
        Console.Out.Flush();
    }

    /// <summary>Renders the pages beside the earlier proofs, compares them, then puts the new ones in place.</summary>
    private static string RefreshProofs(NewsletterPress.Display.DisplayDocument document, string folder)
    {
        var next = Path.Combine(folder, ".next");
        using (var renderer = new ProofRenderer())
        {
            var pages = renderer.RenderAll(document, next);
            bool first = !File.Exists(Path.Combine(folder, ProofRenderer.PageFileName(1)));
            foreach (var stale in Directory.EnumerateFiles(folder, "diff-*.png")) File.Delete(stale);
            var changes = first ? [] : ProofDiff.Compare(folder, pages, folder);
            foreach (var page in pages) File.Move(page, Path.Combine(folder, Path.GetFileName(page)), overwrite: true);
            for (int n = pages.Count + 1; File.Exists(Path.Combine(folder, ProofRenderer.PageFileName(n))); n++)
                File.Delete(Path.Combine(folder, ProofRenderer.PageFileName(n)));
            Directory.Delete(next, recursive: true);
            return first ? $"proofs: {pages.Count} pages in {SourcePosition.DisplayPath(folder)}"
                : changes.Count == 0 ? "proofs: no page changed"
                : "proofs: changed pages " + string.Join(", ", changes.Select(c => c.Number));
        }
    }
}
