using NewsletterPress.Diagnostics;
using NewsletterPress.Manifest;
using NewsletterPress.Tests.Support;

namespace NewsletterPress.Tests.Manifest;

public class IssueLoaderTests
{
    private const string Article = "---\ntitle: T\n---\n\n本文。\n";

    [Fact]
    public void Vol11_manifest_loads_with_its_articles_and_donation_box()
    {
        var issue = IssueLoader.Load(Repo.Vol11);
        Assert.Equal("Civil Society Forum Vol.11", issue.FullTitle);
        Assert.Equal(new DateOnly(2022, 7, 1), issue.Date);
        Assert.Equal(3, issue.Articles.Length);
        Assert.All(issue.Articles, a => Assert.True(File.Exists(a.Path)));
        Assert.Equal(ArticleStart.NewPage, issue.Articles[2].Start);
        Assert.NotNull(issue.Donation);
        Assert.Equal("4569420", issue.Donation!.Details.Single(d => d.Label == "口座番号").Value);
    }

    [Fact]
    public void A_folder_given_with_a_trailing_slash_loads()
    {
        var issue = IssueLoader.Load(Repo.Vol11 + Path.DirectorySeparatorChar);
        Assert.Equal(3, issue.Articles.Length);
    }

    [Fact]
    public void A_misspelt_key_is_reported_at_its_line_and_column_with_the_key_meant()
    {
        var manifest = IssueFolder.Manifest("ja", "a.md").Replace("publisher:", "publsher:");
        using var folder = new IssueFolder(manifest, ("a.md", Article));
        var e = Assert.Throws<InputException>(() => IssueLoader.Load(folder.Path));
        Assert.Equal(4, e.Position!.Line);
        Assert.Equal(1, e.Position.Column);
        Assert.EndsWith("issue.yaml", e.Position.File);
        Assert.Contains("did you mean 'publisher'", e.Message);
    }

    [Theory]
    [InlineData("date: 2024-01-15", "date: 15.1.2024", "YYYY-MM-DD")]
    [InlineData("volume: 3", "volume: three", "whole number")]
    [InlineData("  - articles/a.md", "  - articles/missing.md", "not found")]
    [InlineData("  - articles/a.md", "  - ../outside.md", "outside the issue folder")]
    [InlineData("  - articles/a.md", "  - path: articles/a.md\n    start: next-page", "new-page | new-column | continue")]
    public void Bad_values_are_errors_that_say_what_was_expected(string good, string bad, string expected)
    {
        var manifest = IssueFolder.Manifest("ja", "a.md").Replace(good, bad);
        using var folder = new IssueFolder(manifest, ("a.md", Article));
        var e = Assert.Throws<InputException>(() => IssueLoader.Load(folder.Path));
        Assert.NotNull(e.Position);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_a_position()
    {
        using var folder = new IssueFolder("newsletter: [unclosed\nvolume: 1\n", ("a.md", Article));
        var e = Assert.Throws<InputException>(() => IssueLoader.Load(folder.Path));
        Assert.NotNull(e.Position);
        Assert.Contains("not valid YAML", e.Message);
    }

    [Fact]
    public void Style_lengths_accept_mm_pt_Q_and_zw()
    {
        var manifest = IssueFolder.Manifest("ja", "a.md") +
            "style:\n  column-width: 24zw\n  column-gap: 8mm\n  margins: { top: 60Q, bottom: 50pt }\n  body: { size: 9pt, leading: 16pt }\n";
        using var folder = new IssueFolder(manifest, ("a.md", Article));
        var style = IssueLoader.Load(folder.Path).Style;
        Assert.Equal(24 * 9, style.ColumnWidth.ToPoints(style.BodySize), 3);
        Assert.Equal(8 * 72 / 25.4, style.ColumnGap.ToPoints(style.BodySize), 3);
        Assert.Equal(15 * 72 / 25.4, style.MarginTop.ToPoints(style.BodySize), 3);
        Assert.Equal(16, style.Leading);
    }

    [Fact]
    public void A_print_condition_names_an_icc_profile_inside_the_issue_folder()
    {
        var manifest = IssueFolder.Manifest("ja", "a.md") +
            "style:\n  print-condition: { icc: jc.icc, identifier: JC200103, condition: Japan Color 2001 Coated }\n";
        using var folder = new IssueFolder(manifest, ("a.md", Article));
        File.WriteAllBytes(Path.Combine(folder.Path, "jc.icc"), [1, 2, 3]);
        var condition = IssueLoader.Load(folder.Path).Style.PrintCondition!;
        Assert.Equal(("JC200103", "Japan Color 2001 Coated"), (condition.Identifier, condition.Condition));
        Assert.EndsWith("jc.icc", condition.IccPath);

        File.Delete(Path.Combine(folder.Path, "jc.icc"));
        var e = Assert.Throws<InputException>(() => IssueLoader.Load(folder.Path));
        Assert.Contains("'jc.icc' not found", e.Message);
    }
}
