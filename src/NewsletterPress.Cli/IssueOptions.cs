using System.CommandLine;
using NewsletterPress.Manifest;
using NewsletterPress.Rendering.Pdf;

/// <summary>
/// The argument and options every command that builds an issue takes (build, check, watch), so
/// that a flag that works for one works for the others: the issue (a folder or its issue.yaml,
/// "." by default), the profile, image resolution and the print condition.
/// </summary>
internal sealed class IssueOptions
{
    public Argument<string> Issue { get; } = new("issue")
    {
        Description = "The issue folder, e.g. issues/vol-11, or its issue.yaml (default: the current folder)",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    public Option<string> Profile { get; } = new("--profile", "-p")
    {
        Description = "screen (default; tagged), print (PDF/X-4 with bleed and crop marks), print-x1a (PDF/X-1a:2001) or archive (PDF/A-3u with the issue's sources attached)",
        DefaultValueFactory = _ => "screen",
    };

    public Option<double> MaxImageDpi { get; } = new("--max-image-dpi")
    {
        Description = "Downsample images placed at a higher effective resolution than this (0: never)",
        DefaultValueFactory = _ => PdfWriterOptions.Default.MaxImageDpi,
    };

    public Option<FileInfo?> PrintCondition { get; } = new("--print-condition")
    {
        Description = "For print profiles: the print shop's CMYK output profile (an .icc file), overriding the issue's style for this build; name it with --print-condition-id",
    };

    public Option<string?> PrintConditionId { get; } = new("--print-condition-id")
    {
        Description = "The printing condition's registered name for --print-condition, e.g. JC200103 (Japan Color 2001 Coated)",
    };

    public Option<string?> PrintConditionName { get; } = new("--print-condition-name")
    {
        Description = "A readable description of the printing condition, e.g. \"Japan Color 2001 Coated\"",
    };

    public IssueOptions() => Profile.AcceptOnlyFromAmong(ProfileNames.All);

    /// <summary>Adds the argument and the options to <paramref name="command"/>.</summary>
    public Command AddTo(Command command)
    {
        command.Arguments.Add(Issue);
        foreach (var option in new Option[] { Profile, MaxImageDpi, PrintCondition, PrintConditionId, PrintConditionName })
            command.Options.Add(option);
        return command;
    }

    /// <summary>The issue folder, full path: the argument, or the folder of the issue.yaml it names.</summary>
    public string Folder(ParseResult parse) => IssueLoader.FolderOf(parse.GetValue(Issue) ?? ".");

    public PdfWriterOptions WriterOptions(ParseResult parse) => PdfWriterOptions.Default with
    {
        Profile = ProfileNames.Parse(parse.GetValue(Profile)!),
        MaxImageDpi = parse.GetValue(MaxImageDpi),
        PrintIntent = PrintConditions.FromCommandLine(parse.GetValue(PrintCondition), parse.GetValue(PrintConditionId), parse.GetValue(PrintConditionName)),
    };
}
