using NewsletterPress.Display;
using NewsletterPress.Shared;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Where the designed page sits on the sheet. For screen and archive, the media box is the
/// page. For print (ISO 15930-7 §6.2.2: TrimBox required, BleedBox inside MediaBox), the page
/// becomes the TrimBox, the BleedBox reaches 3 mm beyond it, and the MediaBox leaves room for
/// crop marks: all content is drawn shifted by <see cref="Offset"/>.
/// </summary>
internal sealed record PageGeometry(double Offset, double Bleed)
{
    /// <summary>3 mm, the usual bleed in Japanese and European offset printing.</summary>
    public const double PrintBleed = 3 * Length.PointsPerMillimetre;

    /// <summary>15 mm of sheet around the trim: 3 mm bleed, 10 mm marks, 2 mm spare.</summary>
    public const double PrintMargin = 15 * Length.PointsPerMillimetre;

    /// <summary>The print margin as written, by which print files shift the page's content.</summary>
    public static double PrintMarginPoints => Rounded(PrintMargin);

    public static PageGeometry For(ProfileRules rules) =>
        rules.HasPrintMarks ? new PageGeometry(Rounded(PrintMargin), Rounded(PrintBleed)) : new PageGeometry(0, 0);

    public bool HasMarks => Offset > 0;

    public double MediaWidth(Page page) => page.Width + (2 * Offset);
    public double MediaHeight(Page page) => page.Height + (2 * Offset);

    public void ApplyBoxes(PageObject pageObject, Page page)
    {
        pageObject.MediaBox(MediaWidth(page), MediaHeight(page));
        if (!HasMarks)
            return;
        pageObject
            .BleedBox(Offset - Bleed, Offset - Bleed, Offset + page.Width + Bleed, Offset + page.Height + Bleed)
            .TrimBox(Offset, Offset, Offset + page.Width, Offset + page.Height);
    }

    /// <summary>Rounded as PdfSyntax writes numbers, so that box edges and marks agree exactly.</summary>
    private static double Rounded(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
