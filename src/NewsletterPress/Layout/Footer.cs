using System.Globalization;
using NewsletterPress.Text;

namespace NewsletterPress.Layout;

/// <summary>The running footer: the newsletter's name and volume at the inside, the folio at the outside.</summary>
internal static class Footer
{
    public static void Draw(PageCanvas page, string title, ParagraphSetter setter, LayoutConfig config, TypeScale scale)
    {
        var fmt = new ParagraphFormat(config.BlockWidth, 0, false, "en", config.BodySize);
        var name = setter.Set([new TextRun(title, scale.Footer)], fmt)[0];
        var folio = setter.Set([new TextRun(page.Number.ToString(CultureInfo.InvariantCulture), scale.Footer with { Bold = true })], fmt)[0];
        double left = config.BlockLeft(page.Number), right = left + config.BlockWidth;
        bool recto = page.Number % 2 == 1;
        double y = config.FooterBaseline;
        page.Draw(new RuleFragment(0, -scale.Footer.Size * 1.6, config.BlockWidth, -scale.Footer.Size * 1.6, 0.3, Display.Ink.Black), left, y);
        if (recto)
        {
            page.DrawLine(name, left, y);
            page.DrawLine(folio, right - folio.NaturalWidth, y);
        }
        else
        {
            page.DrawLine(folio, left, y);
            page.DrawLine(name, right - name.NaturalWidth, y);
        }
    }
}
