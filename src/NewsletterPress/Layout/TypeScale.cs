using NewsletterPress.Shared;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>The type scale of look.md (<see cref="Look.Type"/>), as text styles derived from the body size and the accent:
/// sizes given for a 9.5 pt body keep their ratio to the body; titles, masthead, footer and notes keep their size.</summary>
/// <param name="ProportionalHeadings">Titles and headings with proportional kana ('palt'), from style.proportional-headings.</param>
internal sealed record TypeScale(double Body, Ink Accent, bool ProportionalHeadings = false)
{
    private double Scaled(double size) => Body * size / Look.ReferenceBody;

    public TextStyle BodyText => new(FaceFamily.Serif, Body);
    public TextStyle Heading2 => new(FaceFamily.Sans, Scaled(Look.Type.Heading2), Bold: true, Proportional: ProportionalHeadings);
    public TextStyle Heading3 => new(FaceFamily.Sans, Scaled(Look.Type.Heading3), Bold: true, Proportional: ProportionalHeadings);
    public TextStyle Kicker => new(FaceFamily.Sans, Scaled(Look.Type.Kicker), Bold: true, Ink: Accent, Tracking: Look.Type.KickerTracking);
    public TextStyle Title => new(FaceFamily.Sans, Look.Type.Title, Bold: true, Proportional: ProportionalHeadings);
    public TextStyle Author => new(FaceFamily.Serif, Body, Bold: true);
    public TextStyle Affiliation => new(FaceFamily.Serif, Scaled(Look.Type.Affiliation), Italic: true);
    public TextStyle Masthead => new(FaceFamily.Sans, Look.Type.Masthead, Bold: true);
    public TextStyle MastheadSmall => new(FaceFamily.Sans, Look.Type.MastheadSmall);
    public TextStyle ContentsTitle => new(FaceFamily.Sans, Scaled(Look.Type.ContentsTitle), Bold: true, Ink: Accent,
        Tracking: Look.Type.ContentsTitleTracking);
    public TextStyle Contents => new(FaceFamily.Serif, Body);
    public TextStyle Footer => new(FaceFamily.Sans, Look.Type.Footer);
    public TextStyle Footnote => new(FaceFamily.Serif, Look.Type.Footnote);
    public TextStyle Caption => new(FaceFamily.Sans, Look.Type.Caption);
}
