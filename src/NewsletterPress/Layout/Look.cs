namespace NewsletterPress.Layout;

/// <summary>
/// The numbers of look.md that are not the page grid (that is <see cref="LayoutConfig"/>, from the style), named once:
/// type sizes, the spacing inside openers, the masthead, the contents and the donation box, rule weights. Sizes are
/// in points; a value called "…Em" is a share of the body size, "…Leading" a share of the grid's line pitch, and
/// "…Ratio" a share of the element's own type size.
/// </summary>
internal static class Look
{
    /// <summary>The body size look.md's type scale is written for: other sizes keep their ratio to it.</summary>
    public const double ReferenceBody = 9.5;

    public static class Type
    {
        public const double Heading2 = 10.5;
        public const double Heading3 = 9.5;
        public const double Kicker = 8.5;
        public const double KickerTracking = 0.08;
        public const double Title = 17;
        public const double Affiliation = 8.5;
        public const double Masthead = 30;
        public const double MastheadSmall = 8.5;
        public const double ContentsTitle = 11;
        public const double ContentsTitleTracking = 0.15;
        public const double Footer = 7.5;
        public const double Footnote = 7.5;
        public const double Caption = 8;
    }

    public static class Opener
    {
        /// <summary>From the band's top to the kicker's baseline.</summary>
        public const double KickerAdvanceRatio = 1.3;
        public const double KickerLeadingRatio = 1.5;
        /// <summary>From the kicker's baseline (or the band's top) to the title's.</summary>
        public const double TitleAfterKickerRatio = 1.6;
        public const double TitleAtTopRatio = 1.2;
        public const double TitleLeadingRatio = 1.35;
        public const double AuthorAdvanceLeading = 1.3;
        public const double AffiliationLeading = 0.95;
        /// <summary>The thin rule under the opener, below its last line.</summary>
        public const double RuleGapEm = 0.9;
        public const double RuleWeight = 0.5;
        public const double BottomLeading = 0.6;
    }

    public static class Masthead
    {
        public const double RuleGapRatio = 0.3;
        public const double RuleWeight = 1.5;
        public const double InfoAdvanceRatio = 1.8;
    }

    public static class Contents
    {
        public const double RuleGapEm = 0.5;
        public const double RuleWeight = 0.5;
        /// <summary>An entry sits at least this far below what is above it.</summary>
        public const double EntryAdvanceEm = 1.2;
        /// <summary>Room kept at the right of an entry for its page number and at least three leader dots.</summary>
        public const double NumberRoomEm = 4;
        public const double LeaderGapEm = 0.5;
        public const double LeaderPitchEm = 0.6;
        public const double LinkTopLeading = 0.2;
        /// <summary>An entry longer than this is a title that cannot serve as one: the cover would be all contents.</summary>
        public const int MaxEntryLines = 3;
    }

    public static class Donation
    {
        /// <summary>The frame's padding (1 zw).</summary>
        public const double PaddingEm = 1;
        public const double FrameWeight = 0.75;
        /// <summary>Options and the bank details start this far below what is above them.</summary>
        public const double GroupAdvanceLeading = 1.5;
    }

    public static class Footer
    {
        public const double RuleAboveRatio = 1.6;
        public const double RuleWeight = 0.3;
        /// <summary>The footer's baseline is at least this far below the text block.</summary>
        public const double MinimumDrop = 14;
        /// <summary>Else it sits this share of the way down the bottom margin (1 / 2.2).</summary>
        public const double MarginShare = 1 / 2.2;
    }

    public static class Notes
    {
        /// <summary>Footnotes are 7.5 pt on a 12 pt pitch.</summary>
        public const double Pitch = 12;
        /// <summary>Space after each note.</summary>
        public const double After = 2;
        /// <summary>The rule above the footnotes and the space around it.</summary>
        public const double Separator = 9;
        public const double RuleWeight = 0.5;
        /// <summary>A note taller than this share of the page cannot sit at a column foot: it goes to the article's end.</summary>
        public const double MostOfPage = 1 / 3.0;
    }

    public static class Body
    {
        /// <summary>A short group of hard-broken lines (an address) is kept in one column.</summary>
        public const int MaxLinesKeptTogether = 8;
        /// <summary>A field label takes at most this share of the measure before it wraps.</summary>
        public const double MaxLabelShare = 0.4;
        public const double ThinRuleWeight = 0.5;
        /// <summary>Blank grid lines above and below an element that spans the columns.</summary>
        public const int SpanningBlankLines = 1;
    }

    public static class Figures
    {
        /// <summary>Below this effective resolution a photo looks soft in print, so it is not enlarged further.</summary>
        public const double MinimumDpi = 150;
        /// <summary>Space between the image and its caption.</summary>
        public const double CaptionGapLeading = 0.5;
        /// <summary>A figure may be set this much smaller than asked so that it fits where it is referenced.</summary>
        public const double SmallestScale = 0.75;
    }
}
