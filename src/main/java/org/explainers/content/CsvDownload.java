package org.explainers.content;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A CSV download, read before it is published as it is: a spreadsheet runs a cell that starts
 * with `=` as a formula when a reader opens the file (one that fetches an address, or starts a
 * program). Read with Commons CSV.
 */
final class CsvDownload {

    /** Said per file at most: a table of formulas is told by its first cells. */
    static final int MAX_TOLD = 5;

    private CsvDownload() {
    }

    /**
     * A CSV file: UTF-8 text whose cells, read with each separator a spreadsheet may take
     * (comma, semicolon, tab), start with no formula: `=` or `@`, or `+` or `-` before anything
     * but a number (`-12.5` is a number, `-` a dash; `-2+3+cmd|' /C calc'!A0` is a formula).
     */
    static void check(byte[] bytes, String path, Problems problems) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.error(path, 0, "is not UTF-8 text", "save the table as \"CSV UTF-8\" (in Excel: File › Save As › CSV UTF-8)");
            return;
        }
        if (text.startsWith("ID")) {
            // Excel opens a file whose first bytes are the capitals ID as SYLK, whose `E` records are formulas it runs (Microsoft KB
            // 215591; an attacker's trial). After a byte order mark (Excel's own "CSV UTF-8") they are not its first bytes.
            problems.error(path, 1, "the file begins with `ID`, which makes Excel read it as a SYLK file, whose lines can hold formulas it runs",
                    "write the first cell in quotes, \"ID\", or name the column otherwise (`Id`, `Number`)");
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Excel's "CSV UTF-8" begins with a byte order mark
        }
        if (text.regionMatches(true, 0, "sep=", 0, 4)) {
            // Excel takes the separator from such a first line (`sep=|`): cells split there are not those read below.
            problems.error(path, 1, "the first line `" + Downloads.shown(text.lines().findFirst().orElse("")) + "` chooses the separator for Excel",
                    "remove that line: the table is read with commas, semicolons or tabs");
            return;
        }
        Set<Long> lines = new java.util.TreeSet<>();
        int told = 0;
        CsvDownload at = new CsvDownload(); // counts lines as the records come
        // As a comma-separated table (RFC 4180, Commons CSV): it must read whole.
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                long line = at.lines(text, record.getCharacterPosition());
                for (int column = 0; column < record.size(); column++) {
                    told += told(path, line, column, record.get(column), ',', lines, told, problems);
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            problems.error(path, 0, "is not a well-formed CSV table: " + e.getMessage(),
                    "save the table again as CSV UTF-8 (a quote \" inside a cell is written twice, \"\")");
            return;
        }
        // As a spreadsheet set to semicolons or tabs reads it: line by line, each line's cells with Commons CSV, or, where a
        // line is not well-formed that way (`x;"a"b,c`), split at every separator, as a lenient spreadsheet goes on reading.
        // A line ends at CR LF, LF or a lone CR, as a spreadsheet takes it (Excel's "CSV (Macintosh)" ends lines with CR; an
        // attacker's trial: `=cmd…` after a lone CR began a row there but was read as inside a cell here).
        String[] physical = text.split("\r\n|\r|\n", -1);
        for (char separator : new char[]{';', '\t'}) {
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).build();
            for (int i = 0; i < physical.length; i++) {
                List<String> cells = new ArrayList<>();
                try (CSVParser parser = CSVParser.parse(physical[i], format)) {
                    parser.forEach(record -> record.forEach(cells::add));
                } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
                    cells.clear();
                    cells.addAll(List.of(physical[i].split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)));
                }
                for (int column = 0; column < cells.size(); column++) {
                    told += told(path, i + 1, column, cells.get(column), separator, lines, told, problems);
                }
            }
        }
        if (told > MAX_TOLD) {
            problems.error(path, 0, "has " + (told - MAX_TOLD) + " more cells that start as formulas", "fix those above, then build again");
        }
    }

    /** Tells a cell that starts a formula (once per line and column, at most {@link #MAX_TOLD} per file); 1 when it does. */
    private static int told(String path, long line, int column, String cell, char separator, Set<Long> lines, int told, Problems problems) {
        String start = formula(cell.startsWith("\"") ? cell.substring(1) : cell);
        if (start == null || !lines.add(line * 100_000 + column)) {
            return 0; // none, or the same cell read with another separator
        }
        if (told < MAX_TOLD) {
            // A cell found only by another separator is shown as such: read with commas, the editor sees other cells.
            String as = separator == ',' ? "" : " (read with " + (separator == ';' ? "semicolons" : "tabs") + " between cells, as a spreadsheet"
                    + " set to " + (separator == ';' ? "a language whose decimal mark is a comma" : "tabs") + " reads the file)";
            problems.error(path, (int) line, "the cell `" + Downloads.shown(cell) + "`" + as + " starts with `" + start
                            + "`: a spreadsheet opening the download runs it as a formula (it may fetch an address or start a program)",
                    "write the value itself" + (start.equals("+") ? " (a number without its `+`)" : "") + "; a text that must begin with " + start
                            + " is written with an apostrophe first ('" + start + ")");
        }
        return 1;
    }

    /** Longer than this, a cell with a sign is not taken for a number (a spreadsheet keeps 15 digits). */
    static final int MAX_NUMBER = 100;

    /** How a cell starts a formula (`=`, `@`, `+`, `-`), or null: a number with a sign is not one. */
    static String formula(String cell) {
        String t = cell.strip();
        if (t.isEmpty()) {
            return null;
        }
        char c = t.charAt(0);
        if (c == '=' || c == '@') {
            return String.valueOf(c);
        }
        if (c == '+' || c == '-') {
            if (t.chars().allMatch(ch -> ch == c)) {
                return null; // a dash for "none" is text
            }
            if (t.length() > MAX_NUMBER) {
                return String.valueOf(c); // BigDecimal reads long digit runs in quadratic time (a million digits: 26 s)
            }
            try {
                new java.math.BigDecimal(t.replace(",", "").replace(" ", "").replaceFirst("%$", ""));
                return null;
            } catch (NumberFormatException e) {
                return String.valueOf(c);
            }
        }
        return null;
    }

    /** The line at {@code offset}, counted on from the last one asked (records come in order): one pass over the text, not one per record. */
    private long lines(String text, long offset) {
        for (int end = (int) Math.min(offset, text.length()); counted < end; counted++) {
            char c = text.charAt(counted);
            line += c == '\n' || c == '\r' && (counted + 1 == text.length() || text.charAt(counted + 1) != '\n') ? 1 : 0;
        }
        return line;
    }

    private int counted;
    private long line = 1;

}
