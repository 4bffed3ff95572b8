namespace NewsletterPress.Rendering.Pdf;

/// <summary>Image XObject dictionary (ISO 32000-1 §8.9.5, Table 89), always 8 bits per component here.</summary>
internal sealed class ImageXObject
{
    public ImageXObject(int width, int height)
    {
        Dictionary = new PdfDictionary("XObject").Name("Subtype", "Image")
            .Integer("Width", width).Integer("Height", height);
    }

    public PdfDictionary Dictionary { get; }

    /// <summary>/ColorSpace as a device colour space name (§8.6.4).</summary>
    public ImageXObject ColorSpace(DeviceColourSpace deviceSpace) { Dictionary.Name("ColorSpace", deviceSpace.ToString()); return this; }

    /// <summary>/ColorSpace as an indirect colour space array (ICCBased, §8.6.5.5).</summary>
    public ImageXObject ColorSpace(PdfRef space) { Dictionary.Ref("ColorSpace", space); return this; }

    public ImageXObject BitsPerComponent(int bits) { Dictionary.Integer("BitsPerComponent", bits); return this; }

    /// <summary>/Decode: the sample range mapping (§8.9.5.2); [1 0 …] inverts a component.</summary>
    public ImageXObject Decode(PdfArray ranges) { Dictionary.Array("Decode", ranges); return this; }

    /// <summary>/SMask: a soft-mask image giving per-pixel opacity (§11.6.5.3).</summary>
    public ImageXObject SMask(PdfRef mask) { Dictionary.Ref("SMask", mask); return this; }

    /// <summary>/Filter for data that arrives already encoded, e.g. DCTDecode (§7.4.8).</summary>
    public ImageXObject Filter(StreamFilter filter) { Dictionary.Name("Filter", filter.ToString()); return this; }
}

/// <summary>The device colour spaces (§8.6.4).</summary>
internal enum DeviceColourSpace { DeviceGray, DeviceRGB, DeviceCMYK }

/// <summary>The standard filters this writer uses (§7.4, Table 6).</summary>
internal enum StreamFilter { FlateDecode, DCTDecode }
