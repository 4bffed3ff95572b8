using NewsletterPress.Manifest;

namespace NewsletterPress.Layout;

/// <summary>
/// The page grid (基本版面) resolved once from the style: paper, text block, columns and the
/// baseline grid, all in points. The text block is centred and a whole number of lines high;
/// the margins follow from it (look.md).
/// </summary>
internal sealed record LayoutConfig(
    double PageWidth, double PageHeight, double BodySize, double Leading,
    int Columns, double ColumnWidth, double ColumnGap, double BlockWidth,
    double InsideMargin, double OutsideMargin, double Top, int LinesPerPage, double FooterBaseline)
{
    public static LayoutConfig From(Style style, Diagnostics.WarningLog warnings)
    {
        double em = style.BodySize;
        double width = style.PaperWidth.ToPoints(em), height = style.PaperHeight.ToPoints(em);
        double column = style.ColumnWidth.ToPoints(em), gap = style.ColumnGap.ToPoints(em);
        int columns = style.Columns;
        // A column must be a whole number of ems so that a line of pure kanji needs no adjustment.
        double wholeEms = Math.Floor(column / em + 1e-6) * em;
        if (Math.Abs(wholeEms - column) > 1e-6)
        {
            warnings.Add(style.At("column-width", "body"), Diagnostics.WarningCode.ColumnRounded, $"column width {column:0.##}pt is not a whole number of body ems; rounded down to {wholeEms:0.##}pt and the gap widened");
            gap += (column - wholeEms) * columns / Math.Max(1, columns - 1);
            column = wholeEms;
        }
        double block = columns * column + (columns - 1) * gap;
        double inside = style.MarginInside?.ToPoints(em) ?? (width - block) / 2;
        double outside = style.MarginOutside?.ToPoints(em) ?? width - block - inside;
        // The page's width and its height are checked apart, so that a style wrong in both is told both in one run.
        var errors = new Diagnostics.InputErrors();
        if (inside + block + outside > width + 0.01 || inside < 0 || outside < 0)
            errors.Add(new Diagnostics.InputException(style.At("column-width", "columns", "column-gap", "margins", "body", "paper"),
                $"the text block ({block:0.#}pt wide) and margins do not fit on the paper ({width:0.#}pt); narrow the columns or the margins"));
        double top = style.MarginTop.ToPoints(em), bottom = style.MarginBottom.ToPoints(em);
        int lines = (int)Math.Floor((height - top - bottom) / style.Leading);
        if (lines < 10)
            errors.Add(new Diagnostics.InputException(style.At("margins", "body", "paper"), "the margins leave fewer than 10 lines per page; reduce them or the leading"));
        errors.ThrowIfAny();
        double footer = top + lines * style.Leading + Math.Max(Look.Footer.MinimumDrop, (height - top - lines * style.Leading) * Look.Footer.MarginShare);
        return new LayoutConfig(width, height, em, style.Leading, columns, column, gap, block, inside, outside, top, lines, footer);
    }

    /// <summary>Left edge of the text block: the inside margin on a right-hand (odd) page.</summary>
    public double BlockLeft(int pageNumber) => pageNumber % 2 == 1 ? InsideMargin : OutsideMargin;

    /// <summary>Top of grid line <paramref name="line"/> (0-based).</summary>
    public double LineTop(int line) => Top + line * Leading;

    /// <summary>The baseline within a grid line: the body face's em box centred in the line pitch.</summary>
    public double BaselineOffset => (Leading - BodySize) / 2 + BodySize * 0.88;
}
