using System.Globalization;
using NewsletterPress.Layout.Paint;
using NewsletterPress.Shared;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Furniture;

/// <summary>The running footer: the newsletter's name and volume at the inside, the folio at the outside.</summary>
internal sealed class Footer(string title, ParagraphSetter setter, LayoutConfig config, TypeScale scale)
{
    private readonly ParagraphFormat _format = new(config.BlockWidth, 0, false, "en", config.BodySize);
    private readonly TextLine _name = setter.Set([new TextRun(title, scale.Footer)],
        new ParagraphFormat(config.BlockWidth, 0, false, "en", config.BodySize))[0];

    public void Draw(PageCanvas page)
    {
        var folio = setter.Set([new TextRun(page.Number.ToString(CultureInfo.InvariantCulture), scale.Footer with { Bold = true })], _format)[0];
        double left = config.BlockLeft(page.Number), right = left + config.BlockWidth;
        bool recto = page.Number % 2 == 1;
        double y = config.FooterBaseline, rule = -scale.Footer.Size * Look.Footer.RuleAboveRatio;
        page.Draw(new RuleFragment(0, rule, config.BlockWidth, rule, Look.Footer.RuleWeight, Ink.Black), left, y);
        if (recto)
        {
            page.DrawLine(_name, left, y);
            page.DrawLine(folio, right - folio.NaturalWidth, y);
        }
        else
        {
            page.DrawLine(folio, left, y);
            page.DrawLine(_name, right - _name.NaturalWidth, y);
        }
    }
}
