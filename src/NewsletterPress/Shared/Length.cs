using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsletterPress.Shared;

public enum LengthUnit { Pt, Mm, Q, Zw }

/// <summary>
/// A length as written in the manifest. <c>zw</c> (one body em) can only be resolved once
/// the body size is known, so lengths stay symbolic until the layout resolves them.
/// </summary>
public readonly partial record struct Length(double Value, LengthUnit Unit)
{
    public const double PointsPerMillimetre = 72.0 / 25.4;

    public static Length Pt(double v) => new(v, LengthUnit.Pt);
    public static Length Mm(double v) => new(v, LengthUnit.Mm);
    public static Length Zw(double v) => new(v, LengthUnit.Zw);

    public double ToPoints(double bodySize) => Unit switch
    {
        LengthUnit.Pt => Value,
        LengthUnit.Mm => Value * PointsPerMillimetre,
        LengthUnit.Q => Value * 0.25 * PointsPerMillimetre,
        LengthUnit.Zw => Value * bodySize,
        _ => throw new InvalidOperationException(Unit.ToString()),
    };

    public static bool TryParse(string text, out Length length)
    {
        var m = Pattern().Match(text.Trim());
        length = default;
        if (!m.Success) return false;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = m.Groups[2].Value switch
        {
            "pt" => LengthUnit.Pt,
            "mm" => LengthUnit.Mm,
            "Q" => LengthUnit.Q,
            _ => LengthUnit.Zw,
        };
        length = new Length(value, unit);
        return true;
    }

    public override string ToString() =>
        Value.ToString(CultureInfo.InvariantCulture) + (Unit == LengthUnit.Q ? "Q" : Unit.ToString().ToLowerInvariant());

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(pt|mm|Q|zw)$")]
    private static partial Regex Pattern();
}
