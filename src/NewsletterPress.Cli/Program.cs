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

var folder = new Argument<DirectoryInfo>("issue-folder") { Description = "The issue folder, e.g. issues/vol-11 (holds issue.yaml)" };
var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write the PDF (default: out/<newsletter>-vol-<N>.pdf)" };
var profile = new Option<string>("--profile", "-p")
{
    Description = "screen (default; tagged), print (PDF/X-4 with bleed and crop marks), print-x1a (PDF/X-1a:2001) or archive (PDF/A-3u with the issue's sources attached)",
    DefaultValueFactory = _ => "screen",
};
profile.AcceptOnlyFromAmong(ProfileNames.All);
var maxImageDpi = new Option<double>("--max-image-dpi")
{
    Description = "Downsample images placed at a higher effective resolution than this (0: never)",
    DefaultValueFactory = _ => PdfWriterOptions.Default.MaxImageDpi,
};
var printCondition = new Option<FileInfo?>("--print-condition")
{
    Description = "For print profiles: the print shop's CMYK output profile (an .icc file), overriding the issue's style for this build; name it with --print-condition-id",
};
var printConditionId = new Option<string?>("--print-condition-id")
{
    Description = "The printing condition's registered name for --print-condition, e.g. JC200103 (Japan Color 2001 Coated)",
};
var printConditionName = new Option<string?>("--print-condition-name")
{
    Description = "A readable description of the printing condition, e.g. \"Japan Color 2001 Coated\"",
};
var drafts = new Option<bool>("--drafts") { Description = "Build the articles marked draft: true too (left out otherwise)" };
var build = new Command("build", "Typeset an issue folder into a PDF")
{
    folder, output, profile, maxImageDpi, printCondition, printConditionId, printConditionName, drafts,
};
build.SetAction(parse => Run(() =>
{
    var result = IssueBuild.ToPdf(parse.GetValue(folder)!.FullName, parse.GetValue(output)?.FullName,
        PdfWriterOptions.Default with
        {
            Profile = ProfileNames.Parse(parse.GetValue(profile)!),
            MaxImageDpi = parse.GetValue(maxImageDpi),
            PrintIntent = PrintConditions.FromCommandLine(parse.GetValue(printCondition), parse.GetValue(printConditionId), parse.GetValue(printConditionName)),
        }, drafts: parse.GetValue(drafts));
    foreach (var w in result.Warnings) Console.Error.WriteLine(w);
    Console.WriteLine($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), result.OutputPath)} ({result.Pages} {(result.Pages == 1 ? "page" : "pages")})");
    return 0;
}));

var checkFolder = new Argument<DirectoryInfo?>("issue-folder") { Description = "The issue folder to check", Arity = ArgumentArity.ZeroOrOne };
var checkPdf = new Option<FileInfo?>("--pdf") { Description = "Check this PDF (from any tool) instead of an issue folder" };
var checkProfile = new Option<string>("--profile") { Description = "The output the check is for: screen, print, print-x1a or archive", DefaultValueFactory = _ => "screen" };
checkProfile.AcceptOnlyFromAmong(ProfileNames.All);
var checkJson = new Option<bool>("--json") { Description = "Print the report as JSON" };
var check = new Command("check", "Preflight an issue without writing a PDF: fonts, images, kinsoku and spacing, links, warnings")
{
    checkFolder, checkProfile, checkJson, checkPdf,
};
check.SetAction(parse => Run(() =>
{
    var profileName = parse.GetValue(checkProfile)!;
    var report = parse.GetValue(checkPdf) is { } pdf
        ? PdfPreflight.Check(pdf.FullName, PreflightRules.For(profileName))
        : IssueCheck.Check((parse.GetValue(checkFolder) ?? throw new InputException(null, "name an issue folder to check, or a PDF with --pdf FILE")).FullName,
            profileName);
    Console.Write(parse.GetValue(checkJson) ? ReportWriter.ToJson(report) + "\n" : ReportWriter.ToText(report));
    return report.HasErrors ? 1 : 0;
}));

var proofFolder = new Argument<DirectoryInfo>("issue-folder") { Description = "The issue folder to proof" };
var proofOut = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for page-NNN.png and contact-sheet.png", DefaultValueFactory = _ => new DirectoryInfo("proofs") };
var proofDiff = new Option<FileSystemInfo?>("--diff") { Description = "An earlier proofs folder or PDF: list the pages that changed and mark the changed areas" };
var proofDpi = new Option<int>("--dpi") { Description = $"Resolution of the page images, {ProofRenderer.MinDpi} to {ProofRenderer.MaxDpi}", DefaultValueFactory = _ => 100 };
var proof = new Command("proof", "Render every page to PNG (and a contact sheet) without a PDF viewer") { proofFolder, proofOut, proofDiff, proofDpi };
proof.SetAction(parse => Run(() =>
{
    int dpi = parse.GetValue(proofDpi);
    if (dpi is < ProofRenderer.MinDpi or > ProofRenderer.MaxDpi)
        throw new InputException(SourcePosition.Named("--dpi"), $"the proof resolution must be from {ProofRenderer.MinDpi} to {ProofRenderer.MaxDpi} dpi, not {dpi}");
    var outFolder = parse.GetValue(proofOut)!.FullName;
    var old = parse.GetValue(proofDiff)?.FullName;
    if (old is not null && FileKinds.Of(old).Kind is not (FileKind.Directory or FileKind.Regular))
        throw new InputException(SourcePosition.Named("--diff"), $"the earlier proofs '{old}' are {FileKinds.Describe(FileKinds.Of(old).Kind)}; name a proofs folder or a PDF");
    if (old is not null && Path.GetFullPath(old) == Path.GetFullPath(outFolder))
        throw new InputException(SourcePosition.Named("--diff"), "--diff must name a different folder than --out (keep the earlier proofs aside)");
    var result = IssueProof.Render(parse.GetValue(proofFolder)!.FullName, outFolder, dpi, old);
    foreach (var w in result.Warnings) Console.Error.WriteLine(w);
    Console.WriteLine($"wrote {result.Pages} pages and contact-sheet.png to {Path.GetRelativePath(Directory.GetCurrentDirectory(), outFolder)}");
    if (result.Changes is { } changes)
        Console.WriteLine(changes.Count == 0 ? "no page changed" : "changed pages: " + string.Join(", ", changes.Select(c => c.Number)));
    return 0;
}));

var root = new RootCommand("NewsletterPress: typesets a newsletter issue (issue.yaml + Markdown articles) into a print-ready PDF")
{
    build, check, proof, ExtractCommand(),
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
        Console.Error.WriteLine(e.ToString());
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
