using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Tokens;

namespace NewsletterPress.Preflight;

/// <summary>What was read from one font of a PDF: all of it measured from the file, nothing assumed.</summary>
/// <param name="UnmappedCodes">Codes shown with the font that its ToUnicode CMap does not map.</param>
/// <param name="BadUnicode">Codes mapped to U+0000, U+FEFF or U+FFFE (ISO 19005-3 §6.2.11.7.2).</param>
/// <param name="WidthMismatches">Codes whose width in the font dictionary differs from the embedded
/// program's advance by more than one unit of 1/1000 em; null when the program could not be measured.</param>
internal sealed record FontMeasurement(FontReport Report, int FirstPage, IReadOnlyList<uint> UnmappedCodes, IReadOnlyList<uint> BadUnicode,
    IReadOnlyList<(uint Code, double Dictionary, double Program)>? WidthMismatches);

/// <summary>
/// Measures the fonts a PDF shows text with (ISO 32000-1 §9): whether the program is embedded
/// (§9.9) and subset (§9.6.4), whether the ToUnicode CMap (§9.10.3) maps every code the content
/// shows, and whether the widths in the font dictionary agree with the embedded TrueType program
/// (§9.7.4.3 /W against hmtx, read with HarfBuzz). The CMap is read here because PdfPig does not
/// expose its CMap parser; bfchar and bfrange (§9.10.3) are all a ToUnicode CMap may hold.
/// </summary>
internal static class FontMeasurements
{
    public static List<FontMeasurement> Of(PdfFile file, ContentScan scan)
    {
        var result = new List<FontMeasurement>();
        foreach (var use in scan.Fonts.Values.OrderBy(u => u.FirstPage).ThenBy(u => u.Key, StringComparer.Ordinal))
            result.Add(Measure(file, use));
        return result;
    }

    private static FontMeasurement Measure(PdfFile file, FontUse use)
    {
        var font = use.Font;
        var name = file.Name(font, "BaseFont") ?? "(" + use.ResourceName + ", unnamed)";
        var subtype = file.Name(font, "Subtype") ?? "";
        var described = font;
        if (subtype == "Type0" && file.Array(font, "DescendantFonts") is { Length: > 0 } kids && file.Resolve(kids.Data[0]) is DictionaryToken descendant)
        {
            described = descendant;
            subtype = file.Name(descendant, "Subtype") ?? subtype;
        }
        var descriptor = file.Dictionary(described, "FontDescriptor");
        var program = (file.Get(descriptor, "FontFile2") ?? file.Get(descriptor, "FontFile3") ?? file.Get(descriptor, "FontFile")) as StreamToken;
        var embedded = subtype == "Type3" || program is not null;
        var outlines = subtype switch
        {
            "Type3" => "Type3",
            "CIDFontType2" or "TrueType" => "TrueType",
            "CIDFontType0" or "Type1C" => "CFF",
            _ => file.Name(program?.StreamDictionary, "Subtype") is "Type1C" or "CIDFontType0C" ? "CFF" : subtype,
        };
        var subset = name.Length > 7 && name[6] == '+' && name[..6].All(char.IsAsciiLetterUpper);

        var toUnicode = file.Get(font, "ToUnicode") as StreamToken;
        var map = toUnicode is not null && file.Decode(toUnicode) is { } cmap ? ParseToUnicode(Encoding.Latin1.GetString(cmap)) : null;
        var codes = use.Codes.Order().ToList();
        var unmapped = map is null ? codes : codes.Where(c => !map.ContainsKey(c)).ToList();
        var bad = map is null ? [] : codes.Where(c => map.TryGetValue(c, out var text) && text.Any(ch => ch is '\0' or '\uFEFF' or '\uFFFE')).ToList();

        List<(uint, double, double)>? widths = null;
        if (subtype == "CIDFontType2" && program is not null && file.Decode(program) is { } bytes)
            widths = WidthMismatches(file, described, bytes, codes);

        var report = new FontReport(name, "", outlines, embedded, subset, map is not null && unmapped.Count == 0);
        return new FontMeasurement(report, use.FirstPage, unmapped, bad, widths);
    }

    /// <summary>Code → text from the bfchar and bfrange sections of a ToUnicode CMap.</summary>
    public static Dictionary<uint, string> ParseToUnicode(string cmap)
    {
        var map = new Dictionary<uint, string>();
        foreach (Match block in Regex.Matches(cmap, @"beginbfchar(.*?)endbfchar", RegexOptions.Singleline))
        {
            foreach (Match pair in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>"))
                map[Code(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
        }
        foreach (Match block in Regex.Matches(cmap, @"beginbfrange(.*?)endbfrange", RegexOptions.Singleline))
        {
            foreach (Match range in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])"))
            {
                uint low = Code(range.Groups[1].Value), high = Code(range.Groups[2].Value);
                var target = range.Groups[3].Value;
                if (target.StartsWith('['))
                {
                    var items = Regex.Matches(target, "<([0-9A-Fa-f]*)>").Select(m => m.Groups[1].Value).ToList();
                    for (var c = low; c <= high && c - low < items.Count; c++)
                        map[c] = Utf16(items[(int)(c - low)]);
                }
                else
                {
                    // §9.10.3: the last byte of the destination is incremented over the range.
                    var start = Convert.FromHexString(target.Trim('<', '>'));
                    for (var c = low; c <= high && c - low < 65536; c++)
                    {
                        var bytes = (byte[])start.Clone();
                        if (bytes.Length > 0)
                            bytes[^1] = (byte)(bytes[^1] + (c - low));
                        map[c] = Encoding.BigEndianUnicode.GetString(bytes);
                    }
                }
            }
        }
        return map;
    }

    private static uint Code(string hex) => uint.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex.Length % 2 == 0 ? hex : hex + "0"));

    /// <summary>/W and /DW (§9.7.4.3) against the TrueType program's advances, CID to glyph through /CIDToGIDMap.</summary>
    private static List<(uint, double, double)> WidthMismatches(PdfFile file, DictionaryToken cidFont, byte[] program, List<uint> codes)
    {
        var widths = Widths(file, cidFont);
        var defaultWidth = file.Number(cidFont, "DW") ?? 1000;
        byte[]? cidToGid = file.Get(cidFont, "CIDToGIDMap") is StreamToken map ? file.Decode(map) : null;
        var mismatches = new List<(uint, double, double)>();
        using var blob = HarfBuzzSharp.Blob.FromStream(new MemoryStream(program));
        using var face = new HarfBuzzSharp.Face(blob, 0);
        using var font = new HarfBuzzSharp.Font(face);
        var unitsPerEm = face.UnitsPerEm;
        if (unitsPerEm <= 0)
            return mismatches;
        font.SetScale(unitsPerEm, unitsPerEm);
        foreach (var cid in codes)
        {
            var glyph = cidToGid is null ? cid : 2 * cid + 1 < cidToGid.Length ? (uint)((cidToGid[2 * cid] << 8) | cidToGid[(2 * cid) + 1]) : 0;
            if (glyph >= face.GlyphCount)
                continue;
            var fromProgram = Math.Round(font.GetHorizontalGlyphAdvance(glyph) * 1000.0 / unitsPerEm, 3);
            var fromDictionary = widths.TryGetValue(cid, out var w) ? w : defaultWidth;
            if (Math.Abs(fromProgram - fromDictionary) > 1)
                mismatches.Add((cid, fromDictionary, fromProgram));
        }
        return mismatches;
    }

    private static Dictionary<uint, double> Widths(PdfFile file, DictionaryToken cidFont)
    {
        var result = new Dictionary<uint, double>();
        if (file.Array(cidFont, "W") is not { } w)
            return result;
        var items = w.Data.Select(file.Resolve).ToList();
        for (var i = 0; i < items.Count;)
        {
            if (items[i] is not NumericToken first)
                break;
            if (i + 1 < items.Count && items[i + 1] is ArrayToken list)
            {
                var values = list.Data.Select(file.Resolve).OfType<NumericToken>().ToList();
                for (var k = 0; k < values.Count; k++)
                    result[(uint)(first.Int + k)] = values[k].Double;
                i += 2;
            }
            else if (i + 2 < items.Count && items[i + 1] is NumericToken last && items[i + 2] is NumericToken width)
            {
                for (var c = first.Int; c <= last.Int && c - first.Int < 65536; c++)
                    result[(uint)c] = width.Double;
                i += 3;
            }
            else
            {
                break;
            }
        }
        return result;
    }
}
