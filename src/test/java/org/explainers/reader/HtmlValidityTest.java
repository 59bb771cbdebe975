package org.explainers.reader;

import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page passes the W3C Nu HTML checker (run offline) with zero errors. */
class HtmlValidityTest {

    static List<Path> sites() {
        return Sites.both().toList();
    }

    @ParameterizedTest
    @MethodSource("sites")
    void everyPageIsValidHtml(Path site) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        List<String> pages = Sites.files(site, ".html");
        List<String> errors = new ArrayList<>();
        for (String page : pages) {
            String report = validator.validate(site.resolve(page));
            for (String line : report.split("\n")) {
                if (line.contains(": error:") || line.contains(": fatal:") || line.contains("non-document-error")) {
                    errors.add(page + " " + line);
                }
            }
        }
        assertTrue(pages.size() >= 10, "pages checked: " + pages.size());
        assertTrue(errors.isEmpty(), errors.size() + " validation error(s):\n" + String.join("\n", errors));
    }
}
