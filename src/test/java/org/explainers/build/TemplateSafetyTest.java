package org.explainers.build;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Templates are trusted, content is not: header values are always escaped, and templates
 * cannot reach Java classes.
 */
class TemplateSafetyTest {

    private static final String SECTION = "content/articles/putin-peace-talks-core-demand/05-neutrality-and-security-guarantees.md";
    private static final String HOSTILE = "<script>alert(1)</script>\\\" onmouseover=\\\"alert(2)";

    @Test
    void headerValuesAreEscapedEverywhere(@TempDir Path tmp) throws IOException {
        TempProject p = new TempProject(tmp);
        String text = p.read(SECTION)
                .replace("title: Neutrality and Security Guarantees", "title: \"Neutrality " + HOSTILE + "\"")
                .replaceFirst("summary: .*", "summary: \"Summary </script><img src=x onerror=alert(3)> & more\"");
        p.write(SECTION, text);
        assertTrue(p.build().ok(), p.log());
        int pages = 0;
        try (Stream<Path> walk = Files.walk(p.site())) {
            for (Path f : walk.filter(x -> x.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f, StandardCharsets.UTF_8);
                Document doc = Jsoup.parse(html);
                String name = p.site().relativize(f).toString();
                assertTrue(doc.select("script").stream().noneMatch(s -> s.data().contains("alert(1)") && !s.attr("type").equals("application/ld+json")),
                        name + " runs the header's script");
                assertTrue(doc.select("[onmouseover], [onerror], img[src=x]").isEmpty(), name + " has an injected attribute");
                for (var ld : doc.select("script[type=application/ld+json]")) {
                    assertFalse(ld.data().contains("</script") || ld.data().contains("<img"), name + ": JSON-LD not escaped");
                }
                if (html.contains("alert(1)")) {
                    pages++;
                }
            }
        }
        assertTrue(pages >= 3, "the hostile title shows (escaped) on the section, article and topic pages: " + pages);
        Document section = Jsoup.parse(Files.readString(p.site().resolve(
                "articles/putin-peace-talks-core-demand/05-neutrality-and-security-guarantees.html"), StandardCharsets.UTF_8));
        assertEquals("Neutrality <script>alert(1)</script>\" onmouseover=\"alert(2)", section.selectFirst("h1").text());
        String feed = Files.readString(p.site().resolve("feed.xml"), StandardCharsets.UTF_8);
        assertFalse(feed.contains("<script>"), "the feed escapes header values");
    }

    @Test
    void templatesCannotInstantiateJavaClasses(@TempDir Path tmp) {
        TempProject p = new TempProject(tmp);
        p.write("templates/404.ftlh", p.read("templates/404.ftlh")
                + "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        assertFalse(p.build().ok());
        assertTrue(p.log().contains("Instantiating freemarker.template.utility.Execute is not allowed"), p.log());
        // The 404 page renders beside the other pages, and JBake's own turn is skipped: one report.
        assertTrue(p.log().contains("JBake reported 1 error(s)"), p.log());
    }

    @Test
    void templatesCannotReachTheApiOrTheDatabase(@TempDir Path tmp) {
        TempProject p = new TempProject(tmp);
        p.write("templates/404.ftlh", p.read("templates/404.ftlh") + "${config?api.getClass().getName()}");
        assertFalse(p.build().ok());
        assertTrue(p.log().contains("?api"), p.log());

        p.write("templates/404.ftlh", p.read("templates/404.ftlh").replace("${config?api.getClass().getName()}",
                "${db.getAllContent(\"section\")?size}"));
        assertFalse(p.build().ok());
        assertTrue(p.log().contains("db"), p.log());
    }
}
