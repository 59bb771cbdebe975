package org.explainers.content;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CONTRIBUTING.md's table of header fields is the Schema's: every field, where it goes, what it is. */
class DocsTest {

    @Test
    void theEditorsTableOfFieldsIsTheSchema() throws Exception {
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("CONTRIBUTING.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("| `") && line.split("\\|").length == 4) {
                String[] cells = line.split("\\|");
                table.put(cells[1].strip().replace("`", ""), cells[2].strip() + " | " + cells[3].strip());
            }
        }
        Map<String, String> schema = new LinkedHashMap<>();
        for (Schema.Field f : Schema.FIELDS) {
            StringBuilder cell = new StringBuilder();
            List<String> required = new ArrayList<>();
            List<String> optional = new ArrayList<>();
            for (Schema.Kind k : List.of(Schema.Kind.SECTION, Schema.Kind.ARTICLE, Schema.Kind.PAGE)) {
                String letter = k == Schema.Kind.ARTICLE ? "E" : k == Schema.Kind.SECTION ? "S" : "P";
                if (f.required().contains(k)) {
                    required.add(letter);
                } else if (f.on().contains(k)) {
                    optional.add(letter);
                }
            }
            if (!required.isEmpty()) {
                cell.append("**").append(String.join(" ", required)).append("**");
            }
            if (!optional.isEmpty()) {
                cell.append(cell.length() > 0 ? ", " : "").append(String.join(" ", optional));
            }
            schema.put(f.name(), cell + " | " + f.help());
        }
        Map<String, String> documented = new LinkedHashMap<>();
        table.forEach((k, v) -> documented.put(k, v.replace(" (at most 150 characters)", "")));
        assertEquals(schema, documented);
    }
}
