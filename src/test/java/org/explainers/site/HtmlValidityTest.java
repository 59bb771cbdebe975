package org.explainers.site;

import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page passes the W3C Nu HTML checker (run offline) with zero errors. */
class HtmlValidityTest {

    @Test
    void everyPageIsValidHtml() throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        List<String> pages = BuiltSite.pages();
        assertTrue(pages.size() >= 20, "expected at least 20 pages, found " + pages.size());
        List<String> errors = new ArrayList<>();
        for (String page : pages) {
            String report = validator.validate(BuiltSite.root().resolve(page));
            for (String line : report.split("\n")) {
                if (line.contains(": error:") || line.contains(": fatal:") || line.contains("non-document-error")) {
                    errors.add(page + " " + line);
                }
            }
        }
        assertTrue(errors.isEmpty(), errors.size() + " validation error(s):\n" + String.join("\n", errors));
    }
}
