namespace NewsletterPress.Shared;

/// <summary>
/// A colour as the layout asked for it. Print wants CMYK (black as K only); screen and
/// archive may use the RGB alternate when one is given.
/// </summary>
public sealed record Ink(double C, double M, double Y, double K, string? RgbHex = null)
{
    public static readonly Ink Black = new(0, 0, 0, 1);
    public bool IsPureBlack => C == 0 && M == 0 && Y == 0 && K == 1;

    /// <summary>"#rrggbb" for screens (the website's stylesheet, the proof's PNGs): the RGB alternate when one is given,
    /// else CMYK by the plain conversion.</summary>
    public string ScreenHex
    {
        get
        {
            if (RgbHex is { Length: 7 } hex) return hex;
            int Channel(double colourant) => (int)Math.Round(255 * (1 - Math.Clamp(colourant, 0, 1)) * (1 - Math.Clamp(K, 0, 1)));
            return $"#{Channel(C):x2}{Channel(M):x2}{Channel(Y):x2}";
        }
    }
}
