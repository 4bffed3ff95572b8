using NewsletterPress.Rendering.Pdf.Profiles;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Document-wide colour objects, each written once on first use: the sRGB and FOGRA39 ICC
/// profile streams (ISO 32000-1 §8.6.5.5), the ICCBased sRGB colour space, and the
/// registration colour /Separation /All (§8.6.6.4) for crop marks; and the conversion of RGB
/// image pixels into that CMYK, made once per document on first use.
/// </summary>
internal sealed class ColourSpaces(PdfObjectWriter writer, byte[]? cmykProfile = null, string? cmykProfilePath = null)
{
    /// <summary>Resource name of the ICCBased sRGB space in page resources.</summary>
    public const string SrgbName = "sRGB";

    /// <summary>Resource name of the registration colour.</summary>
    public const string RegistrationName = "All";

    /// <summary>Perceptual: our RGB images are sRGB, whose saturated blues and greens lie outside any
    /// offset gamut, and the perceptual table compresses them into it (the built-in FOGRA39 profile's was
    /// gamut-mapped from sRGB itself, colprof -S) where relative colorimetric would clip them flat; it also
    /// keeps shadow detail that a relative colorimetric table of a v2 profile, without black point
    /// compensation, crushes below the paper's darkest black. Photographs are what it is made for.</summary>
    public const RenderingIntent ImageIntent = RenderingIntent.Perceptual;

    private PdfRef? _srgbProfile, _srgb, _cmykProfile, _registration;
    private IccTransform? _rgbToCmyk;

    public PdfRef SrgbProfile => _srgbProfile ??= WriteProfile(SrgbBytes, 3);

    /// <summary>The CMYK output profile: the one given (a print output intent's), else FOGRA39.</summary>
    public PdfRef CmykProfile => _cmykProfile ??= WriteProfile(CmykBytes, 4);

    /// <summary>RGB (taken as sRGB) → the CMYK of <see cref="CmykProfile"/>, with the <see cref="ImageIntent"/>
    /// table: what PDF/X-1a images are converted with.</summary>
    /// <exception cref="PdfWriterException">The print condition's profile cannot convert (its file, when known, in
    /// <see cref="PdfWriterException.File"/>).</exception>
    public IccTransform RgbToCmyk => _rgbToCmyk ??= CreateRgbToCmyk();

    private IccTransform CreateRgbToCmyk()
    {
        var name = cmykProfile is null ? "the built-in FOGRA39 profile"
            : cmykProfilePath is null ? "the print condition's ICC profile"
            : $"the print condition's ICC profile '{Path.GetFileName(cmykProfilePath)}'";
        try
        {
            return IccTransform.RgbToCmyk(IccProfile.Read(SrgbBytes, "the built-in sRGB profile"), IccProfile.Read(CmykBytes, name), ImageIntent);
        }
        catch (PdfWriterException e) when (cmykProfilePath is not null && e.File is null)
        {
            throw new PdfWriterException(e.Message, e) { File = cmykProfilePath };
        }
    }

    private static byte[] SrgbBytes => Convert.FromBase64String(IccProfileData.SrgbBase64);

    private byte[] CmykBytes => cmykProfile ?? Convert.FromBase64String(IccProfileData.Fogra39Base64);

    /// <summary>[/ICCBased stream] (§8.6.5.5).</summary>
    public PdfRef Srgb
    {
        get
        {
            if (_srgb is { } existing)
                return existing;
            var reference = writer.Allocate();
            writer.WriteObject(reference, new PdfArray().Name("ICCBased").Ref(SrgbProfile).ToString());
            _srgb = reference;
            return reference;
        }
    }

    /// <summary>
    /// [/Separation /All /DeviceCMYK f] where f maps tint t to (t t t t) (§8.6.6.4: the
    /// colorant name All paints every separation, which is what registration marks need).
    /// </summary>
    public PdfRef Registration
    {
        get
        {
            if (_registration is { } existing)
                return existing;
            var reference = writer.Allocate();
            // §7.10.3 type 2 (exponential) function with N 1: linear from C0 to C1.
            var tint = new PdfDictionary()
                .Integer("FunctionType", 2)
                .Array("Domain", PdfArray.Of(0, 1))
                .Array("C0", PdfArray.Of(0, 0, 0, 0))
                .Array("C1", PdfArray.Of(1, 1, 1, 1))
                .Integer("N", 1);
            writer.WriteObject(reference, new PdfArray().Name("Separation").Name("All").Name(nameof(DeviceColourSpace.DeviceCMYK)).Dict(tint).ToString());
            _registration = reference;
            return reference;
        }
    }

    /// <summary>An ICC profile stream (§8.6.5.5, Table 66): /N is the number of colour components.</summary>
    private PdfRef WriteProfile(byte[] profile, int components)
    {
        var reference = writer.Allocate();
        writer.WriteStream(reference, new PdfDictionary().Integer("N", components), profile, compress: true);
        return reference;
    }
}
