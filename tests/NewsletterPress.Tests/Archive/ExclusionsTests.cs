using NewsletterPress.Archive;

namespace NewsletterPress.Tests.Archive;

public sealed class ExclusionsTests
{
    [Theory]
    [InlineData("notes/", "notes/todo.md", true)]
    [InlineData("notes/", "articles/notes/todo.md", true)]
    [InlineData("notes/", "notes", false)] // a file named notes is not the folder
    [InlineData("*.bak", "articles/a.md.bak", true)]
    [InlineData("*.bak", "articles/a.md", false)]
    [InlineData("Thumbs.db", "images/Thumbs.db", true)]
    [InlineData("images/raw/*.png", "images/raw/a.png", true)]
    [InlineData("images/raw/*.png", "raw/a.png", false)]
    [InlineData("images/private.png", "images/private.png", true)]
    [InlineData("images/private.png", "old/images/private.png", false)]
    public void A_pattern_is_read_as_gitignore_reads_it(string pattern, string file, bool excluded) =>
        Assert.Equal(excluded ? pattern : null, new Exclusions([pattern]).Match(file));
}
