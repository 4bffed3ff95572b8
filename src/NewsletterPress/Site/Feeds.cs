using System.Text;
using System.Xml;

namespace NewsletterPress.Site;

/// <summary>
/// The machine-readable pages: an Atom feed (RFC 4287) with an entry per volume, newest first, its contents as the
/// summary; and a sitemap (sitemaps.org 0.9) of every page. Both want absolute addresses: with only a path for
/// --base-url they carry the site's paths, which the command warns about.
/// </summary>
internal static class Feeds
{
    /// <summary>The newest volumes a feed reader is offered.</summary>
    private const int FeedVolumes = 20;

    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] AtomFeed(SiteAddress site, string title, IReadOnlyList<SiteVolume> newestFirst)
    {
        return Xml(xml =>
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, newestFirst.FirstOrDefault()?.Language ?? "en");
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("id", Atom, site.Absolute(""));
            xml.WriteElementString("updated", Atom, Timestamp(newestFirst.FirstOrDefault()?.Date ?? DateOnly.MinValue));
            Link(xml, site.Absolute(""), null);
            Link(xml, site.Absolute("feed.xml"), "self");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, newestFirst.FirstOrDefault()?.Publisher ?? title);
            xml.WriteEndElement();
            foreach (var volume in newestFirst.Take(FeedVolumes))
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteAttributeString("xml", "lang", null, volume.Language);
                xml.WriteElementString("title", Atom, volume.Title);
                xml.WriteElementString("id", Atom, site.Absolute(Addresses.Volume(volume)));
                xml.WriteElementString("updated", Atom, Timestamp(volume.Date));
                xml.WriteElementString("published", Atom, Timestamp(volume.Date));
                Link(xml, site.Absolute(Addresses.Volume(volume)), null);
                xml.WriteStartElement("summary", Atom);
                xml.WriteString(string.Join(" / ", volume.Articles.Select(a => a.Author is null ? a.ContentsLine : $"{a.ContentsLine} ({a.Author})")));
                xml.WriteEndElement();
                foreach (var article in volume.Articles.Where(a => a.Author is not null).Select(a => a.Author!).Distinct())
                {
                    xml.WriteStartElement("contributor", Atom);
                    xml.WriteElementString("name", Atom, article);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    public static byte[] Sitemap(SiteAddress site, IEnumerable<(string Path, DateOnly? Modified)> pages)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        return Xml(xml =>
        {
            xml.WriteStartElement("urlset", ns);
            foreach (var (path, modified) in pages)
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, site.Absolute(path));
                if (modified is { } date) xml.WriteElementString("lastmod", ns, Dates.Iso(date));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    private static void Link(XmlWriter xml, string href, string? rel)
    {
        xml.WriteStartElement("link", Atom);
        if (rel is not null) xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => Dates.Iso(date) + "T00:00:00Z";

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
