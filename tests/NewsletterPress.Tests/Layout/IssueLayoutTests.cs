using NewsletterPress.Diagnostics;
using NewsletterPress.Display;
using NewsletterPress.Layout;
using NewsletterPress.Manifest;
using NewsletterPress.Tests.Support;
using SkiaSharp;

namespace NewsletterPress.Tests.Layout;

/// <summary>The display list of real issues: figures, tables, structure, furniture.</summary>
public class IssueLayoutTests
{
    private static (Issue Issue, DisplayDocument Document, WarningLog Warnings) Compose(string folder)
    {
        var warnings = new WarningLog();
        var (issue, document) = IssueBuild.Compose(Repo.Path(folder), warnings);
        return (issue, document, warnings);
    }

    [Fact]
    public void Figures_fit_their_column_or_span_the_block_and_are_never_enlarged_below_150_dpi()
    {
        var (issue, document, warnings) = Compose("samples/figures-and-tables");
        Assert.Empty(warnings.All);
        var config = LayoutConfig.From(issue.Style, new WarningLog());
        var images = document.Pages.SelectMany(p => p.Items.OfType<ImageItem>()).ToList();
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            using var codec = SKCodec.Create(image.Path);
            double dpi = codec.Info.Width / (image.Width / 72);
            Assert.True(dpi >= 149.9, $"{Path.GetFileName(image.Path)} printed at {dpi:0} dpi");
            Assert.Equal(codec.Info.Height / (double)codec.Info.Width, image.Height / image.Width, 3);
        }
        var chart = images.Single(i => i.Path.EndsWith("chart.png", StringComparison.Ordinal));
        Assert.True(chart.Width <= config.ColumnWidth * 0.9 + 0.01);
        var photo = images.Single(i => i.Path.EndsWith("harbour.jpg", StringComparison.Ordinal));
        Assert.True(photo.X > config.BlockLeft(2) + config.ColumnWidth / 2, "a spanning figure is centred on the text block");
    }

    [Fact]
    public void Every_body_glyph_run_belongs_to_a_structure_element_and_footers_are_artifacts()
    {
        var (_, document, _) = Compose("issues/vol-11");
        var structure = document.Structure;
        Assert.Equal(StructureRole.Document, structure[0].Role);
        Assert.All(structure.Skip(1), e => Assert.True(e.Parent < e.Id, "parents come before their children"));
        Assert.Equal(3, structure.Count(e => e.Role == StructureRole.Art));
        Assert.Equal(3, structure.Count(e => e.Role == StructureRole.H1));
        foreach (var page in document.Pages.Skip(1))
        {
            var runs = page.Items.OfType<GlyphRun>().ToList();
            var footer = runs.Where(r => r.Y > 780).ToList();
            Assert.NotEmpty(footer);
            Assert.All(footer, r => Assert.Null(r.Element));
            Assert.All(runs.Except(footer), r => Assert.NotNull(r.Element));
        }
    }

    [Fact]
    public void Table_columns_keep_their_alignment_and_numbers_line_up_at_the_right()
    {
        var (_, document, _) = Compose("samples/figures-and-tables");
        var runs = document.Pages[1].Items.OfType<GlyphRun>().ToList();
        var numbers = runs.Where(r => r.Text is "118" or "31" or "22" or "43").ToList();
        Assert.Equal(4, numbers.Count);
        var rightEdges = numbers.Select(r => r.X + r.Glyphs[^1].X + r.Glyphs[^1].Advance).ToList();
        Assert.True(rightEdges.Max() - rightEdges.Min() < 0.01, string.Join(", ", rightEdges));
    }
}
