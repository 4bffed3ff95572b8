using NewsletterPress.Diagnostics;
using NewsletterPress.Files;
using NewsletterPress.Rendering.Pdf;
using NewsletterPress.Rendering.Proof;

namespace NewsletterPress;

/// <summary>What the proof command made: how many page images, the warnings of the build, and the pages that
/// changed since the earlier proofs (null when there were none to compare with).</summary>
public sealed record ProofResult(int Pages, IReadOnlyList<Warning> Warnings, IReadOnlyList<ChangedPage>? Changes);

/// <summary>
/// The proof command: every page of the volume as page-NNN.png, rendered from the display list the PDF writer gets,
/// a contact sheet, and, given earlier proofs (a folder) or an earlier PDF, the pages that changed.
/// </summary>
public static class IssueProof
{
    public static ProofResult Render(string issueFolder, string outFolder, int dpi, string? earlier)
    {
        var warnings = new WarningLog();
        var (_, document) = IssueBuild.Compose(issueFolder, warnings);
        OutputPaths.CheckFolder(outFolder, issueFolder);
        using var renderer = new ProofRenderer(dpi);
        var pages = renderer.RenderAll(document, outFolder);
        ContactSheet.Write(pages, Path.Combine(outFolder, "contact-sheet.png"));
        var changes = earlier is null ? null
            : File.Exists(earlier) ? ProofDiff.CompareWithPdf(earlier, newPdf => PdfWriter.Write(document, newPdf), outFolder, dpi)
            : ProofDiff.Compare(earlier, pages, outFolder);
        return new ProofResult(pages.Count, warnings.All, changes);
    }
}
