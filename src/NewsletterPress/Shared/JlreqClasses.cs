namespace NewsletterPress.Shared;

/// <summary>
/// The JLREQ character classes (W3C "Requirements for Japanese Text Layout", appendix A)
/// that the line breaker and the spacing rules need. The lists are typography.md's table.
/// </summary>
public static class JlreqClasses
{
    /// <summary>cl-01 opening brackets: never at a line end.</summary>
    public const string Opening = "‘“（〔［｛〈《「『【｟〘〖«〝([{";

    /// <summary>cl-02 closing brackets: never at a line start.</summary>
    public const string Closing = "’”）〕］｝〉》」』】｠〙〗»〟)]}";

    /// <summary>cl-03 hyphens, cl-04 dividing punctuation, cl-05 middle dots, cl-06 full stops, cl-07 commas.</summary>
    public const string NotStarting = "‐〜゠–？！‼⁇⁈⁉・：；。．、，";

    /// <summary>cl-09 iteration marks, cl-10 prolonged sound mark, cl-11 small kana (strict rules).</summary>
    public const string NotStartingStrict = "ヽヾゝゞ々〻ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ";

    /// <summary>cl-08 inseparable characters: never split between two of them.</summary>
    public const string Inseparable = "—…‥";

    /// <summary>Units written right after a number that stay with it (JLREQ 3.1.10: a number and its unit are not
    /// split): cl-13 postfixed abbreviations, and 円, which UAX #14 treats as an ordinary ideograph.</summary>
    public const string PostfixedUnits = "円％‰℃°′″%";

    public static bool IsOpening(int c) => c < 0x10000 && Opening.Contains((char)c);
    public static bool IsClosing(int c) => c < 0x10000 && Closing.Contains((char)c);
    public static bool IsMiddleDotOrStop(int c) => c is '・' or '：' or '；' or '。' or '．' or '、' or '，';

    /// <summary>True when a line may not start with this character.</summary>
    public static bool MayNotStartLine(int c) =>
        c < 0x10000 && (Closing.Contains((char)c) || NotStarting.Contains((char)c) || NotStartingStrict.Contains((char)c)
            || c is ',' or '.' or ':' or ';' or '!' or '?');

    /// <summary>True when a line may not end with this character.</summary>
    public static bool MayNotEndLine(int c) => IsOpening(c);

    /// <summary>Kanji for large powers of ten written after digits (3万, 1億2000万): part of the number.</summary>
    public const string NumberPowers = "万億兆";

    /// <summary>True when a line may not break between these two: two of the same cl-08 character, or inside a number
    /// written with 万億兆 (3万), or between a number and its unit (3,000円, 3万円).</summary>
    public static bool IsInseparablePair(int before, int after) =>
        (before == after && before < 0x10000 && Inseparable.Contains((char)before))
        || (IsDigit(before) && after < 0x10000 && (PostfixedUnits.Contains((char)after) || NumberPowers.Contains((char)after)))
        || (before < 0x10000 && NumberPowers.Contains((char)before) && (IsDigit(after) || (after < 0x10000 && after == '円')));

    private static bool IsDigit(int c) => c is >= '0' and <= '9' or >= '０' and <= '９';
}
