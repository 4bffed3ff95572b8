using NewsletterPress.Display;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Chooses how an <see cref="Ink"/> is written (§8.6.4.2 DeviceGray, §8.6.4.4 DeviceCMYK).
/// Pure black becomes gray 0 so that it prints on the K plate only; everything else is CMYK.
/// The only place to change when output profiles arrive.
/// </summary>
internal static class InkColour
{
    public static string Fill(Ink ink) => Operator(ink, stroke: false);

    public static string Stroke(Ink ink) => Operator(ink, stroke: true);

    private static string Operator(Ink ink, bool stroke)
    {
        if (ink.IsPureBlack)
            return stroke ? "0 G" : "0 g";
        var values = string.Join(' ', new[] { ink.C, ink.M, ink.Y, ink.K }.Select(v => PdfSyntax.Number(Math.Clamp(v, 0, 1))));
        return values + (stroke ? " K" : " k");
    }
}
