namespace NewsletterPress.Rendering.Pdf;

/// <summary>Which of a CMYK output profile's BToA tables converts into it (ICC.1:2010 §6.2.2, Table 25).</summary>
internal enum RenderingIntent
{
    /// <summary>BToA0: the profile maker's gamut mapping of a wider source into the print gamut.</summary>
    Perceptual = 0,

    /// <summary>BToA1: in-gamut colours kept exactly (relative to paper white), the others clipped.</summary>
    RelativeColorimetric = 1,
}

/// <summary>
/// Converts 8-bit RGB pixels to 8-bit CMYK for a printing condition, the way an ICC colour
/// management module does (ICC.1:2010 §6.2, Annex A): the RGB profile's TRCs and colorant matrix
/// (§F.3, a matrix/TRC display profile) give CIEXYZ relative to D50 — the colorant tags of an ICC v2
/// display profile are already Bradford-adapted to the D50 PCS (Annex E), so no adaptation is left to
/// do here — then the CMYK profile's PCS (CIELAB from XYZ with the D50 white, §6.3.4.2, or XYZ
/// itself), then its BToA table of the chosen intent (<see cref="IccLut"/>).
/// <para>
/// Hand-written because no colour management library is available as managed code: Little CMS,
/// ImageMagick (Magick.NET) and SkiaSharp's skcms are native, Magick.NET is a large native
/// dependency the Native AOT build should not carry, and skcms (inside SkiaSharp) converts only
/// between RGB-like spaces, never into CMYK. The conversion needs only the two lut tag types of ICC v2
/// output profiles, a few dozen lines. The tests compare it with Ghostscript's Little CMS.
/// </para>
/// One transform per document (see <see cref="ColourSpaces"/>); pure, so the same pixels always give
/// the same bytes.
/// </summary>
internal sealed class IccTransform
{
    /// <summary>The ICC PCS illuminant D50 (§7.2.16), the white of CIELAB in the PCS.</summary>
    private const double WhiteX = 0.9642, WhiteY = 1.0, WhiteZ = 0.8249;

    private readonly double[][] _linear; // per RGB channel: the TRC at each 8-bit code
    private readonly double[] _matrix;   // rows X, Y, Z; columns the red, green and blue colorants
    private readonly IccLut _toDevice;
    private readonly bool _pcsIsXyz;
    private readonly Dictionary<int, uint> _memo = [];

    private IccTransform(double[][] linear, double[] matrix, IccLut toDevice, bool pcsIsXyz)
    {
        (_linear, _matrix, _toDevice, _pcsIsXyz) = (linear, matrix, toDevice, pcsIsXyz);
    }

    /// <summary>The CMYK output profile's table of <paramref name="intent"/>, after the RGB display profile.</summary>
    public static IccTransform RgbToCmyk(IccProfile rgb, IccProfile cmyk, RenderingIntent intent)
    {
        if (rgb.ColourSpace != "RGB" || rgb.ConnectionSpace != "XYZ")
            throw new PdfWriterException($"{IccProfile.Capitalised(rgb.Name)} is not an RGB matrix/TRC profile (colour space '{rgb.ColourSpace}', PCS '{rgb.ConnectionSpace}').");
        if (cmyk.ColourSpace != "CMYK" || cmyk.ConnectionSpace is not ("Lab" or "XYZ"))
            throw new PdfWriterException($"{IccProfile.Capitalised(cmyk.Name)} is not a CMYK profile with a Lab or XYZ PCS (colour space '{cmyk.ColourSpace}', PCS '{cmyk.ConnectionSpace}').");

        var curves = new[] { rgb.Curve("rTRC"), rgb.Curve("gTRC"), rgb.Curve("bTRC") };
        var linear = curves.Select(curve => Enumerable.Range(0, 256).Select(v => curve(v / 255.0)).ToArray()).ToArray();
        var (rx, ry, rz) = rgb.Xyz("rXYZ");
        var (gx, gy, gz) = rgb.Xyz("gXYZ");
        var (bx, by, bz) = rgb.Xyz("bXYZ");
        double[] matrix = [rx, gx, bx, ry, gy, by, rz, gz, bz];

        var tag = "B2A" + (int)intent;
        var lut = IccLut.Read(cmyk, tag);
        if (lut.Outputs != 4)
            throw new PdfWriterException($"{IccProfile.Capitalised(cmyk.Name)}'s '{tag}' table has {lut.Outputs} outputs, not the 4 of CMYK.");
        var pcsIsXyz = cmyk.ConnectionSpace == "XYZ";
        if (pcsIsXyz && lut.Precision == 8)
            throw new PdfWriterException($"{IccProfile.Capitalised(cmyk.Name)}'s '{tag}' is a lut8Type table from PCSXYZ, which ICC.1:2010 §10.8 gives no 8-bit encoding for.");
        return new IccTransform(linear, matrix, lut, pcsIsXyz);
    }

    /// <summary>Converts interleaved RGB samples to interleaved CMYK samples (four bytes a pixel).</summary>
    public void Convert(ReadOnlySpan<byte> rgb, Span<byte> cmyk)
    {
        for (int p = 0, q = 0; p + 2 < rgb.Length; p += 3, q += 4)
        {
            var packed = Convert(rgb[p], rgb[p + 1], rgb[p + 2]);
            cmyk[q] = (byte)(packed >> 24);
            cmyk[q + 1] = (byte)(packed >> 16);
            cmyk[q + 2] = (byte)(packed >> 8);
            cmyk[q + 3] = (byte)packed;
        }
    }

    /// <summary>One pixel, as C, M, Y, K bytes packed from the high byte down.</summary>
    public uint Convert(byte r, byte g, byte b)
    {
        var key = (r << 16) | (g << 8) | b;
        if (_memo.TryGetValue(key, out var known))
            return known;

        double lr = _linear[0][r], lg = _linear[1][g], lb = _linear[2][b];
        var m = _matrix;
        var x = (m[0] * lr) + (m[1] * lg) + (m[2] * lb);
        var y = (m[3] * lr) + (m[4] * lg) + (m[5] * lb);
        var z = (m[6] * lr) + (m[7] * lg) + (m[8] * lb);

        Span<double> device = stackalloc double[4];
        var (p0, p1, p2) = _pcsIsXyz ? EncodeXyz(x, y, z) : EncodeLab(x, y, z, _toDevice.Precision);
        _toDevice.Evaluate(p0, p1, p2, _pcsIsXyz, device);
        var packed = 0u;
        foreach (var v in device)
            packed = (packed << 8) | (uint)Math.Round(Math.Clamp(v, 0, 1) * 255);
        if (_memo.Count < 1 << 16) // flat artwork repeats a few colours; photographs would only fill memory
            _memo[key] = packed;
        return packed;
    }

    /// <summary>
    /// CIEXYZ (D50) → CIELAB (CIE 15, as ICC.1:2010 §6.3.4.2 defines the PCS) → the legacy encoding of the
    /// lut tags, normalised: 16-bit (§10.9, Table 41) L* 0…100 → 0…0xFF00, a*, b* −128…127.996 → 0…0xFFFF;
    /// 8-bit (§10.8, Table 39) L* → 0…255, a*, b* + 128.
    /// </summary>
    private static (double, double, double) EncodeLab(double x, double y, double z, int precision)
    {
        double fx = F(x / WhiteX), fy = F(y / WhiteY), fz = F(z / WhiteZ);
        var l = (116 * fy) - 16;
        var a = 500 * (fx - fy);
        var b = 200 * (fy - fz);
        return precision == 16
            ? (l * 652.80 / 65535, (a + 128) * 256 / 65535, (b + 128) * 256 / 65535)
            : (l / 100, (a + 128) / 255, (b + 128) / 255);

        static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;
    }

    /// <summary>PCSXYZ in the 16-bit lut encoding (§10.9, Table 40): u1Fixed15, 0…1.99997 → 0…0xFFFF.</summary>
    private static (double, double, double) EncodeXyz(double x, double y, double z) =>
        (x * 32768 / 65535, y * 32768 / 65535, z * 32768 / 65535);
}
