using NewsletterPress.Diagnostics;
using NewsletterPress.Preflight;
using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress;

/// <summary>
/// The check command on an issue folder: the volume composed as build would compose it, its PDF written in memory and
/// preflighted by exactly the checks a PDF from any tool gets, plus what only the layout knows.
/// </summary>
public static class IssueCheck
{
    /// <param name="profile">screen, print, print-x1a or archive (<see cref="ProfileNames"/>).</param>
    /// <param name="requested">The writer options a build would be given (image resolution, print condition); the
    /// profile is <paramref name="profile"/>'s.</param>
    public static PreflightReport Check(string issueFolder, string profile, PdfWriterOptions? requested = null)
    {
        var rules = PreflightRules.For(profile);
        var warnings = new WarningLog();
        var composed = IssueBuild.Compose(issueFolder, warnings);
        var options = IssueBuild.WriterOptions(composed.Issue, (requested ?? PdfWriterOptions.Default) with { Profile = ProfileNames.Parse(profile) });
        // The file written in memory records the page multiple the issue asks for (pages.multiple-of, else 4), and the
        // check reads it from there, as check --pdf does from the built file.
        return Preflight.Preflight.Check(composed.Issue.FullTitle, composed.Document, warnings.All, rules, options) with { Layout = composed.Layout };
    }
}
