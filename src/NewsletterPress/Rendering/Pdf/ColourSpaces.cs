using NewsletterPress.Rendering.Pdf.Profiles;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Document-wide colour objects, each written once on first use: the sRGB and FOGRA39 ICC
/// profile streams (ISO 32000-1 §8.6.5.5), the ICCBased sRGB colour space, and the
/// registration colour /Separation /All (§8.6.6.4) for crop marks.
/// </summary>
internal sealed class ColourSpaces(PdfObjectWriter writer, byte[]? cmykProfile = null)
{
    /// <summary>Resource name of the ICCBased sRGB space in page resources.</summary>
    public const string SrgbName = "sRGB";

    /// <summary>Resource name of the registration colour.</summary>
    public const string RegistrationName = "All";

    private PdfRef? _srgbProfile, _srgb, _cmykProfile, _registration;

    public PdfRef SrgbProfile => _srgbProfile ??= WriteProfile(Convert.FromBase64String(IccProfileData.SrgbBase64), 3);

    /// <summary>The CMYK output profile: the one given (a print output intent's), else FOGRA39.</summary>
    public PdfRef CmykProfile => _cmykProfile ??= WriteProfile(cmykProfile ?? Convert.FromBase64String(IccProfileData.Fogra39Base64), 4);

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
