using NewsletterPress.Rendering.Pdf;

namespace NewsletterPress.Tests.Pdf;

/// <summary>A print output intent of the caller's own (<see cref="PdfWriterOptions.PrintIntent"/>).</summary>
public sealed class PrintOutputIntentTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] Profile(string fileName) =>
        File.ReadAllBytes(NewsletterPress.Tests.Support.Repo.Path(Path.Combine("src", "NewsletterPress", "Rendering", "Pdf", "Profiles", fileName)));

    private static readonly PrintOutputIntent JapanColor = new(
        Profile("NewsletterPress-FOGRA39.icc"), "JC200103", "Japan Color 2001 Coated");

    private static Display.DisplayDocument Document() =>
        SampleDocuments.SinglePage(TestShaper.Shape(RepositoryFonts.NotoSerif, "Print intent", 12, 56, 80));

    private System.Text.Json.JsonElement Intent(PdfInspector pdf) =>
        pdf.Get(Assert.Single(pdf.Catalog.GetProperty("/OutputIntents").EnumerateArray()));

    [Theory]
    [InlineData(PdfProfile.Print)]
    [InlineData(PdfProfile.PrintX1a)]
    public void The_given_condition_and_profile_become_the_output_intent(PdfProfile profile)
    {
        var path = _temp.File($"{profile}.pdf");
        PdfWriter.Write(Document(), path, new PdfWriterOptions(Profile: profile, PrintIntent: JapanColor));

        var pdf = new PdfInspector(path);
        var intent = Intent(pdf);
        Assert.Equal("/GTS_PDFX", intent.GetProperty("/S").GetString());
        Assert.Equal("JC200103", PdfInspector.Text(intent.GetProperty("/OutputConditionIdentifier")));
        Assert.Equal("Japan Color 2001 Coated", PdfInspector.Text(intent.GetProperty("/OutputCondition")));
        Assert.Equal("http://www.color.org", PdfInspector.Text(intent.GetProperty("/RegistryName")));
        var profileRef = intent.GetProperty("/DestOutputProfile").GetString()!;
        Assert.Equal(4, pdf.Object(profileRef).GetProperty("/N").GetInt32());
        Assert.Equal(JapanColor.IccProfile, pdf.StreamData(profileRef));
        Assert.Contains("/OutputConditionIdentifier (JC200103)", PdfTools.Uncompressed(path));

        var check = PdfTools.Run("qpdf", "--check", path);
        Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
        Assert.DoesNotContain("WARNING", check.StdOut + check.StdErr);
    }

    [Fact]
    public void A_registry_name_of_the_callers_own_is_kept()
    {
        var path = _temp.File("registry.pdf");
        PdfWriter.Write(Document(), path, new PdfWriterOptions(Profile: PdfProfile.Print,
            PrintIntent: JapanColor with { RegistryName = "https://example.org/conditions" }));
        Assert.Equal("https://example.org/conditions", PdfInspector.Text(Intent(new PdfInspector(path)).GetProperty("/RegistryName")));
    }

    [Fact]
    public void Without_a_print_intent_FOGRA39_stays_the_default()
    {
        var path = _temp.File("default.pdf");
        PdfWriter.Write(Document(), path, new PdfWriterOptions(Profile: PdfProfile.Print));
        Assert.Equal("FOGRA39", PdfInspector.Text(Intent(new PdfInspector(path)).GetProperty("/OutputConditionIdentifier")));
    }

    [Theory]
    [InlineData(PdfProfile.Screen)]
    [InlineData(PdfProfile.Archive)]
    public void Screen_and_archive_ignore_it(PdfProfile profile)
    {
        var options = new PdfWriterOptions(Profile: profile);
        Assert.Equal(PdfWriter.WriteToBytes(Document(), options), PdfWriter.WriteToBytes(Document(), options with { PrintIntent = JapanColor }));
        // Not even checked there: a wrong profile is no error where no print intent is written.
        PdfWriter.WriteToBytes(Document(), options with { PrintIntent = JapanColor with { IccProfile = Profile("sRGB.icc") } });
    }

    [Theory]
    [InlineData(PdfProfile.Print)]
    [InlineData(PdfProfile.PrintX1a)]
    public void An_RGB_monitor_profile_is_refused_naming_the_problem(PdfProfile profile)
    {
        var srgb = JapanColor with { IccProfile = Profile("sRGB.icc") };
        var path = _temp.File("srgb.pdf");
        var error = Assert.Throws<PdfWriterException>(() =>
            PdfWriter.Write(Document(), path, new PdfWriterOptions(Profile: profile, PrintIntent: srgb)));
        Assert.Contains("not a CMYK printer profile", error.Message);
        Assert.Contains("'mntr'", error.Message);
        Assert.Contains("'RGB'", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Bytes_that_are_no_ICC_profile_are_refused()
    {
        var error = Assert.Throws<PdfWriterException>(() => PdfWriter.WriteToBytes(Document(),
            new PdfWriterOptions(Profile: PdfProfile.Print, PrintIntent: JapanColor with { IccProfile = [1, 2, 3] })));
        Assert.Contains("not a CMYK printer profile", error.Message);
    }
}
