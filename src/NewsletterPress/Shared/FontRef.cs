namespace NewsletterPress.Shared;

/// <summary>A font face that glyph ids refer to: the file it came from (for messages, reports and the archive's
/// attachments), its bytes as the Text stage opened them (<see cref="FontData"/>, what later stages read), and the
/// face index inside a collection.</summary>
public sealed record FontRef(string FilePath, FontData Data, int FaceIndex = 0);
