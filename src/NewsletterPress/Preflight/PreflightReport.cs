using System.Text.Json.Serialization;

namespace NewsletterPress.Preflight;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity { Error, Warning, Note }

/// <summary>One problem the preflight found. <see cref="Where"/> is file:line:col or "page N" when known;
/// <see cref="Clause"/> the clause of the standard it breaks ("ISO 19005-3 §6.2.4.3"), when it breaks one.</summary>
public sealed record Finding(Severity Severity, string Category, string Message, string? Where = null, string? Clause = null);

/// <summary>A font as the output uses it.</summary>
public sealed record FontReport(string Name, string File, string Outlines, bool Embedded, bool Subset, bool ToUnicode);

/// <summary>An image at its placed size: the effective resolution is what the printer gets.</summary>
public sealed record ImageReport(string File, int Page, int PixelsWide, int PixelsHigh, double WidthPt, double HeightPt,
    double EffectiveDpi, string ColourSpace);

/// <summary>Typographic figures of typography.md, measured on the laid-out lines.</summary>
public sealed record TextReport(int Lines, int LinesStartingWithProhibited, int LinesEndingWithOpening,
    double? JapaneseLatinGapMedianEm, int JapaneseLatinGaps);

/// <summary>What a print shop's or an archivist's preflight would want to know about one output.</summary>
public sealed record PreflightReport(string Subject, string Profile, int Pages, IReadOnlyList<FontReport> Fonts,
    IReadOnlyList<ImageReport> Images, TextReport Text, IReadOnlyList<Finding> Findings)
{
    /// <summary>How full the page planner made each page, and the copyfit when a page target cannot be met; only for
    /// an issue folder (a PDF from elsewhere has no plan).</summary>
    public Layout.LayoutReport? Layout { get; init; }

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>What the check is for: the profile's name, the lowest image resolution it accepts, and for print
/// the multiple the page count should be.</summary>
/// <param name="MinimumImageDpi">Below this effective resolution an image is flagged.</param>
/// <param name="PageMultiple">The multiple a print file's page count should be; null: the multiple the file records
/// (<see cref="PageCount.Recorded"/>), else <see cref="PageCount.DefaultMultiple"/>.</param>
public sealed record PreflightRules(string Profile, double MinimumImageDpi, int? PageMultiple = null)
{
    public bool IsPrint => Profile is "print" or "print-x1a";

    public static PreflightRules For(string profile, int? pageMultiple = null) => profile switch
    {
        "print" or "print-x1a" => new(profile, 300, pageMultiple),
        "archive" => new(profile, 150, pageMultiple),
        _ => new("screen", 96, pageMultiple),
    };
}
