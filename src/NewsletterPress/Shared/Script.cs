namespace NewsletterPress.Shared;

/// <summary>Which writing system a character belongs to, for choosing faces and spacing.</summary>
public static class Script
{
    /// <summary>Kanji, kana, Japanese punctuation, full-width forms: set in the Japanese face.</summary>
    public static bool IsCjk(int c) =>
        c is >= 0x2E80 and <= 0x2FDF      // radicals (kept as written)
        or >= 0x3000 and <= 0x303F         // CJK symbols and punctuation
        or >= 0x3040 and <= 0x30FF         // hiragana, katakana
        or >= 0x31F0 and <= 0x31FF         // katakana phonetic extensions
        or >= 0x3200 and <= 0x33FF         // enclosed CJK, compatibility
        or >= 0x3400 and <= 0x4DBF         // extension A
        or >= 0x4E00 and <= 0x9FFF         // unified ideographs
        or >= 0xF900 and <= 0xFAFF         // compatibility ideographs
        or >= 0xFE30 and <= 0xFE4F         // CJK compatibility forms
        or >= 0xFF00 and <= 0xFFEF         // full-width and half-width forms
        or >= 0x20000 and <= 0x3FFFF;      // supplementary ideographs

    /// <summary>Letters and digits that get the quarter-em Japanese–Latin space next to Japanese.</summary>
    public static bool IsLatinLetterOrDigit(int c) =>
        c < 0x2E80 && (char.IsLetterOrDigit((char)c) || c is '%' or '$' or '#');

    /// <summary>Punctuation that already carries its own space next to Japanese (JLREQ cl-01…cl-07).</summary>
    public static bool IsJapanesePunctuation(int c) =>
        JlreqClasses.IsOpening(c) || JlreqClasses.IsClosing(c) || JlreqClasses.IsMiddleDotOrStop(c);

    /// <summary>Kanji and kana (letters, with ー and 々): the Japanese side of the Japanese–Latin space. Not
    /// punctuation, and not the abbreviation signs that belong to their number (JLREQ cl-12/13: ％ ￥ ＄ ℃).
    /// The setter puts the space by it and the preflight measures the space by it.</summary>
    public static bool IsPlainJapanese(int c) =>
        IsCjk(c) && !IsJapanesePunctuation(c) && System.Text.Rune.IsValid(c) && System.Text.Rune.IsLetter(new System.Text.Rune(c));

    /// <summary>Whether the quarter-em Japanese–Latin space (JLREQ 3.2.5) goes between these two characters.</summary>
    public static bool JapaneseLatinSpaceBetween(int before, int after) =>
        (IsPlainJapanese(before) && IsLatinLetterOrDigit(after)) || (IsLatinLetterOrDigit(before) && IsPlainJapanese(after));

    /// <summary>Characters such as “ ” — … that JIS sets full-width next to Japanese text.</summary>
    public static bool IsAmbiguousWidth(int c) => c is >= 0x2010 and <= 0x2027 or 0x00B7;
}
