namespace NewsletterPress.Shared;

/// <summary>
/// A colour as the layout asked for it. Print wants CMYK (black as K only); screen and
/// archive may use the RGB alternate when one is given.
/// </summary>
public sealed record Ink(double C, double M, double Y, double K, string? RgbHex = null)
{
    public static readonly Ink Black = new(0, 0, 0, 1);
    public bool IsPureBlack => C == 0 && M == 0 && Y == 0 && K == 1;
}
