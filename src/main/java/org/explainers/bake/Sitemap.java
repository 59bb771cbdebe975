package org.explainers.bake;

import org.explainers.content.SiteAddress;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * sitemap.xml, written with an XML writer: every address of the site, sorted, with the last
 * change of the content pages. Past {@link #LIMIT} addresses (search engines read no more from
 * one file) it becomes a sitemap index of numbered sitemaps.
 */
final class Sitemap {

    static final int LIMIT = 50_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private Sitemap() {
    }

    /** One address: its path from the site root, and when its content last changed (or null). */
    record Url(String path, Instant modified) {
    }

    /** The sitemap's files by path: {@code name} alone, or {@code name} as an index and its parts. */
    static Map<String, byte[]> files(String name, List<Url> urls, SiteAddress address) throws XMLStreamException {
        Map<String, byte[]> files = new TreeMap<>();
        List<Url> sorted = urls.stream().sorted(java.util.Comparator.comparing(Url::path)).toList();
        if (sorted.size() <= LIMIT) {
            files.put(name, urlset(sorted, address));
            return files;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("sitemapindex");
        w.writeDefaultNamespace(NS);
        for (int from = 0, n = 1; from < sorted.size(); from += LIMIT, n++) {
            String part = part(name, n);
            files.put(part, urlset(sorted.subList(from, Math.min(sorted.size(), from + LIMIT)), address));
            w.writeCharacters("\n  ");
            w.writeStartElement("sitemap");
            element(w, "loc", address.of(part));
            w.writeEndElement();
        }
        finish(w, bytes);
        files.put(name, bytes.toByteArray());
        return files;
    }

    /** The files {@link #files} makes for {@code count} addresses. */
    static List<String> names(String name, long count) {
        List<String> names = new java.util.ArrayList<>(List.of(name));
        for (long n = 1; count > LIMIT && (n - 1) * LIMIT < count; n++) {
            names.add(part(name, (int) n));
        }
        return names;
    }

    /** The {@code n}th part of sitemap {@code name}: sitemap.xml's first is sitemap-1.xml. */
    private static String part(String name, int n) {
        String stem = name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
        return stem + "-" + n + ".xml";
    }

    private static byte[] urlset(List<Url> urls, SiteAddress address) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(urls.size() * 120 + 256);
        XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("urlset");
        w.writeDefaultNamespace(NS);
        for (Url u : urls) {
            w.writeCharacters("\n  ");
            w.writeStartElement("url");
            element(w, "loc", address.of(u.path()));
            if (u.modified() != null) {
                element(w, "lastmod", DateTimeFormatter.ISO_INSTANT.format(u.modified()));
            }
            w.writeEndElement();
        }
        finish(w, bytes);
        return bytes.toByteArray();
    }

    /** Closes the document's root element and the document, ending the file with a new line. */
    private static void finish(XMLStreamWriter w, ByteArrayOutputStream bytes) throws XMLStreamException {
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        bytes.write('\n');
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
