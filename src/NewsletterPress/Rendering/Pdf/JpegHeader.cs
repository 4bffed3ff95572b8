using System.Buffers.Binary;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// What the PDF needs to know about a JPEG to pass it through as /DCTDecode (ISO 32000-1
/// §7.4.8) without decoding it: size, component count and precision from the start-of-frame
/// marker (ITU-T T.81 §B.2.2), and whether an Adobe APP14 segment is present, in which case
/// 4-component data is stored inverted (Adobe's convention) and needs /Decode [1 0 1 0 1 0 1 0].
/// </summary>
internal sealed record JpegHeader(int Width, int Height, int Components, int Precision, int FrameMarker, bool HasAdobeSegment)
{
    /// <summary>DCTDecode handles baseline, extended sequential and progressive Huffman frames
    /// (SOF0–SOF2) with 8-bit samples and 1, 3 or 4 components; anything else is decoded and re-encoded.</summary>
    public bool CanPassThrough => FrameMarker is 0xC0 or 0xC1 or 0xC2 && Precision == 8 && Components is 1 or 3 or 4;

    /// <summary>Adobe-written CMYK (and YCCK) JPEGs store 255 for no ink.</summary>
    public bool IsInvertedCmyk => Components == 4 && HasAdobeSegment;

    /// <summary>Reads the markers up to the first scan; null when the bytes are not a JPEG with a frame header.</summary>
    public static JpegHeader? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
            return null;
        var adobe = false;
        JpegHeader? frame = null;
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
                return frame; // not at a marker: the header is damaged past this point
            var marker = data[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; } // no length
            if (marker is 0xD9 or 0xDA)
                break; // end of image or start of scan: the header is over
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 2, 2));
            if (length < 2 || i + 2 + length > data.Length)
                return null;
            var segment = data.Slice(i + 4, length - 2);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && segment.Length >= 6)
            {
                frame = new JpegHeader(
                    Width: BinaryPrimitives.ReadUInt16BigEndian(segment.Slice(3, 2)),
                    Height: BinaryPrimitives.ReadUInt16BigEndian(segment.Slice(1, 2)),
                    Components: segment[5],
                    Precision: segment[0],
                    FrameMarker: marker,
                    HasAdobeSegment: false);
            }
            else if (marker == 0xEE && segment.Length >= 5 && segment[..5].SequenceEqual("Adobe"u8))
            {
                adobe = true;
            }
            i += 2 + length;
        }
        return frame is null || frame.Width == 0 || frame.Height == 0 ? null : frame with { HasAdobeSegment = adobe };
    }
}
