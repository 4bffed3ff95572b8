using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsletterPress.Preflight;

/// <summary>Writes a preflight report for people (aligned sections) or for programs (JSON).</summary>
public static class ReportWriter
{
    /// <summary>The source-generated serializer (no reflection, so the Native AOT build needs no runtime code), with
    /// the encoder that keeps Japanese text readable in the output rather than escaped.</summary>
    private static readonly ReportJsonContext Json = new(new JsonSerializerOptions(ReportJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string ToJson(PreflightReport report) =>
        JsonSerializer.Serialize(new JsonReport(report.Subject, report.Profile, report.Pages, report.HasErrors, report.Fonts, report.Images,
            report.Text, report.Layout, report.Findings), Json.JsonReport);

    public static string ToText(PreflightReport report)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"{report.Subject} — {report.Pages} pages, profile {report.Profile}");
        s.AppendLine(inv, $"fonts ({report.Fonts.Count}):");
        foreach (var f in report.Fonts)
            s.AppendLine(inv, $"  {f.Name,-32} {f.Outlines,-9} {(f.Embedded ? "embedded" : "NOT EMBEDDED")}{(f.Subset ? ", subset" : "")}{(f.ToUnicode ? ", ToUnicode" : ", no ToUnicode")}");
        s.AppendLine(inv, $"images ({report.Images.Count}):");
        foreach (var i in report.Images)
            s.AppendLine(inv, $"  page {i.Page}: {Path.GetFileName(i.File)} {i.PixelsWide}×{i.PixelsHigh} px at {i.WidthPt:0}×{i.HeightPt:0} pt = {i.EffectiveDpi:0} dpi, {i.ColourSpace}");
        var t = report.Text;
        s.AppendLine(inv, $"text: {t.Lines} lines; kinsoku: {t.LinesStartingWithProhibited} bad line starts, {t.LinesEndingWithOpening} bad line ends; " +
                          $"Japanese–Latin gap median {(t.JapaneseLatinGapMedianEm is { } m ? m.ToString("0.00", inv) + " em" : "–")} ({t.JapaneseLatinGaps} gaps)");
        if (report.Layout is { } layout)
        {
            s.AppendLine(inv, $"page fill (share of the text block's grid lines with content; {Layout.PageFill.FullEnough:0%} asked of every page but the last):");
            foreach (var p in layout.Pages)
                s.AppendLine(inv, $"  page {p.Page,3}: {p.Fill,4:0%}  ends: {p.Break}");
            if (!layout.Adjusted.IsEmpty)
            {
                s.AppendLine(inv, $"paragraphs set a line shorter or longer to fit the pages ({layout.Adjusted.Length}):");
                foreach (var a in layout.Adjusted)
                    s.AppendLine(inv, $"  {a.Where}: {(a.Lines < 0 ? "one line shorter" : "one line longer")} (\"{(a.Text.Length > 30 ? a.Text[..30] + "…" : a.Text)}\")");
            }
            if (layout.Copyfit is { } c)
            {
                var meets = c.Articles.IsEmpty ? "no cut or addition within the articles meets it" : "to meet it:";
                s.AppendLine(inv, $"copyfit: {c.Target} asked, {c.PagesPlanned} pages planned; {meets}");
                foreach (var a in c.Articles)
                    s.AppendLine(inv, $"  {(a.Lines < 0 ? "cut" : "add")} about {Math.Abs(a.Lines),3} line{(Math.Abs(a.Lines) == 1 ? " " : "s")}  {a.Title} ({a.File})");
            }
        }
        int errors = report.Findings.Count(f => f.Severity == Severity.Error);
        int warnings = report.Findings.Count(f => f.Severity == Severity.Warning);
        s.AppendLine(inv, $"findings: {errors} errors, {warnings} warnings, {report.Findings.Count - errors - warnings} notes");
        foreach (var f in report.Findings.OrderBy(f => f.Severity))
            s.AppendLine(inv, $"  {f.Severity.ToString().ToLowerInvariant()} [{f.Category}]{(f.Where is null ? "" : " " + f.Where)}: {f.Message}{(f.Clause is null ? "" : " (" + f.Clause + ")")}");
        return s.ToString();
    }
}

/// <summary>The report as <c>check --json</c> writes it: its fields in this order.</summary>
internal sealed record JsonReport(string Subject, string Profile, int Pages, bool HasErrors, IReadOnlyList<FontReport> Fonts,
    IReadOnlyList<ImageReport> Images, TextReport Text, Layout.LayoutReport? Layout, IReadOnlyList<Finding> Findings);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
