using System.Globalization;
using System.Text;

namespace NewsletterPress.Rendering.Pdf;

/// <summary>
/// Lexical conventions of PDF (ISO 32000-1 §7.3): numbers, names and strings as they
/// appear in the file. Every token the writer emits goes through here so that the
/// format is the same everywhere and never depends on the current culture.
/// </summary>
internal static class PdfSyntax
{
    /// <summary>
    /// A real number (§7.3.3): invariant culture, at most four decimals, never exponent
    /// notation (which PDF does not allow), no trailing zeros, no "-0".
    /// </summary>
    public static string Number(double value)
    {
        Span<char> text = stackalloc char[MaxNumberLength];
        return Number(value, text) is var length and >= 0 ? new string(text[..length]) : Wide(value);
    }

    /// <summary>Appends <see cref="Number(double)"/> to a content stream or array being built, without a string of its
    /// own (a page writes thousands of numbers).</summary>
    public static StringBuilder AppendNumber(StringBuilder to, double value)
    {
        Span<char> text = stackalloc char[MaxNumberLength];
        return Number(value, text) is var length and >= 0 ? to.Append(text[..length]) : to.Append(Wide(value));
    }

    private const int MaxNumberLength = 24;

    /// <summary>Writes the number into <paramref name="text"/> and returns its length, or -1 for a number at or above
    /// <see cref="FixedPointLimit"/>, which <see cref="Wide"/> writes.</summary>
    private static int Number(double value, Span<char> text)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "PDF numbers must be finite.");
        var rounded = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            text[0] = '0';
            return 1;
        }
        if (Math.Abs(rounded) >= FixedPointLimit)
            return -1;
        // Written by hand from the number of ten-thousandths, which is exact below the limit: the custom format
        // "0.####" parsed its pattern and made 15 digits for every number, and a page has thousands of numbers
        // (profiled: 3 % of the twenty-article issue's build). PdfSyntaxTests checks that both write the same.
        var tenThousandths = (long)Math.Round(rounded * 10_000);
        var whole = Math.Abs(tenThousandths) / 10_000;
        var fraction = (int)(Math.Abs(tenThousandths) % 10_000);
        var length = 0;
        if (tenThousandths < 0)
            text[length++] = '-';
        whole.TryFormat(text[length..], out var digits, default, CultureInfo.InvariantCulture);
        length += digits;
        if (fraction != 0)
        {
            text[length++] = '.';
            for (var unit = 1000; fraction != 0; unit /= 10)
            {
                text[length++] = (char)('0' + (fraction / unit));
                fraction %= unit;
            }
        }
        return length;
    }

    private static string Wide(double value) =>
        Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Below this a number rounded to four decimals has at most 14 significant digits, so its count of
    /// ten-thousandths is a whole number a double holds exactly, and "0.####" (15 significant digits) writes exactly
    /// those digits.</summary>
    private const double FixedPointLimit = 1e10;

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A name object (§7.3.5): '/' then the name, with delimiters, whitespace
    /// and bytes outside ! .. ~ written as #xx.</summary>
    public static string Name(string name)
    {
        var sb = new StringBuilder(name.Length + 1).Append('/');
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (b < 0x21 || b > 0x7e || "()<>[]{}/%#".Contains(c))
                sb.Append('#').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A literal string (§7.3.4.2) of ASCII text, with \ ( ) and control characters escaped.</summary>
    public static string LiteralString(string ascii)
    {
        var sb = new StringBuilder(ascii.Length + 2).Append('(');
        foreach (var c in ascii)
        {
            if (c > 0x7e)
                throw new ArgumentException("Literal strings here carry ASCII only.", nameof(ascii));
            switch (c)
            {
                case '\\' or '(' or ')':
                    sb.Append('\\').Append(c);
                    break;
                case < ' ':
                    sb.Append('\\').Append(Convert.ToString(c, 8).PadLeft(3, '0'));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.Append(')').ToString();
    }

    /// <summary>A hexadecimal string (§7.3.4.3).</summary>
    public static string HexString(ReadOnlySpan<byte> bytes) => "<" + Convert.ToHexString(bytes) + ">";

    /// <summary>
    /// A text string (§7.9.2.2): plain ASCII as an escaped literal, anything else as
    /// UTF-16BE with a byte order mark, written in hex so that no escaping is needed.
    /// </summary>
    public static string TextString(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7e || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
                return HexString(Utf16BigEndianWithBom(text));
        }
        return LiteralString(text);
    }

    public static byte[] Utf16BigEndianWithBom(string text)
    {
        var body = Encoding.BigEndianUnicode.GetBytes(text);
        var bytes = new byte[body.Length + 2];
        bytes[0] = 0xFE;
        bytes[1] = 0xFF;
        body.CopyTo(bytes, 2);
        return bytes;
    }

    /// <summary>A date (§7.9.4): D:YYYYMMDDHHmmSS+HH'mm', in the offset the date carries.</summary>
    public static string Date(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"D:{date:yyyyMMddHHmmss}{sign}{abs.Hours:00}'{abs.Minutes:00}'");
    }
}
