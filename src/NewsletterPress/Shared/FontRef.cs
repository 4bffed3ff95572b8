namespace NewsletterPress.Shared;

/// <summary>A font file (and face index inside a collection) that glyph ids refer to.</summary>
public sealed record FontRef(string FilePath, int FaceIndex = 0);
