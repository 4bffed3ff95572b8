using System.Globalization;
using NewsletterPress.Manifest;
using NewsletterPress.Text;

namespace NewsletterPress.Layout.Furniture;

/// <summary>The cover's masthead: title left and "Vol.N" right on one baseline, an accent rule, date and publisher below.</summary>
internal static class Masthead
{
    public static Band Compose(Issue issue, ParagraphSetter setter, LayoutConfig config, TypeScale scale, StructureBuilder structure)
    {
        var band = new BandBuilder(config);
        double width = config.BlockWidth;
        var fmt = new ParagraphFormat(width, 0, false, "en", config.BodySize);
        var volume = setter.Set([new TextRun($"Vol.{issue.Volume}", scale.Masthead with { Bold = false })], fmt)[0];
        var title = SingleLine.Set(setter, [new TextRun(issue.Newsletter, scale.Masthead)],
            fmt with { Width = width - volume.NaturalWidth - config.BodySize }, issue.NewsletterWhere, "the newsletter's name");
        int titleElement = structure.Add(Display.StructureRole.P, structure.Root);
        band.AddLine(title, 0, scale.Masthead.Size, titleElement);
        band.Add(new TextFragment(volume, width - volume.NaturalWidth, band.Depth) { Element = titleElement });
        band.Rule(scale.Masthead.Size * Look.Masthead.RuleGapRatio, 0, width, Look.Masthead.RuleWeight, scale.Accent);

        bool japanese = issue.Language.StartsWith("ja", StringComparison.Ordinal);
        var date = japanese
            ? $"{issue.Date.Year}年{issue.Date.Month}月{issue.Date.Day}日発行"
            : issue.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var info = issue.Publisher.Length == 0 ? date : date + (japanese ? "　発行：" : " · published by ") + issue.Publisher;
        var infoLine = SingleLine.Set(setter, [new TextRun(info, scale.MastheadSmall)],
            new ParagraphFormat(width, 0, false, issue.Language, config.BodySize), issue.PublisherWhere ?? issue.NewsletterWhere,
            "the masthead's date and publisher");
        band.AddLine(infoLine, width - infoLine.NaturalWidth, scale.MastheadSmall.Size * Look.Masthead.InfoAdvanceRatio,
            structure.Add(Display.StructureRole.P, structure.Root));
        return band.Build(config.Leading);
    }
}
