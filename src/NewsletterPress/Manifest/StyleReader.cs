using System.Globalization;
using System.Text.RegularExpressions;
using NewsletterPress.Shared;
using YamlDotNet.RepresentationModel;

namespace NewsletterPress.Manifest;

/// <summary>Reads the manifest's optional style block on top of <see cref="Style.Default"/>.</summary>
internal static partial class StyleReader
{
    private static readonly string[] Keys =
        ["paper", "columns", "column-width", "column-gap", "margins", "body", "accent", "fonts", "print-condition", "latin-in-japanese", "proportional-headings", "footnotes"];

    // Limits that keep silly numbers out of the layout: type a reader can read, paper a printer
    // can print (PDF allows pages up to 200 inches; A0 is 1189 mm), columns at least a few ems wide.
    private const double MinBodySize = 5, MaxBodySize = 36, MaxLeading = 4;
    private const double MinPaper = 50 * Length.PointsPerMillimetre, MaxPaper = 1200 * Length.PointsPerMillimetre;
    private const double MinColumnEms = 5;

    public static Style Read(YamlNodes nodes, YamlNode node, string folder)
    {
        var style = Style.Default;
        var e = nodes.Entries(nodes.Mapping(node, "style"), "style", Keys);
        // Each key is read on its own (nodes.Try): an error is recorded and the next key read.
        if (e.TryGetValue("paper", out var paper)) nodes.Try(() => style = ReadPaper(nodes, paper, style));
        if (e.TryGetValue("columns", out var cols)) nodes.Try(() => style = style with { Columns = nodes.Integer(cols, "style.columns", 1, 2) });
        if (e.TryGetValue("body", out var body)) nodes.Try(() =>
        {
            var be = nodes.Entries(nodes.Mapping(body, "style.body"), "style.body", ["size", "leading"]);
            // Sizes are points; a zw size would be circular, so resolve with the current body size.
            if (be.TryGetValue("size", out var s))
                style = style with { BodySize = nodes.LengthInPoints(s, "body.size", style.BodySize, MinBodySize, MaxBodySize) };
            if (be.TryGetValue("leading", out var l))
                style = style with { Leading = nodes.LengthInPoints(l, "body.leading", style.BodySize, 0, MaxLeading * style.BodySize) };
            // Lines closer than the type is high would overprint each other.
            if (style.Leading < style.BodySize)
                throw nodes.Error(l ?? s!, $"body.leading ({style.Leading:0.##}pt) must be at least the body size ({style.BodySize:0.##}pt), or the lines overprint");
        });
        // Lengths in zw need the body size, so they are read after it; each must fit the paper.
        double em = style.BodySize, paperWidth = style.PaperWidth.ToPoints(em), paperHeight = style.PaperHeight.ToPoints(em);
        if (e.TryGetValue("column-width", out var cw)) nodes.Try(() =>
        {
            nodes.LengthInPoints(cw, "style.column-width", em, MinColumnEms * em, paperWidth);
            style = style with { ColumnWidth = nodes.Length(cw, "style.column-width") };
        });
        if (e.TryGetValue("column-gap", out var cg)) nodes.Try(() =>
        {
            nodes.LengthInPoints(cg, "style.column-gap", em, 0, paperWidth);
            style = style with { ColumnGap = nodes.Length(cg, "style.column-gap") };
        });
        if (e.TryGetValue("margins", out var m)) nodes.Try(() =>
        {
            var me = nodes.Entries(nodes.Mapping(m, "style.margins"), "style.margins", ["top", "bottom", "inside", "outside"]);
            Length Margin(YamlNode node, string what, double paper)
            {
                nodes.LengthInPoints(node, what, em, 0, paper / 2);
                return nodes.Length(node, what);
            }
            if (me.TryGetValue("top", out var t)) nodes.Try(() => style = style with { MarginTop = Margin(t, "margins.top", paperHeight) });
            if (me.TryGetValue("bottom", out var b)) nodes.Try(() => style = style with { MarginBottom = Margin(b, "margins.bottom", paperHeight) });
            if (me.TryGetValue("inside", out var i)) nodes.Try(() => style = style with { MarginInside = Margin(i, "margins.inside", paperWidth) });
            if (me.TryGetValue("outside", out var o)) nodes.Try(() => style = style with { MarginOutside = Margin(o, "margins.outside", paperWidth) });
        });
        if (e.TryGetValue("accent", out var accent)) nodes.Try(() => style = style with { Accent = ReadAccent(nodes, accent) });
        if (e.TryGetValue("latin-in-japanese", out var lij))
            nodes.Try(() => style = style with { LatinInJapanese = nodes.Choice(lij, "style.latin-in-japanese", new Dictionary<string, bool> { ["true"] = true, ["false"] = false }) });
        if (e.TryGetValue("proportional-headings", out var ph))
            nodes.Try(() => style = style with { ProportionalHeadings = nodes.Choice(ph, "style.proportional-headings", new Dictionary<string, bool> { ["true"] = true, ["false"] = false }) });
        if (e.TryGetValue("footnotes", out var fn))
            nodes.Try(() => style = style with
            {
                Footnotes = nodes.Choice(fn, "style.footnotes", new Dictionary<string, FootnotePlacement>
                {
                    ["column-foot"] = FootnotePlacement.ColumnFoot, ["article-end"] = FootnotePlacement.ArticleEnd,
                }),
            });
        if (e.TryGetValue("print-condition", out var pc)) nodes.Try(() =>
        {
            var pe = nodes.Entries(nodes.Mapping(pc, "style.print-condition"), "style.print-condition",
                ["icc", "identifier", "condition"], "icc", "identifier");
            var icc = nodes.String(pe["icc"], "print-condition.icc");
            style = style with
            {
                PrintCondition = new PrintCondition(
                    IssueLoader.ResolveInside(nodes, pe["icc"], folder, icc, Files.FileRule.IccProfile),
                    nodes.String(pe["identifier"], "print-condition.identifier"),
                    pe.TryGetValue("condition", out var c) ? nodes.String(c, "print-condition.condition") : null),
            };
        });
        if (e.TryGetValue("fonts", out var f)) nodes.Try(() =>
        {
            var fe = nodes.Entries(nodes.Mapping(f, "style.fonts"), "style.fonts", ["mincho", "gothic", "serif", "sans"]);
            var fonts = style.Fonts;
            if (fe.TryGetValue("mincho", out var v1)) fonts = fonts with { Mincho = nodes.String(v1, "fonts.mincho") };
            if (fe.TryGetValue("gothic", out var v2)) fonts = fonts with { Gothic = nodes.String(v2, "fonts.gothic") };
            if (fe.TryGetValue("serif", out var v3)) fonts = fonts with { Serif = nodes.String(v3, "fonts.serif") };
            if (fe.TryGetValue("sans", out var v4)) fonts = fonts with { Sans = nodes.String(v4, "fonts.sans") };
            style = style with { Fonts = fonts with { Where = fe.ToDictionary(kv => kv.Key, kv => nodes.At(kv.Value)) } };
        });
        var where = e.ToDictionary(kv => kv.Key, kv => nodes.At(kv.Value));
        where["style"] = nodes.At(node);
        return style with { Where = where };
    }

    private static Style ReadPaper(YamlNodes nodes, YamlNode node, Style style)
    {
        if (node is YamlScalarNode)
        {
            var (w, h) = nodes.Choice(node, "style.paper", Style.PaperSizesMm);
            return style with { PaperWidth = Length.Mm(w), PaperHeight = Length.Mm(h) };
        }
        var e = nodes.Entries(nodes.Mapping(node, "style.paper"), "style.paper", ["width", "height"], "width", "height");
        nodes.LengthInPoints(e["width"], "paper.width", style.BodySize, MinPaper, MaxPaper);
        nodes.LengthInPoints(e["height"], "paper.height", style.BodySize, MinPaper, MaxPaper);
        return style with { PaperWidth = nodes.Length(e["width"], "paper.width"), PaperHeight = nodes.Length(e["height"], "paper.height") };
    }

    private static Ink ReadAccent(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "style.accent");
        var e = nodes.Entries(map, "style.accent", ["cmyk", "rgb"]);
        if (!e.ContainsKey("cmyk"))
            throw nodes.Error(map, "style.accent needs its CMYK values for print, e.g. cmyk: [100, 40, 0, 20]; rgb alone is not enough (with cmyk given, rgb is optional)");
        var cmyk = nodes.Sequence(e["cmyk"], "accent.cmyk");
        if (cmyk.Children.Count != 4)
            throw nodes.Error(cmyk, "accent.cmyk needs four percentages [C, M, Y, K], e.g. [100, 40, 0, 20]");
        var v = cmyk.Children.Select(c =>
        {
            var x = nodes.Number(c, "a CMYK percentage");
            return x is >= 0 and <= 100 ? x / 100 : throw nodes.Error(c, "CMYK percentages run from 0 to 100");
        }).ToArray();
        string? rgb = null;
        if (e.TryGetValue("rgb", out var r))
        {
            rgb = nodes.String(r, "accent.rgb");
            if (!RgbPattern().IsMatch(rgb)) throw nodes.Error(r, $"accent.rgb must look like \"#00598f\", not '{rgb}'");
        }
        return new Ink(v[0], v[1], v[2], v[3], rgb?.ToLower(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex RgbPattern();
}
