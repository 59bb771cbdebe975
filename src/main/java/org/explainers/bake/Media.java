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
 * Copies are made once per image and width and kept in {@code target/cache/images/}.
 */
final class Media {

    private final Path content;
    private final Path cache;

    Media(Path content, Path cache) {
        this.content = content;
        this.cache = cache;
    }

    void publish(String path, Images images, Output out) throws IOException {
        Path source = content.resolve(path);
        Images.Info info = images.get(path);
        out.copy(path, source, info != null ? info.sha256() : Images.sha256(Files.readAllBytes(source)));
        if (info == null) {
            return;
        }
        for (int width : info.variants()) {
            Path copy = smaller(source, info, width);
            out.copy(Images.variant(path, width), copy, info.sha256() + "-" + width);
        }
    }

    /** The cached copy of an image at a width, made if it is not there yet. */
    private Path smaller(Path source, Images.Info info, int width) throws IOException {
        String ext = source.getFileName().toString();
        ext = ext.substring(ext.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String format = ext.equals("jpg") || ext.equals("jpeg") ? "jpeg" : ext;
        Path file = cache.resolve(info.sha256() + "-" + width + "." + ext);
        if (Files.isRegularFile(file)) {
            return file;
        }
        BufferedImage image = ImageIO.read(source.toFile());
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
            throw new IOException("no " + format + " writer for " + source.getFileName());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
