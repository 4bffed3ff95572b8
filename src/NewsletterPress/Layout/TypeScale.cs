using NewsletterPress.Display;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>The type scale of look.md, as text styles derived from the body size and the accent.</summary>
/// <param name="ProportionalHeadings">Titles and headings with proportional kana ('palt'), from style.proportional-headings.</param>
internal sealed record TypeScale(double Body, Ink Accent, bool ProportionalHeadings = false)
{
    public TextStyle BodyText => new(FaceFamily.Serif, Body);
    public TextStyle Heading2 => new(FaceFamily.Sans, Body * 10.5 / 9.5, Bold: true, Proportional: ProportionalHeadings);
    public TextStyle Heading3 => new(FaceFamily.Sans, Body, Bold: true, Proportional: ProportionalHeadings);
    public TextStyle Kicker => new(FaceFamily.Sans, Body * 8.5 / 9.5, Bold: true, Ink: Accent, Tracking: 0.08);
    public TextStyle Title => new(FaceFamily.Sans, 17, Bold: true, Proportional: ProportionalHeadings);
    public TextStyle Author => new(FaceFamily.Serif, Body, Bold: true);
    public TextStyle Affiliation => new(FaceFamily.Serif, Body * 8.5 / 9.5, Italic: true);
    public TextStyle Masthead => new(FaceFamily.Sans, 30, Bold: true);
    public TextStyle MastheadSmall => new(FaceFamily.Sans, 8.5);
    public TextStyle ContentsTitle => new(FaceFamily.Sans, Body * 11 / 9.5, Bold: true, Ink: Accent, Tracking: 0.15);
    public TextStyle Contents => new(FaceFamily.Serif, Body);
    public TextStyle Footer => new(FaceFamily.Sans, 7.5);
    public TextStyle Footnote => new(FaceFamily.Serif, 7.5);
    public TextStyle Caption => new(FaceFamily.Sans, 8);
}
