namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// The printing condition a print PDF (PDF/X) is made for, in place of the built-in FOGRA39:
/// its CMYK output ICC profile, embedded as the output intent's /DestOutputProfile, and the
/// names the printer knows it by (ISO 32000-1 §14.11.5, Table 365).
/// </summary>
/// <param name="IccProfile">The ICC profile's bytes: a CMYK output profile (header colour space
/// 'CMYK', device class 'prtr'), such as the one the printer supplies.</param>
/// <param name="OutputConditionIdentifier">The condition's name in the registry, e.g. "JC200103"
/// (Japan Color 2001 Coated) or "FOGRA39".</param>
/// <param name="OutputCondition">A human-readable description of the condition.</param>
/// <param name="RegistryName">The registry the identifier is from; "http://www.color.org" when null.</param>
public sealed record PrintOutputIntent(byte[] IccProfile, string OutputConditionIdentifier, string? OutputCondition = null, string? RegistryName = null)
{
    /// <summary>The profile's file, when it came from one: errors about the profile name it.</summary>
    public string? ProfilePath { get; init; }

    /// <summary>The ICC characterization data registry, where the usual printing conditions are listed.</summary>
    public const string DefaultRegistryName = "http://www.color.org";

    /// <summary>
    /// Checks the profile's header (ICC.1 §7.2): at least 128 bytes, signature 'acsp', device
    /// class 'prtr' (output) and colour space 'CMYK'.
    /// </summary>
    /// <exception cref="PdfWriterException">The profile is not a CMYK printer profile, or the identifier is empty.</exception>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputConditionIdentifier))
            throw new PdfWriterException("The print output intent has no OutputConditionIdentifier; PDF/X needs the printing condition's name.");
        var icc = IccProfile ?? [];
        if (icc.Length < 128 || Signature(icc, 36) != "acsp")
            throw new PdfWriterException(
                $"The print output intent's profile ({icc.Length} bytes) is not an ICC profile, so it is not a CMYK printer profile.");
        var deviceClass = Signature(icc, 12);
        var colourSpace = Signature(icc, 16);
        if (deviceClass != "prtr" || colourSpace != "CMYK")
            throw new PdfWriterException(
                $"The print output intent's profile is not a CMYK printer profile: its header says device class '{deviceClass.TrimEnd()}' " +
                $"and colour space '{colourSpace.TrimEnd()}', but PDF/X needs device class 'prtr' (output) and colour space 'CMYK'.");
    }

    private static string Signature(byte[] icc, int offset) =>
        new string(icc.Skip(offset).Take(4).Select(b => b is >= 0x20 and < 0x7f ? (char)b : '?').ToArray());
}
