namespace NewsletterPress.Rendering.Pdf;

/// <summary>The profile names of the command line and the preflight, and the writer's profile each stands for.</summary>
public static class ProfileNames
{
    public static readonly string[] All = ["screen", "print", "print-x1a", "archive"];

    public static PdfProfile Parse(string name) => name switch
    {
        "print" => PdfProfile.Print,
        "print-x1a" => PdfProfile.PrintX1a,
        "archive" => PdfProfile.Archive,
        _ => PdfProfile.Screen,
    };
}
