package org.explainers.content;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The images under content/: their size in pixels, read from each file's header without
 * decoding it, and a fingerprint of their bytes. A page needs the size for its width and
 * height attributes (no layout shift) and for the widths of its smaller copies.
 */
public final class Images {

    /** Pixels an image may have: decoding one for its smaller copies takes 4 bytes a pixel. */
    public static final long MAX_PIXELS = 40_000_000L;
    /**
     * Bytes an image may take decoded: 40 million pixels at 4 bytes. A PNG of 16 bits a channel
     * takes 8 bytes a pixel (a 300 KB file of 6300 × 6300 plain pixels decoded to 530 MB), so it
     * may have half the pixels.
     */
    public static final long MAX_DECODED = 4 * MAX_PIXELS;

    /**
     * Pixels an image may have on a side (a 40,000,000 × 1 strip passed the count, and its width no
     * page's attribute); a phone's scrolling screenshot, 1170 × 18,000, is well inside.
     */
    public static final int MAX_SIDE = 50_000;

    /**
     * How many times its width an image's height may be: a page shows a figure across the text's
     * width, so a 1 × 50,000 "rule" of 179 bytes pushed the rest of an explainer, its corrections
     * too, 33 million pixels down (a third attacker's trial). A phone's scrolling screenshot (1:16)
     * and a long infographic fit; a wide panorama is shown the less tall.
     */
    public static final int MAX_RATIO = 25;
    /** The text column's width in CSS pixels (44rem), for how tall a figure is shown and how wide a picture is shown. */
    public static final int COLUMN = 704;

    /**
     * The width an image is shown at (`sizes`), for the browser's choice among its copies: the
     * column's, or its own when narrower (site.css shows an image at the width `sizes` gives: a
     * 600-pixel picture was stretched to the column's 704, blurred; a review). A text's images and
     * a lead image alike.
     */
    public static String sizes(int width) {
        return width >= COLUMN ? "(max-width: 46rem) 100vw, 44rem" : "(max-width: 46rem) min(100vw, " + width + "px), " + width + "px";
    }

    /**
     * Chunks a PNG may have in all, and besides its image data (IDAT): an encoder writes a few
     * dozen at most, and the image data in chunks of 8 KB or more (20 MB in ~2,500).
     */
    static final int MAX_PNG_CHUNKS = 20_000;
    static final int MAX_PNG_OTHER_CHUNKS = 256;

    /** The image format the file's first bytes name ("png", "jpeg" or "gif"), or null. */
    static String signature(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return "gif";
        }
        return null;
    }

    /** Widths of the smaller copies made of each image, for phones and small windows (srcset). */
    public static final int[] WIDTHS = {480, 960, 1600};

    /**
     * An image's size and fingerprint.
     *
     * @param width       as a browser shows it: a photo turned by its EXIF orientation has its sides swapped
     * @param uncopied    a GIF of several frames, or whose frame does not fill its screen: it has no
     *                    smaller copies, which would hold its first frame only, stretched to the screen
     * @param orientation the EXIF orientation (1 to 8) a browser turns the photo by; its copies are turned so
     */
    public record Info(int width, int height, String sha256, boolean uncopied, int orientation) {
        /** The widths of its smaller copies: those of {@link #WIDTHS} below its own. */
        public java.util.List<Integer> variants() {
            java.util.List<Integer> list = new java.util.ArrayList<>();
            if (uncopied) {
                return list; // phones get the image itself
            }
            for (int w : WIDTHS) {
                if (w < width) {
                    list.add(w);
                }
            }
            return list;
        }
    }

    /** The file of a smaller copy: map.png at 480 pixels is map.480w.png, beside it. */
    public static String variant(String path, int width) {
        int dot = path.lastIndexOf('.');
        return path.substring(0, dot) + "." + width + "w" + path.substring(dot);
    }

    private final Map<String, Info> byPath;

    private Images(Map<String, Info> byPath) {
        this.byPath = byPath;
    }

    /** Info on an image, by its path relative to content/, or null. */
    public Info get(String path) {
        return byPath.get(path);
    }

    /** A fingerprint of every image's path, size and bytes. */
    public String key() {
        StringBuilder sb = new StringBuilder();
        byPath.forEach((path, info) -> sb.append(path.length()).append(':').append(path).append(info).append('\n'));
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads every image among the media files; an unreadable or oversized one is reported. */
    /** The most scans a JPEG may have: a progressive one usually has about ten. */
    public static final int MAX_SCANS = 32;

    /** How many scans (SOS segments) a JPEG has, from ImageIO's reading of its markers (not its pixels); 1 for other formats. */
    static int scans(ImageReader reader, byte[] bytes) throws IOException {
        if (!reader.getFormatName().equalsIgnoreCase("jpeg")) {
            return 1;
        }
        javax.imageio.metadata.IIOMetadata metadata;
        try {
            metadata = reader.getImageMetadata(0);
        } catch (javax.imageio.IIOException e) {
            // "JFIF APP0 must be first marker after SOI": some editing tools write the EXIF segment first, which browsers show
            // (an editor's trial); the markers are read again from the bytes with the JFIF segment first.
            byte[] fixed = jfifFirst(bytes);
            if (fixed == null) {
                throw e;
            }
            ImageReader again = ImageIO.getImageReadersByFormatName("jpeg").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(fixed))) {
                again.setInput(in, false, false);
                metadata = again.getImageMetadata(0);
            } finally {
                again.dispose();
            }
        }
        org.w3c.dom.Node tree = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        int scans = 0;
        for (org.w3c.dom.Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("markerSequence")) {
                for (org.w3c.dom.Node m = n.getFirstChild(); m != null; m = m.getNextSibling()) {
                    scans += m.getNodeName().equals("sos") ? 1 : 0;
                }
            }
        }
        return scans;
    }

    /**
     * A JPEG's bytes with its JFIF segment (APP0, "JFIF\0") moved to just after SOI, where ImageIO's
     * metadata reader wants it; null when it is there already or absent. Only the segments before the
     * first scan are walked (each names its length); ImageIO reads but does not rewrite a JPEG's markers.
     */
    static byte[] jfifFirst(byte[] b) {
        int at = 2;
        while (at + 4 <= b.length && (b[at] & 0xFF) == 0xFF) {
            int marker = b[at + 1] & 0xFF;
            int length = (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
            if (marker == 0xDA || marker == 0xD9 || length < 2 || at + 2 + length > b.length) {
                return null; // the first scan, the end, or a broken segment: no JFIF segment out of place
            }
            if (marker == 0xE0 && length >= 7 && b[at + 4] == 'J' && b[at + 5] == 'F' && b[at + 6] == 'I' && b[at + 7] == 'F' && b[at + 8] == 0) {
                if (at == 2) {
                    return null;
                }
                byte[] out = b.clone();
                System.arraycopy(b, at, out, 2, 2 + length);
                System.arraycopy(b, 2, out, 4 + length, at - 2);
                return out;
            }
            at += 2 + length;
        }
        return null;
    }

    public static Images read(Path content, Iterable<String> media, Problems problems) {
        return read(content, media, null, problems);
    }

    /** What {@link #PLACES}'s lines were judged by: a new rule reads every image's metadata again. */
    private static final String PLACES_RULES = "places 9";
    /** In target/cache/: the fingerprints of images whose metadata says no place ({@link #place}), not read again. */
    private static final String PLACES = "places.bin";

    public static Images read(Path content, Iterable<String> media, Path cache, Problems problems) {
        return read(content, media, null, List.of(), cache, problems);
    }

    /**
     * As {@link #read(Path, Iterable, Problems)}, and the images of assets/ are held to the same
     * rules (an editor may add one there; an attacker's trial published one with its GPS data);
     * images whose metadata {@code cache} knows to say no place are not read for it again.
     */
    public static Images read(Path content, Iterable<String> media, Path assets, Iterable<String> assetFiles, Path cache, Problems problems) {
        Set<String> placeless = cache == null ? Set.of() : placeless(cache.resolve(PLACES));
        Set<String> stillPlaceless = new java.util.TreeSet<>();
        Map<String, Info> infos = new TreeMap<>();
        List<String> files = new java.util.ArrayList<>();
        media.forEach(rel -> files.add("content/" + rel));
        assetFiles.forEach(rel -> files.add("assets/" + rel));
        for (String path : files) {
            boolean asset = path.startsWith("assets/");
            String rel = path.substring(path.indexOf('/') + 1);
            String ext = rel.substring(rel.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!Schema.IMAGES.contains(ext)) {
                continue;
            }
            Path file = (asset ? assets : content).resolve(rel);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                problems.error(path, 0, "cannot be read: " + e.getMessage(), "check the file's permissions");
                continue;
            }
            String packed = ext.equals("png") ? pngPacked(bytes) : null;
            if (packed != null) {
                problems.error(path, 0, packed, "export it again without its metadata (e.g. " + WITHOUT_METADATA + " " + shellQuoted(rel) + ")");
                continue;
            }
            // The format is the one its name says, as its first bytes say it too: the JDK's readers, asked to guess,
            // took a TIFF named .png (its GPS data unread) and 4 bytes of WBMP before a ZIP for images.
            String format = ext.equals("jpg") ? "jpeg" : ext;
            if (!format.equals(signature(bytes))) {
                String is = signature(bytes);
                problems.error(path, 0, "is not a " + ext.toUpperCase(Locale.ROOT) + " image" + (is == null ? " (or it is damaged)"
                        : ": its bytes are a " + is.toUpperCase(Locale.ROOT) + " image's"), is == null ? "export the image again as PNG or JPEG"
                        : "rename it to " + rel.substring(rel.lastIndexOf('/') + 1, rel.lastIndexOf('.') + 1) + (is.equals("jpeg") ? "jpg" : is)
                        + ", and its links too");
                continue;
            }
            if (format.equals("jpeg") && !jpegEnds(bytes)) {
                // Decoded, it is grey where its data is missing (8 KB claimed 6000 × 6000 pixels, and took 15 s).
                problems.error(path, 0, "the JPEG is cut short: its data stops before the image's end", "export the image again");
                continue;
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
                Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
                ImageReader reader = readers.next();
                try {
                    List<Chunk> chunks = format.equals("png") ? pngChunks(bytes) : List.of();
                    long besideData = chunks.stream().filter(c -> !c.type().equals("IDAT")).count();
                    if (chunks.size() > MAX_PNG_CHUNKS || besideData > MAX_PNG_OTHER_CHUNKS) {
                        // Each is read, and each text or XMP one parsed: 275,941 XMP chunks of `<x/>` held a build for 55 s (a third attacker's trial).
                        problems.error(path, 0, "the PNG is written in " + String.format(Locale.ROOT, "%,d", chunks.size()) + " chunks, "
                                + String.format(Locale.ROOT, "%,d", besideData) + " of them besides its image data; at most " + String.format(Locale.ROOT,
                                "%,d", MAX_PNG_CHUNKS) + " and " + MAX_PNG_OTHER_CHUNKS + " are allowed", "export it again (as any image program saves a PNG)");
                        continue;
                    }
                    if (chunks.stream().anyMatch(c -> c.type().equals("acTL"))) {
                        // Its first picture, which the smaller copies are made of, need not be in its animation (an attacker's
                        // trial: a reviewer saw one picture, phones another); browsers decode frames of any size.
                        problems.error(path, 0, "is an animated PNG, which the site does not publish", "export a still PNG, or the animation as a GIF");
                        continue;
                    }
                    reader.setInput(in, false, true);
                    int w = reader.getWidth(0);
                    int h = reader.getHeight(0);
                    boolean uncopied = false;
                    if (format.equals("gif")) {
                        Frames gif = gifFrames(reader);
                        if (gif.problem() != null) {
                            problems.error(path, 0, gif.problem(), "export the animation again with fewer or smaller frames, each inside the image");
                            continue;
                        }
                        uncopied = gif.count() > 1 || w != gif.width() || h != gif.height();
                        w = gif.width(); // the screen its frames are drawn on: the size the page gives it
                        h = gif.height();
                    }
                    if ((long) w * h > MAX_PIXELS) {
                        problems.error(path, 0, "the image is " + w + " × " + h + " pixels; at most " + MAX_PIXELS / 1_000_000
                                + " million pixels are allowed", "scale it down (2,000 pixels wide is plenty for any screen)");
                        continue;
                    }
                    if (w > MAX_SIDE || h > MAX_SIDE) {
                        problems.error(path, 0, "the image is " + w + " × " + h + " pixels; at most " + MAX_SIDE + " pixels a side are allowed",
                                "scale it down (2,000 pixels wide is plenty for any screen)");
                        continue;
                    }
                    if (h > (long) MAX_RATIO * w) {
                        problems.error(path, 0, "the image is " + w + " × " + h + " pixels: its height is more than " + MAX_RATIO + " times its width"
                                + " (a page shows it across the text's width, " + String.format(Locale.ROOT, "%,d", Math.min(h * (long) COLUMN / w, 1L << 25))
                                + " pixels tall there)", "crop it, or split it into several images");
                        continue;
                    }
                    javax.imageio.ImageTypeSpecifier type = reader.getRawImageType(0);
                    int bytesPerPixel = Math.max(4, type == null ? 4 : (type.getColorModel().getPixelSize() + 7) / 8);
                    if ((long) w * h * bytesPerPixel > MAX_DECODED) {
                        problems.error(path, 0, "the image is " + w + " × " + h + " pixels of " + bytesPerPixel * 8 + " bits: "
                                + (long) w * h * bytesPerPixel / 1_000_000 + " MB decoded; at most " + MAX_DECODED / 1_000_000 + " MB are allowed",
                                "save it with 8 bits a channel, or scale it down");
                        continue;
                    }
                    int scans = scans(reader, bytes);
                    if (scans > MAX_SCANS) {
                        // Each scan of a progressive JPEG is a pass over all its pixels: 40 KB of empty scans took minutes to decode.
                        problems.error(path, 0, "the JPEG is written in " + scans + " scans; at most " + MAX_SCANS + " are allowed",
                                "export it again as a standard JPEG (baseline, or progressive with the usual settings)");
                        continue;
                    }
                    // The original is published as it is: its data would tell readers where the photographer (or a source) stood.
                    String sha256 = sha256(bytes);
                    String place;
                    try {
                        place = placeless.contains(sha256) ? null : place(reader, bytes);
                    } catch (IOException | RuntimeException e) {
                        problems.error(path, 0, "its EXIF, XMP or IPTC data cannot be read (" + e.getMessage() + "), so the build cannot tell whether"
                                + " it says where the photo was taken", "export it again without its metadata, keeping its colour profile"
                                + " (e.g. " + WITHOUT_METADATA + " -trailer:all= " + shellQuoted(rel) + ")");
                        continue;
                    }
                    if (place != null) {
                        problems.error(path, 0, "the photo carries the place where it was taken (" + place + "), which readers could read from the file",
                                "export it again without its location (e.g. " + WITHOUT_METADATA + " " + shellQuoted(rel)
                                        + ": its metadata removed but for its colours and which way up it is)");
                        continue;
                    }
                    stillPlaceless.add(sha256);
                    if (!asset) {
                        // A phone's portrait photo is stored on its side, with an EXIF orientation that browsers apply
                        // (an images trial: the page gave it landscape sides, and its copies lay on their side).
                        JpegLook look = format.equals("jpeg") ? jpegLook(bytes) : JpegLook.NONE;
                        int orientation = look.orientation();
                        boolean turned = orientation >= 5;
                        // Colours the copies cannot keep (an images trial: a CMYK JPEG without a profile and an Adobe RGB
                        // PNG gave faded or dull copies): phones load the original, which browsers show right.
                        uncopied |= format.equals("jpeg") && look.components() == 4 && !look.profile()
                                || format.equals("png") && widePngProfile(bytes);
                        infos.put(rel, new Info(turned ? h : w, turned ? w : h, sha256, uncopied, orientation));
                    }
                } finally {
                    reader.dispose();
                }
            } catch (IOException | RuntimeException e) {
                problems.error(path, 0, "cannot be read as an image: " + e.getMessage(), "export the image again as PNG, or as a JPEG in RGB colours (a print file in CMYK is not read)");
            }
        }
        if (cache != null && !stillPlaceless.equals(placeless)) {
            try (CacheOutput out = CacheOutput.open(cache.resolve(PLACES))) { // aside, then moved into place: whole or not at all
                out.writeUTF(PLACES_RULES);
                out.writeInt(stillPlaceless.size());
                for (String sha : stillPlaceless) {
                    out.writeUTF(sha);
                }
                out.commit();
            } catch (IOException e) {
                // read again next time
            }
        }
        return new Images(infos);
    }

    /** The fingerprints {@link #PLACES} holds; none when it is missing, damaged or of other rules (every image is then read). */
    private static Set<String> placeless(Path file) {
        Set<String> known = new java.util.HashSet<>();
        if (!Files.isRegularFile(file)) {
            return known;
        }
        try (CacheInput in = new CacheInput(file)) {
            if (in.readUTF().equals(PLACES_RULES)) {
                for (int n = in.count(); n > 0; n--) {
                    known.add(in.readUTF());
                }
                if (!in.verified()) {
                    known.clear();
                }
            }
        } catch (IOException e) {
            known.clear();
        }
        return known;
    }

    /** A file's name as a shell reads it whole, for a command in a message. */
    /**
     * The command that removes an image's metadata but its colour profile and orientation, in
     * place (without `-overwrite_original`, exiftool leaves `x.png_original` beside it, which the
     * check refuses: a reviewer's trial).
     */
    static final String WITHOUT_METADATA = "exiftool -overwrite_original -all= -tagsfromfile @ -icc_profile -orientation";

    private static String shellQuoted(String rel) {
        return "'" + rel.substring(rel.lastIndexOf('/') + 1).replace("'", "'\\''") + "'";
    }

    /** EXIF's tag of the GPS data (an IFD). */
    private static final int GPS_INFO = 34853;
    /**
     * The GPS tags that say no place: version (0), the hemispheres' and altitude's references
     * (1, 3, 5: N or S, E or W, above or below sea level), time (7, 29), status (9: a phone with
     * no fix writes V, void), measure mode (10), datum (18), method (27), differential (30). Any
     * other (a latitude, an area's name, a direction) says where (an images trial: a phone's GPS
     * block with only a void status was refused).
     */
    private static final Set<Integer> GPS_NO_PLACE = Set.of(0, 1, 3, 5, 7, 9, 10, 18, 27, 29, 30);
    /**
     * The same tags by their names, as XMP properties and ImageMagick's PNG texts (`exif:GPSDateStamp`)
     * write them, in small letters; `GPSInfo` is EXIF's pointer to them (a reviewer's trial: a
     * PNG converted from a JPEG the EXIF rule passed was refused for these).
     */
    private static final Set<String> GPS_NO_PLACE_NAMES = Set.of("gpsversionid", "gpslatituderef", "gpslongituderef", "gpsaltituderef",
            "gpstimestamp", "gpsstatus", "gpsmeasuremode", "gpsmapdatum", "gpsprocessingmethod", "gpsdatestamp", "gpsdifferential", "gpsinfo");
    /** The most bytes an image's extended XMP may join to. */
    private static final int MAX_XMP = 16 << 20;

    /**
     * Where an image says it was taken: GPS data in its EXIF (anywhere in the TIFF tree: a GPS
     * IFD inside the Exif IFD too), or a GPS or place property in its XMP (the main packet, a
     * JPEG's extended XMP joined by its GUID, a PNG's iTXt, a GIF's application extension); a PNG's
     * eXIf chunk is EXIF; a place in IPTC (Photoshop's resources). EXIF read with TwelveMonkeys'
     * TIFF reader, XMP with the JDK's XML parser; null when it says nothing. Data the build does not
     * read (another image, a trailer, an unknown segment or extension) is an IOException.
     */
    static String place(ImageReader reader, byte[] bytes) throws IOException {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        List<byte[]> exifs = new java.util.ArrayList<>();
        List<byte[]> xmps = new java.util.ArrayList<>();
        if (format.equals("jpeg")) {
            // After the photo's end: a second image (a phone's preview or depth map, MPF; or one simply appended), or a trailer.
            int end = jpegEnd(bytes);
            if (end + 1 < bytes.length && (bytes[end] & 0xFF) == 0xFF && (bytes[end + 1] & 0xFF) == 0xD8) {
                throw new IOException("it holds another image after the photo, a preview or a depth map, whose data the build does not read");
            }
            if (end < bytes.length && !padding(bytes, end)) {
                throw new IOException("data after the image's end (a trailer, such as exiftool's MIE), which the build does not read");
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
                List<String> app1 = List.of("Exif", "http://ns.adobe.com/xap/1.0/", "http://ns.adobe.com/xmp/extension/");
                Map<String, byte[]> extended = new TreeMap<>();
                for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEGSegmentUtil.ALL_SEGMENTS)) {
                    if (segment.marker() == JPEG.APP1 && !app1.contains(segment.identifier())) {
                        // EXIF and XMP are the only kinds (`exif` in lower case, or bytes before `Exif`, are read by some tools all the same).
                        throw new IOException("an APP1 segment that is neither EXIF nor XMP");
                    }
                    if (segment.marker() == JPEG.APP13 && !"Photoshop 3.0".equals(segment.identifier())) {
                        throw new IOException("an APP13 segment that is not Photoshop's resources (`" + segment.identifier() + "`)");
                    }
                    String unread = unreadSegment(segment.marker(), segment.identifier());
                    if (unread != null) {
                        throw new IOException(unread);
                    }
                    if (segment.marker() != JPEG.APP1 && segment.marker() != JPEG.APP13) {
                        continue;
                    }
                    byte[] data = segment.data().readAllBytes();
                    switch (segment.identifier()) {
                        case "Exif" -> {
                            int from = data.length > 0 && data[0] == 0 ? 1 : 0; // "Exif" is followed by two zero bytes, the identifier's by one
                            exifs.add(java.util.Arrays.copyOfRange(data, from, data.length));
                        }
                        case "http://ns.adobe.com/xap/1.0/" -> xmps.add(data);
                        case "Photoshop 3.0" -> {
                            if (photoshop(data, exifs, xmps)) {
                                return "a place (IPTC city, state or sub-location) in its IPTC data";
                            }
                        }
                        default -> join(extended, data);
                    }
                }
                xmps.addAll(extended.values());
            }
        } else {
            String unread = format.equals("gif") ? gifUnread(bytes) : format.equals("png") ? pngUnread(bytes) : null;
            if (unread != null) {
                throw new IOException(unread);
            }
            String tree = format.equals("png") ? "javax_imageio_png_1.0" : format.equals("gif") ? "javax_imageio_gif_image_1.0" : null;
            // Read again with its metadata (the size was read without it: a PNG's text chunks are then skipped).
            ImageReader withMetadata = ImageIO.getImageReadersByFormatName(format).next();
            try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
                withMetadata.setInput(in, true, false);
                javax.imageio.metadata.IIOMetadata metadata = withMetadata.getImageMetadata(0);
                List<byte[]> iptcs = new java.util.ArrayList<>();
                List<String> named = new java.util.ArrayList<>();
                if (metadata != null && tree != null) {
                    collect(metadata.getAsTree(tree), exifs, xmps, iptcs, named);
                }
                if (!named.isEmpty()) {
                    return "a place in its text `" + named.get(0) + "`";
                }
                for (byte[] iptc : iptcs) {
                    if (iptcPlace(iptc, exifs, xmps)) {
                        return "a place (IPTC city, state or sub-location) in its IPTC data";
                    }
                }
            } finally {
                withMetadata.dispose();
            }
        }
        for (byte[] exif : exifs) {
            try (ImageInputStream tiff = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(exif))) {
                if (gps(new TIFFReader().read(tiff), 0)) {
                    return "GPS data in its EXIF";
                }
            }
        }
        for (byte[] xmp : xmps) {
            if (saysWhere(xmp)) {
                return "a GPS position or a place in its XMP data";
            }
        }
        return null;
    }

    /** Whether the bytes after a JPEG's end are a little padding that some tools write (zeros, line ends, spaces, 0xFF): at most 4 KB. */
    static boolean padding(byte[] b, int from) {
        if (b.length - from > 4096) {
            return false;
        }
        for (int i = from; i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c != 0 && c != '\n' && c != '\r' && c != ' ' && c != 0xFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a PNG's colour profile (iCCP) is other than sRGB: the JDK's reader ignores it, so
     * copies would hold its numbers as sRGB's. Read with the JDK's ICC_Profile (its description).
     */
    static boolean widePngProfile(byte[] b) {
        for (Chunk chunk : pngChunks(b)) {
            if (chunk.type().equals("iCCP")) {
                int at = afterNul(b, chunk.data(), chunk.end()) + 1; // keyword, NUL, compression method
                if (at <= 0 || at > chunk.end()) {
                    return true;
                }
                java.io.ByteArrayOutputStream profile = new java.io.ByteArrayOutputStream();
                inflate(b, at, chunk.end(), MAX_PACKED, profile);
                try {
                    byte[] desc = java.awt.color.ICC_Profile.getInstance(profile.toByteArray()).getData(java.awt.color.ICC_Profile.icSigProfileDescriptionTag);
                    return desc == null || !new String(desc, StandardCharsets.ISO_8859_1).contains("sRGB");
                } catch (IllegalArgumentException e) {
                    return true; // not a profile the JDK reads: copies would guess its colours
                }
            }
        }
        return false;
    }

    /**
     * What a JPEG's segments say of how browsers show it: its orientation (IFD0's tag 274, 1 to 8;
     * 1, as stored, when it has none or it cannot be read), whether it has a colour profile (APP2
     * ICC_PROFILE), and its frame header's (SOFn) number of colour components (4 for CMYK or YCCK;
     * 0 when none was read). One reading of its segments for all three.
     */
    record JpegLook(int orientation, boolean profile, int components) {
        static final JpegLook NONE = new JpegLook(1, false, 0);
    }

    static JpegLook jpegLook(byte[] bytes) {
        int orientation = 1;
        boolean profile = false;
        int components = 0;
        Map<Integer, List<String>> wanted = new java.util.HashMap<>(Map.of(JPEG.APP1, List.of("Exif"), JPEG.APP2, List.of("ICC_PROFILE")));
        for (int sof : List.of(JPEG.SOF0, JPEG.SOF1, JPEG.SOF2, JPEG.SOF3, JPEG.SOF5, JPEG.SOF6, JPEG.SOF7, JPEG.SOF9, JPEG.SOF10,
                JPEG.SOF11, JPEG.SOF13, JPEG.SOF14, JPEG.SOF15)) {
            wanted.put(sof, null); // a segment without an identifier: TwelveMonkeys asks for null
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, wanted)) {
                if (segment.marker() == JPEG.APP2) {
                    profile = true;
                } else if (segment.marker() == JPEG.APP1) {
                    orientation = orientation == 1 ? orientation(segment.data().readAllBytes()) : orientation;
                } else if (components == 0) {
                    byte[] frame = segment.data().readNBytes(6); // precision (1), height (2), width (2), then the count
                    components = frame.length == 6 ? frame[5] & 0xFF : 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // as stored, as far as it was read
        }
        return new JpegLook(orientation, profile, components);
    }

    /** The orientation an APP1 segment's EXIF data says; 1 when none or unreadable. */
    private static int orientation(byte[] data) {
        int from = data.length > 0 && data[0] == 0 ? 1 : 0; // "Exif" is followed by two zero bytes, the identifier's by one
        try (ImageInputStream tiff = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(data, from, data.length - from))) {
            Entry e = new TIFFReader().read(tiff).getEntryById(274);
            int o = e == null || !(e.getValue() instanceof Number n) ? 1 : n.intValue();
            return o >= 1 && o <= 8 ? o : 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /** Whether a JPEG's segments and scans lead to its end marker (EOI). */
    static boolean jpegEnds(byte[] b) {
        try {
            int end = jpegEnd(b);
            return end >= 2 && (b[end - 2] & 0xFF) == 0xFF && (b[end - 1] & 0xFF) == 0xD9;
        } catch (IOException e) {
            return true; // its segments are told by the metadata's check
        }
    }

    /**
     * Where a JPEG's image ends: after its EOI marker, each segment and scan read by its length or
     * up to the next marker (a scan's data escapes 0xFF as 0xFF00; RSTn markers sit inside it).
     */
    static int jpegEnd(byte[] b) throws IOException {
        int i = 2; // after SOI
        while (i + 1 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                throw new IOException("a JPEG segment does not start where the one before ends");
            }
            int marker = b[i + 1] & 0xFF;
            i += 2;
            if (marker == 0xFF) {
                i--; // fill byte
            } else if (marker == 0xD9) {
                return i;
            } else if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue; // no length
            } else {
                if (i + 1 >= b.length) {
                    break;
                }
                i += (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
                if (marker == 0xDA) { // a scan: its data runs to the next marker
                    while (i + 1 < b.length && !((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) != 0 && ((b[i + 1] & 0xFF) < 0xD0 || (b[i + 1] & 0xFF) > 0xD7))) {
                        i++;
                    }
                }
            }
        }
        return b.length; // no end marker: nothing after it either
    }

    /** The most frames a GIF may have, and the most pixels its frames may have in all (each is decoded by a reader's browser). */
    static final int MAX_FRAMES = 300;
    static final long MAX_FRAME_PIXELS = 4 * MAX_PIXELS;

    /** A GIF's screen (its size on the page), its number of frames, and why they are refused, or null. */
    record Frames(int width, int height, int count, String problem) {
    }

    /**
     * Reads a GIF's screen and its frames' places from their descriptors (no frame is decoded):
     * every frame must lie inside the screen (an attacker's trial: a 1 × 1 first frame on a
     * 65,535-pixel screen passed the pixel count, and 700 frames of 6,000 × 6,000 pixels in 19 MB
     * were published for readers' browsers to decode).
     */
    static Frames gifFrames(ImageReader reader) throws IOException {
        org.w3c.dom.Node screen = child(reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0"), "LogicalScreenDescriptor");
        int sw = screen == null ? reader.getWidth(0) : attribute(screen, "logicalScreenWidth");
        int sh = screen == null ? reader.getHeight(0) : attribute(screen, "logicalScreenHeight");
        int count = 0;
        long pixels = 0;
        for (int i = 0; ; i++) {
            javax.imageio.metadata.IIOMetadata frame;
            try {
                frame = reader.getImageMetadata(i);
            } catch (IndexOutOfBoundsException e) {
                break; // past the last frame
            }
            org.w3c.dom.Node d = child(frame.getAsTree("javax_imageio_gif_image_1.0"), "ImageDescriptor");
            int x = attribute(d, "imageLeftPosition"), y = attribute(d, "imageTopPosition");
            int fw = attribute(d, "imageWidth"), fh = attribute(d, "imageHeight");
            count++;
            pixels += (long) fw * fh;
            if (count > MAX_FRAMES) {
                return new Frames(sw, sh, count, "the GIF has more than " + MAX_FRAMES + " frames");
            }
            if ((long) x + fw > sw || (long) y + fh > sh) {
                return new Frames(sw, sh, count, "frame " + count + " of the GIF (" + fw + " × " + fh + " at " + x + "," + y
                        + ") reaches outside the image's own size, " + sw + " × " + sh);
            }
            if (pixels > MAX_FRAME_PIXELS) {
                return new Frames(sw, sh, count, "the GIF's frames hold more than " + MAX_FRAME_PIXELS / 1_000_000 + " million pixels in all");
            }
        }
        return new Frames(sw, sh, count, null);
    }

    private static org.w3c.dom.Node child(org.w3c.dom.Node node, String name) {
        for (org.w3c.dom.Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return n;
            }
        }
        return null;
    }

    private static int attribute(org.w3c.dom.Node node, String name) {
        return Integer.parseInt(node.getAttributes().getNamedItem(name).getNodeValue());
    }

    /** Why a GIF holds data the build does not read (an application extension but looping, bytes after its end), or null. */
    static String gifUnread(byte[] b) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try {
            in.position(10);
            int flags = in.get() & 0xFF;
            in.position(13 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 7) + 1)) : 0));
            boolean imageSeen = false;
            while (true) {
                int block = in.get() & 0xFF;
                if (block == 0x3B) {
                    return in.hasRemaining() ? "data after the image's end, which the build does not read" : null;
                } else if (block == 0x21) {
                    int label = in.get() & 0xFF;
                    if (label == 0xFF) {
                        byte[] first = new byte[in.get() & 0xFF]; // its first sub-block: the identifier and its code
                        in.get(first);
                        String app = new String(first, 0, Math.min(11, first.length), StandardCharsets.ISO_8859_1);
                        if (app.equals("ImageMagick")) {
                            // ImageMagick's note of the gamma of the PNG it was made from (`convert frame-*.png anim.gif`): a number, nothing more.
                            java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
                            for (int size = in.get() & 0xFF; size > 0 && data.size() < 64; size = in.get() & 0xFF) {
                                byte[] sub = new byte[size];
                                in.get(sub);
                                data.writeBytes(sub);
                            }
                            if (!gammaNote(data.toString(StandardCharsets.ISO_8859_1))) {
                                return "an application extension (`ImageMagick`) that holds more than a gamma, which the build does not read";
                            }
                            continue;
                        }
                        // XMP before the first image is that image's metadata, which the build reads (an images trial: a GIF
                        // with its creator and rights was refused); a colour profile holds no place.
                        boolean read = app.equals("XMP DataXMP") && !imageSeen || app.equals("ICCRGBG1012");
                        if (!app.equals("NETSCAPE2.0") && !app.equals("ANIMEXTS1.0") && !read) {
                            return "an application extension (`" + app.strip() + "`), such as XMP, which the build does not read";
                        }
                    }
                    skipSubBlocks(in);
                } else if (block == 0x2C) {
                    imageSeen = true;
                    in.position(in.position() + 8);
                    int local = in.get() & 0xFF;
                    in.position(in.position() + ((local & 0x80) != 0 ? 3 * (1 << ((local & 7) + 1)) : 0) + 1);
                    skipSubBlocks(in);
                } else {
                    return "a block of an unknown kind";
                }
            }
        } catch (RuntimeException e) {
            return "its blocks cannot be read to the end";
        }
    }

    /** Whether ImageMagick's GIF note is `gamma=` and a decimal number only. */
    static boolean gammaNote(String note) {
        if (!note.startsWith("gamma=") || note.length() == 6 || note.length() > 20) {
            return false;
        }
        return note.substring(6).chars().allMatch(c -> c >= '0' && c <= '9' || c == '.');
    }

    private static void skipSubBlocks(java.nio.ByteBuffer in) {
        for (int size = in.get() & 0xFF; size > 0; size = in.get() & 0xFF) {
            in.position(in.position() + size);
        }
    }

    /** What a PNG's compressed text and colour profile may unpack to, in all (XMP data is a few hundred KB). */
    static final int MAX_PACKED = 8 << 20;

    /**
     * Why a PNG's compressed chunks (zTXt, compressed iTXt, iCCP) are refused, or null: the JDK's
     * reader unpacks them whole with no limit, and 3 MB of them unpacked to 3 GB (an attacker's
     * trial ran the build out of memory). Each is unpacked here up to what is left of {@link #MAX_PACKED}.
     */
    static String pngPacked(byte[] b) {
        long left = MAX_PACKED;
        for (Chunk chunk : pngChunks(b)) {
            int at = -1;
            if (chunk.type().equals("zTXt") || chunk.type().equals("iCCP")) {
                at = afterNul(b, chunk.data(), chunk.end()) + 1; // keyword, NUL, compression method
            } else if (chunk.type().equals("iTXt")) {
                int flag = afterNul(b, chunk.data(), chunk.end());
                if (flag >= 0 && flag < chunk.end() && b[flag] == 1) {
                    // compression flag and method, language, NUL, translated keyword, NUL
                    at = afterNul(b, afterNul(b, flag + 2, chunk.end()), chunk.end());
                }
            }
            if (at > 0 && at <= chunk.end()) {
                left -= inflate(b, at, chunk.end(), left, null); // damaged data is told by the readers
                if (left < 0) {
                    return "its text and colour profile data unpack to more than " + (MAX_PACKED >> 20) + " MB";
                }
            }
        }
        return null;
    }

    /**
     * Unpacks the zlib data in {@code b[from, to)} into {@code sink} (or nowhere), stopping once
     * past {@code max} bytes; returns how many it unpacked, or up to where it could when damaged.
     */
    private static long inflate(byte[] b, int from, int to, long max, java.io.ByteArrayOutputStream sink) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        long total = 0;
        try {
            inflater.setInput(b, from, to - from);
            byte[] out = new byte[64 << 10];
            while (!inflater.finished() && total <= max) {
                int n = inflater.inflate(out);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break; // damaged
                }
                total += n;
                if (sink != null) {
                    sink.write(out, 0, n);
                }
            }
        } catch (java.util.zip.DataFormatException e) {
            // damaged
        } finally {
            inflater.end();
        }
        return total;
    }

    /** A PNG chunk: its type, and where its data starts and ends in the file (its CRC follows). */
    private record Chunk(String type, int data, int end) {
    }

    /** A PNG's chunks in order, up to its IEND, or up to one whose data runs past the file's end (not included). */
    private static List<Chunk> pngChunks(byte[] b) {
        List<Chunk> chunks = new java.util.ArrayList<>();
        int i = 8;
        while (i + 8 <= b.length) {
            long length = ((b[i] & 0xFFL) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            long end = i + 8 + length;
            if (end > b.length) {
                break;
            }
            Chunk chunk = new Chunk(new String(b, i + 4, 4, StandardCharsets.ISO_8859_1), i + 8, (int) end);
            chunks.add(chunk);
            if (chunk.type().equals("IEND")) {
                break;
            }
            i = chunk.end() + 4;
        }
        return chunks;
    }

    /** The index after the NUL that ends a chunk's string starting at {@code from}, or -1 when none does before {@code end}. */
    private static int afterNul(byte[] b, int from, int end) {
        if (from < 0) {
            return -1;
        }
        for (int k = from; k < end; k++) {
            if (b[k] == 0) {
                return k + 1;
            }
        }
        return -1;
    }

    /**
     * Why a JPEG's application segment is data the build does not read, or null. APP1 (EXIF, XMP)
     * and APP13 (Photoshop's IPTC) are read; the JFIF header, a colour profile, Adobe's colour
     * transform and Photoshop's "Ducky" quality note hold no place. Any other (an attacker's trial:
     * C2PA's content credentials in APP11, with the EXIF GPS position in JSON; GoPro's and DJI's
     * GPS tracks in APP3 to APP7) is refused, as the tools that write them keep places there.
     */
    static String unreadSegment(int marker, String identifier) {
        boolean known = switch (marker) {
            case JPEG.APP0 -> "JFIF".equals(identifier) || "JFXX".equals(identifier);
            case JPEG.APP1, JPEG.APP13 -> true;
            // MPF's header alone (its images, after the photo's end, are refused above; exiftool's -trailer:all= leaves the header).
            case JPEG.APP2 -> "ICC_PROFILE".equals(identifier) || "MPF".equals(identifier);
            case JPEG.APP12 -> "Ducky".equals(identifier);
            case JPEG.APP14 -> "Adobe".equals(identifier);
            default -> marker < JPEG.APP0 || marker > JPEG.APP15;
        };
        return known ? null : "an APP" + (marker - JPEG.APP0) + " segment" + (identifier == null || identifier.isBlank() ? ""
                : " (`" + Downloads.shown(identifier) + "`)") + ", whose data the build does not read (cameras and C2PA credentials keep places there)";
    }

    /**
     * The PNG chunks the build publishes: the standard ones of a still image (PNG's third edition), the
     * registered extensions and ImageMagick's chunks that hold no text, and two private ones that hold no text (Apple's iDOT in every macOS screenshot, ImageMagick's
     * vpAg). Any other is data the build does not read (an attacker's trial: EXIF with a GPS
     * position in a chunk named `exIf`, which exiftool reads as eXIf; C2PA's `caBX`).
     */
    private static final Set<String> PNG_CHUNKS = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT",
            "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "hIST", "pHYs", "sPLT", "tIME", "tEXt", "zTXt", "iTXt", "eXIf", "iDOT", "vpAg",
            // The registered extensions that hold no text (ImageMagick's and GIMP's offset after a crop, scales), and ImageMagick's canvas and orientation.
            "oFFs", "pCAL", "sCAL", "sTER", "gIFg", "caNv", "orNT");

    /** Why a PNG holds data the build does not read (a chunk it does not know, bytes after its IEND chunk), or null. */
    static String pngUnread(byte[] b) {
        List<Chunk> chunks = pngChunks(b);
        Chunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (last == null || !last.type().equals("IEND") || last.end() + 4 > b.length) {
            return "its chunks cannot be read to the end";
        }
        for (Chunk chunk : chunks) {
            if (!PNG_CHUNKS.contains(chunk.type())) {
                return "a chunk `" + Downloads.shown(chunk.type()) + "`, whose data the build does not read (cameras and C2PA credentials keep places"
                        + " in such chunks)";
            }
        }
        return last.end() + 4 < b.length ? "data after the image's end, which the build does not read" : null;
    }

    /** Photoshop's resources for EXIF and XMP data (1058, 1060). */
    private static final int PHOTOSHOP_EXIF = 1058;
    private static final int PHOTOSHOP_XMP = 1060;

    /**
     * Whether Photoshop's resources (a JPEG's APP13) hold IPTC data with a place (city 2:90,
     * sub-location 2:92, province or state 2:95); their EXIF and XMP data go to {@code exifs} and {@code xmps}.
     */
    private static boolean photoshop(byte[] resources, List<byte[]> exifs, List<byte[]> xmps) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(resources))) {
            for (Entry resource : new com.twelvemonkeys.imageio.metadata.psd.PSDReader().read(in)) {
                Object value = resource.getValue();
                if (Integer.valueOf(PHOTOSHOP_EXIF).equals(resource.getIdentifier()) && value instanceof byte[] exif) {
                    exifs.add(exif);
                } else if (Integer.valueOf(PHOTOSHOP_XMP).equals(resource.getIdentifier()) && value instanceof byte[] xmp) {
                    xmps.add(xmp);
                }
                if (Integer.valueOf(com.twelvemonkeys.imageio.metadata.psd.PSD.RES_IPTC_NAA).equals(resource.getIdentifier()) && value instanceof byte[] iptc) {
                    try (ImageInputStream records = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(iptc))) {
                        value = new com.twelvemonkeys.imageio.metadata.iptc.IPTCReader().read(records);
                    }
                }
                if (value instanceof Directory d && (d.getEntryById(com.twelvemonkeys.imageio.metadata.iptc.IPTC.TAG_SUB_LOCATION) != null
                        || d.getEntryById(com.twelvemonkeys.imageio.metadata.iptc.IPTC.TAG_CITY) != null
                        || d.getEntryById(com.twelvemonkeys.imageio.metadata.iptc.IPTC.TAG_PROVINCE_OR_STATE) != null)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * ImageMagick's raw profile text: a line with the profile's name, one with its length, then
     * hexadecimal digits over many lines. Its bytes, or an exception naming the keyword.
     */
    static byte[] rawProfile(String text, String keyword) {
        String[] lines = text.strip().split("\n", 3);
        try {
            int length = Integer.parseInt(lines[1].strip());
            if (length < 0 || length > MAX_XMP || lines.length < 3) {
                throw new IllegalArgumentException();
            }
            byte[] out = new byte[length];
            int n = 0;
            int high = -1;
            for (int i = 0; i < lines[2].length() && n < length; i++) {
                int digit = Character.digit(lines[2].charAt(i), 16);
                if (digit < 0) {
                    if (!Character.isWhitespace(lines[2].charAt(i))) {
                        throw new IllegalArgumentException();
                    }
                } else if (high < 0) {
                    high = digit;
                } else {
                    out[n++] = (byte) (high << 4 | digit);
                    high = -1;
                }
            }
            if (n != length) {
                throw new IllegalArgumentException();
            }
            return out;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ImageMagick's `" + keyword + "` text, which cannot be read");
        }
    }

    /** Whether IPTC data (bare records, or Photoshop's resources holding them) says a place; their EXIF and XMP go to the lists. */
    private static boolean iptcPlace(byte[] data, List<byte[]> exifs, List<byte[]> xmps) throws IOException {
        if (data.length >= 4 && data[0] == '8' && data[1] == 'B' && data[2] == 'I' && data[3] == 'M') {
            return photoshop(data, exifs, xmps);
        }
        try (ImageInputStream records = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(data))) {
            Directory d = new com.twelvemonkeys.imageio.metadata.iptc.IPTCReader().read(records);
            return d.getEntryById(com.twelvemonkeys.imageio.metadata.iptc.IPTC.TAG_SUB_LOCATION) != null
                    || d.getEntryById(com.twelvemonkeys.imageio.metadata.iptc.IPTC.TAG_CITY) != null
                    || d.getEntryById(com.twelvemonkeys.imageio.metadata.iptc.IPTC.TAG_PROVINCE_OR_STATE) != null;
        }
    }

    /** A piece of a JPEG's extended XMP (GUID, full length, offset, bytes) put in its place in the whole. */
    private static void join(Map<String, byte[]> extended, byte[] data) throws IOException {
        if (data.length < 40) {
            throw new IOException("an extended XMP segment is too short");
        }
        String guid = new String(data, 0, 32, StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data, 32, 8);
        long length = Integer.toUnsignedLong(b.getInt());
        long offset = Integer.toUnsignedLong(b.getInt());
        if (length > MAX_XMP || offset + data.length - 40 > length) {
            throw new IOException("an extended XMP segment does not fit its whole");
        }
        long claimed = extended.values().stream().mapToLong(w -> w.length).sum() + (extended.containsKey(guid) ? 0 : length);
        if (claimed > MAX_XMP) {
            throw new IOException("its extended XMP claims more than " + (MAX_XMP >> 20) + " MB"); // one GUID each: a few bytes asking gigabytes
        }
        byte[] whole = extended.computeIfAbsent(guid, k -> new byte[(int) length]);
        if (whole.length != length) {
            throw new IOException("an extended XMP's pieces disagree on its length");
        }
        System.arraycopy(data, 40, whole, (int) offset, data.length - 40);
    }

    /** A PNG's eXIf chunk and XMP text, a GIF's XMP application extension, from ImageIO's tree of the image's metadata. */
    private static void collect(org.w3c.dom.Node node, List<byte[]> exifs, List<byte[]> xmps, List<byte[]> iptcs, List<String> named) {
        for (org.w3c.dom.Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            org.w3c.dom.NamedNodeMap a = n.getAttributes();
            String name = n.getNodeName();
            Object data = n instanceof javax.imageio.metadata.IIOMetadataNode m ? m.getUserObject() : null;
            String keyword = a == null || a.getNamedItem("keyword") == null ? "" : a.getNamedItem("keyword").getNodeValue();
            if (name.equals("UnknownChunk") && a.getNamedItem("type") != null && a.getNamedItem("type").getNodeValue().equals("eXIf")
                    && data instanceof byte[] bytes) {
                exifs.add(bytes);
            } else if (name.endsWith("Entry") && keyword.equals("XML:com.adobe.xmp")) {
                // iTXt and zTXt entries hold their text as `text`, tEXt's as `value`.
                org.w3c.dom.Node text = a.getNamedItem("text") != null ? a.getNamedItem("text") : a.getNamedItem("value");
                if (text != null) {
                    xmps.add(text.getNodeValue().getBytes(StandardCharsets.UTF_8));
                }
            } else if (name.endsWith("Entry") && keyword.startsWith("Raw profile type")) {
                // ImageMagick's copy of a photo's EXIF, XMP or IPTC in hexadecimal (`convert credited.jpg out.png`): read as the others.
                org.w3c.dom.Node text = a.getNamedItem("text") != null ? a.getNamedItem("text") : a.getNamedItem("value");
                String kind = keyword.substring("Raw profile type".length()).strip().toLowerCase(Locale.ROOT);
                byte[] raw = rawProfile(text == null ? "" : text.getNodeValue(), keyword);
                switch (kind) {
                    case "exif", "app1" -> exifs.add(raw.length > 6 && raw[0] == 'E' && raw[1] == 'x' ? java.util.Arrays.copyOfRange(raw, 6, raw.length) : raw);
                    case "xmp" -> xmps.add(raw);
                    case "iptc", "8bim" -> iptcs.add(raw);
                    case "icc", "icm" -> { } // a colour profile
                    default -> throw new IllegalArgumentException("ImageMagick's `" + keyword + "` text");
                }
            } else if (name.endsWith("Entry") && !keyword.isEmpty() && placeKeyword(keyword)) {
                // ImageMagick copies a photo's metadata into text entries too, each named `exif:GPSLatitude`, `photoshop:City`
                // (an attacker's trial: the eXIf chunk removed as told, these were published): a place is in its name.
                named.add(keyword);
            } else if (name.equals("ApplicationExtension") && a.getNamedItem("applicationID") != null
                    && a.getNamedItem("applicationID").getNodeValue().startsWith("XMP") && data instanceof byte[] bytes) {
                xmps.add(bytes);
            }
            collect(n, exifs, xmps, iptcs, named);
        }
    }

    /** Whether a TIFF tree holds GPS data that says where ({@link #GPS_NO_PLACE}), wherever its IFD hangs. */
    private static boolean gps(Directory directory, int depth) {
        for (Entry e : directory) {
            if (Integer.valueOf(GPS_INFO).equals(e.getIdentifier())) {
                if (!(e.getValue() instanceof Directory d)) {
                    return true; // not read as a directory: it cannot be told empty
                }
                for (Entry g : d) {
                    if (!(g.getIdentifier() instanceof Integer tag) || !GPS_NO_PLACE.contains(tag)) {
                        return true;
                    }
                }
            } else if (e.getValue() instanceof Directory d && depth < 8 && gps(d, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an XMP packet has a property that says where, as an element or an attribute, in any
     * namespace: a GPS one (`exif:GPSLatitude`, a drone's `drone-dji:GpsLatitude`), a latitude or
     * longitude, IPTC's sub-location or locations created or shown, Photoshop's city or state.
     * Read with the JDK's XML parser, every element and attribute (TwelveMonkeys' XMP reader keeps
     * only the namespaces it knows), with secure processing and no document type.
     */
    static boolean saysWhere(byte[] xmp) throws IOException {
        org.w3c.dom.Document doc;
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() { // thrown, not printed on the build's output
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            doc = builder.parse(new java.io.ByteArrayInputStream(xmp));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("its XMP is not well-formed XML (" + e.getMessage() + ")");
        }
        org.w3c.dom.NodeList elements = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) elements.item(i);
            if (saysWhere(e.getNamespaceURI(), e.getLocalName())) {
                return true;
            }
            org.w3c.dom.NamedNodeMap attributes = e.getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                org.w3c.dom.Node a = attributes.item(j);
                if (saysWhere(a.getNamespaceURI(), a.getLocalName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a text entry's keyword names a place, as an XMP property would: `prefix:Name`, or a name alone. */
    static boolean placeKeyword(String keyword) {
        int colon = keyword.lastIndexOf(':');
        return saysWhere(colon < 0 ? "" : keyword.substring(0, colon), keyword.substring(colon + 1));
    }

    private static boolean saysWhere(String namespace, String name) {
        if (name == null) {
            return false;
        }
        String ns = namespace == null ? "" : namespace;
        String lower = name.toLowerCase(Locale.ROOT);
        if (GPS_NO_PLACE_NAMES.contains(lower)) {
            return false; // GPSLatitudeRef says a hemisphere, not where
        }
        return lower.startsWith("gps") || lower.contains("latitude") || lower.contains("longitude")
                || name.equals("LocationCreated") || name.equals("LocationShown") || name.equals("Sublocation")
                || ns.contains("photoshop") && (name.equals("City") || name.equals("State"))
                || ns.contains("Iptc4xmpCore") && name.equals("Location");
    }

    /** The bytes' SHA-256, in hex: what a file's reuse and its image copies are keyed by. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Code.sha256().digest(bytes));
    }
}
