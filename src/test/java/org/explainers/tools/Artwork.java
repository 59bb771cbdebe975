package org.explainers.tools;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the site's own images with Java2D, so that nothing in the repository was downloaded:
 * the icons in assets/, the first explainer's lead image, and the test fixture's chart. Run
 * by hand when one of them changes: {@code java -cp target/test-classes org.explainers.tools.Artwork .}
 */
public final class Artwork {

    static final Color ACCENT = new Color(0xa1281d);
    static final Color PAPER = new Color(0xfbfaf7);

    private Artwork() {
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        Path assets = project.resolve("assets");
        Files.write(assets.resolve("icon.png"), png(icon(512)));
        Files.write(assets.resolve("apple-touch-icon.png"), png(icon(180)));
        Files.write(assets.resolve("favicon.ico"), ico(png(icon(32))));
        Path article = project.resolve("content/articles/putin-peace-talks-core-demand");
        if (Files.isDirectory(article)) {
            Files.write(article.resolve("timeline.png"), png(timeline()));
        }
        Path fixture = project.resolve("src/test/resources/fixtures/newsroom/content/articles/gas-storage-explained");
        Files.createDirectories(fixture);
        Files.write(fixture.resolve("storage.png"), png(bars(new String[]{"Jun", "Jul", "Aug", "Sep", "Oct", "Nov"},
                new int[]{58, 66, 75, 83, 89, 90}, "Gas storage filled, per cent")));
        Path draft = project.resolve("src/test/resources/fixtures/newsroom/content/articles/draft-piece");
        Files.createDirectories(draft);
        Files.write(draft.resolve("draft-chart.png"), png(bars(new String[]{"A", "B"}, new int[]{30, 70}, "Draft chart")));
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(PAPER);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    /**
     * The first explainer's lead image: the dates its text names, on one line. 1991: Ukraine's
     * borders; 2014: Crimea annexed; 2022: full-scale invasion, four regions claimed; 2026:
     * the Kremlin signals readiness for talks.
     */
    static BufferedImage timeline() {
        int w = 1200;
        int h = 630;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        Color ink = new Color(0x1d1c1a);
        g.setColor(ink);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString("From 1991 borders to 2026 talks", 70, 110);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        g.setColor(new Color(0x5c5850));
        g.drawString("The dates behind Moscow's core demand", 70, 155);
        int y = 400;
        int x0 = 110;
        int x1 = 1090;
        g.setStroke(new BasicStroke(6));
        g.setColor(ink);
        g.drawLine(x0, y, x1, y);
        int[] years = {1991, 2014, 2022, 2026};
        String[][] labels = {{"Independence:", "the 1991 borders"}, {"Crimea", "annexed"}, {"Invasion; four", "regions claimed"},
                {"Kremlin signals", "readiness to talk"}};
        for (int i = 0; i < years.length; i++) {
            int x = x0 + (int) ((years[i] - 1991) / 35.0 * (x1 - x0));
            g.setColor(i == years.length - 1 ? ACCENT : ink);
            g.fillOval(x - 16, y - 16, 32, 32);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
            FontMetrics m = g.getFontMetrics();
            String year = String.valueOf(years[i]);
            int above = i % 2 == 0 ? -50 : 80;
            g.drawString(year, clamp(x - m.stringWidth(year) / 2, w, m.stringWidth(year)), y + above);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
            m = g.getFontMetrics();
            for (int k = 0; k < 2; k++) {
                String line = labels[i][k];
                int ly = i % 2 == 0 ? y - 150 + k * 30 : y + 120 + k * 30;
                g.drawString(line, clamp(x - m.stringWidth(line) / 2, w, m.stringWidth(line)), ly);
            }
        }
        g.dispose();
        return img;
    }

    private static int clamp(int x, int width, int textWidth) {
        return Math.max(30, Math.min(width - 30 - textWidth, x));
    }

    /** A bar chart of per-cent values, for the test fixture. */
    static BufferedImage bars(String[] names, int[] values, String title) {
        int w = 1200;
        int h = 675;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        g.setColor(new Color(0x1d1c1a));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString(title, 60, 80);
        int base = 600;
        int slot = (w - 120) / names.length;
        for (int i = 0; i < names.length; i++) {
            int bh = values[i] * 4;
            int x = 60 + i * slot + slot / 6;
            g.setColor(ACCENT);
            g.fillRect(x, base - bh, slot * 2 / 3, bh);
            g.setColor(new Color(0x1d1c1a));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
            g.drawString(names[i], x, base + 40);
            g.drawString(values[i] + "%", x, base - bh - 12);
        }
        g.dispose();
        return img;
    }

    /** The mark: a red rounded square with a white serif "E". */
    static BufferedImage icon(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(ACCENT);
        g.fill(new RoundRectangle2D.Float(0, 0, size, size, size * 0.22f, size * 0.22f));
        g.setColor(PAPER);
        g.setFont(new Font(Font.SERIF, Font.BOLD, Math.round(size * 0.72f)));
        FontMetrics m = g.getFontMetrics();
        String e = "E";
        int x = (size - m.stringWidth(e)) / 2;
        int y = (size - m.getHeight()) / 2 + m.getAscent();
        g.drawString(e, x, y);
        g.setStroke(new BasicStroke(Math.max(1, size / 32f)));
        g.drawLine(Math.round(size * 0.2f), Math.round(size * 0.86f), Math.round(size * 0.8f), Math.round(size * 0.86f));
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An .ico file holding one 32×32 PNG (browsers since 2007 read PNG inside ICO). */
    static byte[] ico(byte[] png) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) 32).put((byte) 32).put((byte) 0).put((byte) 0);
        b.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        b.put(png);
        return b.array();
    }
}
