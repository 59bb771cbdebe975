package org.explainers.bake;

import com.twelvemonkeys.image.ResampleOp;
import org.explainers.content.Images;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The images and downloads published pages use, copied into the site, and each image's smaller
 * copies for phones (see {@link Images#WIDTHS}), resampled with TwelveMonkeys' Lanczos filter.
 * Copies are made once per image and width and kept in {@code target/cache/images/}. Each is
 * resampled from at most twice its width: a larger image is first reduced with a box filter, as
 * Pillow's {@code reducing_gap} does (Lanczos over 40 million pixels took 6–13 s a copy; a box
 * filter reads each pixel once), the largest copy first and each reduction from the one before.
 */
final class Media {

    /** How copies are made: a copy made otherwise before is made again, not taken from the cache or the last build. */
    private static final int COPIES = 4;

    /**
     * How long one build may spend making copies (-Dexplainers.imageSeconds): each image is
     * bounded in pixels, not in time, and 8 KB of a JPEG claiming 6000 × 6000 pixels took 15 s to
     * decode (an attacker's trial: ~200 such files would hold CI's cores for the bake's 20 minutes).
     * Copies made are kept, so the next build goes on from there.
     */
    static long seconds() {
        return Long.getLong("explainers.imageSeconds", 180);
    }

    private final Path content;
    private final Path cache;
    private final long deadline;

    Media(Path content, Path cache) {
        this.content = content;
        this.cache = cache;
        this.deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds());
    }

    /** An image the bake could not decode, though its header was fine, or had no time left for: reported as a content problem. */
    static final class Unreadable extends IOException {
        final String fix;

        Unreadable(String message) {
            this(message, "export the image again as PNG or JPEG");
        }

        Unreadable(String message, String fix) {
            super(message);
            this.fix = fix;
        }
    }

    /**
     * Whether a copy is in the cache: a file of its own, not a link (an attacker's trial: a link planted in target/cache/images
     * published whatever file it led to under an image's name). A link is made again, the new file replacing it.
     */
    private static boolean cached(Path copy) {
        return Files.isRegularFile(copy, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    void publish(String path, Images images, Output out) throws IOException {
        Path source = content.resolve(path);
        Images.Info info = images.get(path);
        out.copy(path, source, info != null ? info.sha256() : Images.sha256(Files.readAllBytes(source)));
        if (info == null) {
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        java.util.List<Integer> widths = new java.util.ArrayList<>(info.variants());
        java.util.Collections.reverse(widths); // the largest first: each reduction starts from the one before
        if (widths.stream().anyMatch(w -> !cached(copy(info, w, ext)))) {
            // Decoded once for all its copies, and only when one is not cached; every reduction is made
            // again, so that a copy is the same whichever others the cache held.
            if (System.nanoTime() - deadline >= 0) {
                throw new Unreadable("its smaller copies were not made: making this build's new copies took more than " + seconds() + " s",
                        "build again: the copies made so far are kept in target/cache/images, so the next build goes on from there");
            }
            BufferedImage image = upright(srgb(decode(source, ext)), info.orientation());
            for (int width : widths) {
                if (image.getWidth() > 2 * width) {
                    int height = Math.max(1, Math.round((float) info.height() * 2 * width / info.width()));
                    // Into 8-bit colour: the box filter keeps its source's type, and a drawing of 1 bit a pixel would lose its greys.
                    BufferedImage reduced = new BufferedImage(2 * width, height,
                            image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
                    image = new ResampleOp(2 * width, height, ResampleOp.FILTER_BOX).filter(image, reduced);
                }
                if (!cached(copy(info, width, ext))) {
                    write(image, info, width, ext, copy(info, width, ext), source);
                }
            }
        }
        for (int width : info.variants()) {
            out.copy(Images.variant(path, width), copy(info, width, ext), copyName(info, width));
        }
    }

    /** A copy's name in the cache, and its key in the output: by the image's bytes, the width and how copies are made. */
    private static String copyName(Images.Info info, int width) {
        return info.sha256() + "-" + width + "-" + COPIES;
    }

    private Path copy(Images.Info info, int width, String ext) {
        return cache.resolve(copyName(info, width) + "." + ext);
    }

    /**
     * The image's pixels, read by its format's reader (the check made sure of the format); a file
     * whose body is damaged (its header was read in the check) is {@link Unreadable}.
     */
    private static BufferedImage decode(Path source, String ext) throws IOException {
        javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName(ext.equals("jpg") ? "jpeg" : ext).next();
        BufferedImage image;
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            reader.setInput(in, true, true);
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("cannot be decoded: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            reader.dispose();
        }
        return image;
    }

    /**
     * The pixels in sRGB, as copies without a colour profile are read: a CMYK JPEG's copies came out
     * faded and an Adobe RGB photo's dull (an images trial), its own numbers taken for sRGB's.
     */
    private static BufferedImage srgb(BufferedImage image) {
        java.awt.color.ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == java.awt.color.ColorSpace.TYPE_GRAY) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        return new java.awt.image.ColorConvertOp(null).filter(image, out);
    }

    /** The image turned as its EXIF orientation (1 to 8) says, as browsers show the original. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth(), h = image.getHeight();
        java.awt.geom.AffineTransform t = switch (orientation) {
            case 2 -> new java.awt.geom.AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new java.awt.geom.AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new java.awt.geom.AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new java.awt.geom.AffineTransform(0, 1, 1, 0, 0, 0); // on its side, mirrored
            case 6 -> new java.awt.geom.AffineTransform(0, 1, -1, 0, h, 0); // turned a quarter clockwise: a phone held upright
            case 7 -> new java.awt.geom.AffineTransform(0, -1, -1, 0, h, w);
            default -> new java.awt.geom.AffineTransform(0, -1, 1, 0, 0, w); // 8: a quarter anticlockwise
        };
        boolean turned = orientation >= 5;
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Writes a copy of the image at a width into the cache; the image itself where the copy would
     * weigh as much or more (a drawing of flat colours, whose resampled edges compress worse: a
     * 960-pixel copy of 70 KB for a 1,200-pixel PNG of 35 KB), so that no copy costs a phone more.
     */
    private void write(BufferedImage image, Images.Info info, int width, String ext, Path file, Path source) throws IOException {
        String format = ext.equals("jpg") || ext.equals("jpeg") ? "jpeg" : ext;
        int height = Math.max(1, Math.round((float) info.height() * width / info.width()));
        BufferedImage small = new ResampleOp(width, height, ResampleOp.FILTER_LANCZOS).filter(image, null);
        if (format.equals("jpeg") && small.getColorModel().hasAlpha()) {
            BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(small, 0, 0, null);
            small = rgb;
        }
        Files.createDirectories(cache);
        Path tmp = Files.createTempFile(cache, "resize", "." + ext);
        if (!ImageIO.write(small, format, tmp.toFile())) {
            Files.delete(tmp);
            throw new IOException("no " + format + " writer for " + file.getFileName());
        }
        if (Files.size(tmp) >= Files.size(source)) {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
