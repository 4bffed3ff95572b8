using System.Globalization;
using NewsletterPress.Shared;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Chooses how an <see cref="Ink"/> is written on one page, per profile (ISO 32000-1 §8.6.8
/// colour operators): the only place that decides colour.
/// Screen: pure black as DeviceGray 0 (§8.6.4.2), accent inks as DeviceRGB when the layout
/// gives an RGB alternate, else DeviceCMYK. Print: everything DeviceCMYK, pure black as
/// 0 0 0 1 so it prints on the K plate only, never rich black. Archive: no DeviceCMYK with
/// an sRGB output intent (ISO 19005-3 §6.2.4.3), so black is DeviceGray (allowed with any
/// output intent) and other inks are ICCBased sRGB, from RgbHex or converted from CMYK.
/// </summary>
internal sealed class InkColour(ProfileRules rules, ColourSpaces spaces, PageResources resources)
{
    public string Fill(Ink ink) => Operator(ink, stroke: false);

    public string Stroke(Ink ink) => Operator(ink, stroke: true);

    /// <summary>Full registration colour, for crop marks (§8.6.6.4).</summary>
    public string Registration(bool stroke)
    {
        resources.ColourSpace(ColourSpaces.RegistrationName, spaces.Registration);
        var name = PdfSyntax.Name(ColourSpaces.RegistrationName);
        return stroke ? $"{name} CS 1 SCN" : $"{name} cs 1 scn";
    }

    private string Operator(Ink ink, bool stroke)
    {
        switch (rules.Profile)
        {
            case PdfProfile.Print or PdfProfile.PrintX1a:
                return Cmyk(ink, stroke);
            case PdfProfile.Archive:
                if (ink.IsPureBlack)
                    return stroke ? "0 G" : "0 g";
                resources.ColourSpace(ColourSpaces.SrgbName, spaces.Srgb);
                var name = PdfSyntax.Name(ColourSpaces.SrgbName);
                return stroke ? $"{name} CS {Rgb(ink)} SCN" : $"{name} cs {Rgb(ink)} scn";
            default:
                if (ink.IsPureBlack)
                    return stroke ? "0 G" : "0 g";
                if (ink.RgbHex is not null)
                    return Rgb(ink) + (stroke ? " RG" : " rg");
                return Cmyk(ink, stroke);
        }
    }

    private static string Cmyk(Ink ink, bool stroke)
    {
        var values = string.Join(' ', new[] { ink.C, ink.M, ink.Y, ink.K }.Select(v => PdfSyntax.Number(Math.Clamp(v, 0, 1))));
        return values + (stroke ? " K" : " k");
    }

    /// <summary>"r g b" from RgbHex (#rrggbb), or from CMYK by the naive conversion when none is given.</summary>
    private static string Rgb(Ink ink)
    {
        double r, g, b;
        if (ink.RgbHex is { } hex && TryParseHex(hex, out var rgb))
        {
            (r, g, b) = rgb;
        }
        else
        {
            double Channel(double c) => (1 - Math.Clamp(c, 0, 1)) * (1 - Math.Clamp(ink.K, 0, 1));
            (r, g, b) = (Channel(ink.C), Channel(ink.M), Channel(ink.Y));
        }
        return $"{PdfSyntax.Number(r)} {PdfSyntax.Number(g)} {PdfSyntax.Number(b)}";
    }

    private static bool TryParseHex(string hex, out (double R, double G, double B) rgb)
    {
        rgb = default;
        var digits = hex.TrimStart('#');
        if (digits.Length != 6 || !int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            return false;
        rgb = (((value >> 16) & 0xFF) / 255.0, ((value >> 8) & 0xFF) / 255.0, (value & 0xFF) / 255.0);
        return true;
    }
}
