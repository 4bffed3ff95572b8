using System.CommandLine;
using NewsletterPress;
using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Rendering.Proof;
using NewsletterPress.Preflight;

// The command line only parses arguments, calls one function per command (IssueBuild.ToPdf,
// IssueCheck.Check or PdfPreflight.Check, IssueProof.Render) and turns failures into messages
// and exit codes: 0 success, 1 bad input (file:line:col: error: …), 2 bad usage,
// 3 an internal error (a bug: reported without a stack trace unless NEWSLETTERPRESS_DEBUG is set).

var build = BuildCommand();
var check = CheckCommand();

static Command BuildCommand()
{
    var issue = new IssueOptions();
    var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write the PDF (default: out/<newsletter>-vol-<N>.pdf; ../out/ when run inside the issue folder)" };
    var drafts = new Option<bool>("--drafts") { Description = "Build the articles marked draft: true too (left out otherwise)" };
    var build = issue.AddTo(new Command("build", "Typeset an issue folder into a PDF") { output, drafts });
    build.SetAction(parse => Run(() =>
    {
        var result = IssueBuild.ToPdf(issue.Folder(parse), parse.GetValue(output)?.FullName, issue.WriterOptions(parse), drafts: parse.GetValue(drafts));
        foreach (var w in result.Warnings) Console.Error.WriteLine(w);
        Console.WriteLine($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), result.OutputPath)} ({result.Pages} {(result.Pages == 1 ? "page" : "pages")})");
        return 0;
    }));
    return build;
}

static Command CheckCommand()
{
    var issue = new IssueOptions();
    var checkPdf = new Option<FileInfo?>("--pdf") { Description = "Check this PDF (from any tool) instead of an issue folder" };
    var checkJson = new Option<bool>("--json") { Description = "Print the report as JSON" };
    var check = issue.AddTo(new Command("check", "Preflight an issue without writing a PDF: fonts, images, kinsoku and spacing, links, warnings")
    {
        checkJson, checkPdf,
    });
    check.SetAction(parse => Run(() =>
    {
        var profileName = parse.GetValue(issue.Profile)!;
        var report = parse.GetValue(checkPdf) is { } pdf
            ? PdfPreflight.Check(pdf.FullName, PreflightRules.For(profileName))
            : IssueCheck.Check(issue.Folder(parse), profileName, issue.WriterOptions(parse));
        Console.Write(parse.GetValue(checkJson) ? ReportWriter.ToJson(report) + "\n" : ReportWriter.ToText(report));
        return report.HasErrors ? 1 : 0;
    }));
    return check;
}

var proofFolder = new IssueOptions().Issue;
var proofOut = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for page-NNN.png and contact-sheet.png (default: proofs/; ../proofs/ when run inside the issue folder)" };
var proofDiff = new Option<FileSystemInfo?>("--diff") { Description = "An earlier proofs folder or PDF: list the pages that changed and mark the changed areas" };
var proofDpi = new Option<int>("--dpi") { Description = $"Resolution of the page images, {ProofRenderer.MinDpi} to {ProofRenderer.MaxDpi}", DefaultValueFactory = _ => 100 };
var proof = new Command("proof", "Render every page to PNG (and a contact sheet) without a PDF viewer") { proofFolder, proofOut, proofDiff, proofDpi };
proof.SetAction(parse => Run(() =>
{
    int dpi = parse.GetValue(proofDpi);
    if (dpi is < ProofRenderer.MinDpi or > ProofRenderer.MaxDpi)
        throw new InputException(SourcePosition.Named("--dpi"), $"the proof resolution must be from {ProofRenderer.MinDpi} to {ProofRenderer.MaxDpi} dpi, not {dpi}");
    var issueFolder = NewsletterPress.Manifest.IssueLoader.FolderOf(parse.GetValue(proofFolder)!);
    var outFolder = parse.GetValue(proofOut)?.FullName ?? OutputPaths.DefaultFolder(issueFolder, "proofs");
    OutputPaths.CheckFolder(outFolder, issueFolder);
    var old = parse.GetValue(proofDiff)?.FullName;
    if (old is not null && FileKinds.Of(old).Kind is not (FileKind.Directory or FileKind.Regular))
        throw new InputException(SourcePosition.Named("--diff"), $"the earlier proofs '{old}' are {FileKinds.Describe(FileKinds.Of(old).Kind)}; name a proofs folder or a PDF");
    if (old is not null && Path.GetFullPath(old) == Path.GetFullPath(outFolder))
        throw new InputException(SourcePosition.Named("--diff"), "--diff must name a different folder than --out (keep the earlier proofs aside)");
    var result = IssueProof.Render(issueFolder, outFolder, dpi, old);
    foreach (var w in result.Warnings) Console.Error.WriteLine(w);
    Console.WriteLine($"wrote {result.Pages} pages and contact-sheet.png to {Path.GetRelativePath(Directory.GetCurrentDirectory(), outFolder)}");
    if (result.Changes is { } changes)
        Console.WriteLine(changes.Count == 0 ? "no page changed" : "changed pages: " + string.Join(", ", changes.Select(c => c.Number)));
    return 0;
}));

var root = new RootCommand("NewsletterPress: typesets a newsletter issue (issue.yaml + Markdown articles) into a print-ready PDF")
{
    build, check, proof, ExtractCommand(), NewCommand.Create(Run), FontsCommand.Create(Run), WatchCommand.Create(Run), SiteCommand.Create(Run),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var e in parsed.Errors) Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("run 'newsletterpress --help' for usage");
    return 2;
}
return parsed.Invoke();

// extract FILE.pdf [--out DIR]: an archive PDF's sources back into an issue folder.
static Command ExtractCommand()
{
    var pdf = new Argument<FileInfo>("pdf") { Description = "An archive PDF (built with --profile archive)" };
    var outFolder = new Option<DirectoryInfo?>("--out", "-o") { Description = "The new folder for the sources (default: the PDF's name without .pdf, here)" };
    var extract = new Command("extract", "Write the sources an archive PDF carries back into an issue folder, ready to build") { pdf, outFolder };
    extract.SetAction(parse => Run(() =>
    {
        var result = NewsletterPress.Archive.SourceExtractor.Extract(parse.GetValue(pdf)!.FullName, parse.GetValue(outFolder)?.FullName);
        Console.WriteLine($"wrote {result.Files} files to {Path.GetRelativePath(Directory.GetCurrentDirectory(), result.Folder)}");
        return 0;
    }));
    return extract;
}

static int Run(Func<int> action)
{
    try
    {
        return action();
    }
    catch (InputException e)
    {
        Console.Error.Write(ErrorReport.Format(e));
        return 1;
    }
    catch (PdfWriterException e)
    {
        Console.Error.WriteLine(e.File is { } file ? $"{SourcePosition.DisplayPath(file)}: error: {e.Message}" : $"error: {e.Message}");
        return 1;
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        // The file system refused a read or a write the checks before could not foresee (a disk
        // that filled up, a permission): the message names the path.
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
    catch (Exception e) when (Environment.GetEnvironmentVariable("NEWSLETTERPRESS_DEBUG") is null)
    {
        Console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
        Console.Error.WriteLine("this is a bug in NewsletterPress; please report it with the issue folder (set NEWSLETTERPRESS_DEBUG=1 for details)");
        return 3;
    }
}

/// <summary>--print-condition FILE.icc with its --print-condition-id: a printing condition for one build.</summary>
internal static class PrintConditions
{
    public static PrintOutputIntent? FromCommandLine(FileInfo? icc, string? identifier, string? name)
    {
        if (icc is null)
        {
            if (identifier is not null || name is not null)
                throw new InputException(null, "--print-condition-id and --print-condition-name describe a --print-condition FILE.icc; give the profile too");
            return null;
        }
        if (!icc.Exists)
            throw new InputException(null, $"the print condition's profile '{icc.FullName}' does not exist");
        if (string.IsNullOrWhiteSpace(identifier))
            throw new InputException(null, "name the printing condition of --print-condition with --print-condition-id (e.g. JC200103 for Japan Color 2001 Coated, FOGRA39)");
        return new PrintOutputIntent(File.ReadAllBytes(icc.FullName), identifier, name) { ProfilePath = icc.FullName };
    }
}
