using NewsletterPress.Content;

namespace NewsletterPress.Tests.Content;

/// <summary>Content recognises links, in articles and in the manifest's plain values (the donation box's contact).</summary>
public sealed class BareAddressTests
{
    [Fact]
    public void An_address_in_a_manifest_value_becomes_a_link_of_its_own_and_the_text_around_it_does_not()
    {
        var spans = BareAddresses.Linked("メール info@jivri.org または https://jivri.org/ja へ");
        Assert.Equal(new (string, string?)[]
            {
                ("メール ", null), ("info@jivri.org", "mailto:info@jivri.org"), (" または ", null), ("https://jivri.org/ja", "https://jivri.org/ja"), (" へ", null),
            },
            spans.Select(s => (s.Text, s.Link)));
    }

    [Fact]
    public void A_value_that_only_contains_an_at_sign_is_not_an_address()
    {
        var spans = BareAddresses.Linked("@jivri_official");
        Assert.Equal(new (string, string?)[] { ("@jivri_official", null) }, spans.Select(s => (s.Text, s.Link)));
    }
}
