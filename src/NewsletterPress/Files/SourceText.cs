using System.Text;
using System.Text.Unicode;
using NewsletterPress.Diagnostics;

namespace NewsletterPress.Files;

/// <summary>
/// Decodes an editor's text file. Invalid UTF-8 is an error at its line and column, never a
/// silent U+FFFD, and control characters other than tab, line feed and carriage return are
/// refused: a NUL, BEL or ESC has no business in print and would reach the PDF's text.
/// </summary>
public static class SourceText
{
    public static string Decode(byte[] bytes, string file)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..]; // a byte order mark is not text
        if (!Utf8.IsValid(span))
            throw new InputException(FirstInvalidByte(span, file), "the file is not valid UTF-8 here; save it as UTF-8");
        var text = Encoding.UTF8.GetString(span);
        int line = 1, column = 1;
        foreach (var c in text)
        {
            if (IsForbiddenControl(c))
                throw new InputException(new SourcePosition(file, line, column),
                    $"the control character U+{(int)c:X4} is not allowed in the text; delete it");
            if (c == '\n') { line++; column = 1; }
            else if (!char.IsLowSurrogate(c)) column++;
        }
        return text;
    }

    /// <summary>The index of the first control character other than tab, line feed and carriage return; -1 when none.</summary>
    public static int IndexOfForbiddenControl(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (IsForbiddenControl(text[i])) return i;
        return -1;
    }

    private static bool IsForbiddenControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    private static SourcePosition FirstInvalidByte(ReadOnlySpan<byte> span, string file)
    {
        int line = 1, column = 1;
        while (Rune.DecodeFromUtf8(span, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            if (rune.Value == '\n') { line++; column = 1; }
            else column++;
            span = span[consumed..];
        }
        return new SourcePosition(file, line, column);
    }
}
