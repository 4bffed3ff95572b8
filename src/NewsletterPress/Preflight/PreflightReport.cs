using System.Text.Json.Serialization;

namespace NewsletterPress.Preflight;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity { Error, Warning }

/// <summary>One problem the preflight found. <see cref="Where"/> is file:line:col or "page N" when known.</summary>
public sealed record Finding(Severity Severity, string Category, string Message, string? Where = null);

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
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>What a profile demands of the content that the preflight can check.</summary>
/// <param name="MinimumImageDpi">Below this effective resolution an image is flagged.</param>
/// <param name="RgbImagesAreErrors">PDF/X-1a allows CMYK and grey only.</param>
public sealed record PreflightRules(string Profile, double MinimumImageDpi, bool RgbImagesAreErrors)
{
    public static PreflightRules For(string profile) => profile switch
    {
        "print" => new(profile, 300, false),
        "print-x1a" => new(profile, 300, true),
        "archive" => new(profile, 150, false),
        _ => new("screen", 96, false),
    };
}
