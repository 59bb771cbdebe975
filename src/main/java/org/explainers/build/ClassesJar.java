package org.explainers.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Packs the build's compiled classes into the jar the bake JVM runs from (a class-data
 * archive can only hold classes from jars; see {@link ClassArchive}). Maven runs it in its
 * own JVM before each bake ({@code exec:java}): it writes the jar only when a class was
 * added, removed or recompiled, since a rewritten jar makes the archive stale. Maven's jar
 * plugin took 0.3 s of every build to find the same.
 *
 * <pre>  ClassesJar target/classes target/explainers-site-build.jar</pre>
 */
public final class ClassesJar {

    /** Entry times in the jar: fixed, so that the jar is the same for the same classes. */
    // A fixed local date-time: set as a FileTime, an entry's time is converted to the machine's
    // time zone, and the jar's bytes would differ from one zone to the next.
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    private ClassesJar() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        List<Path> files = files(classes);
        if (!upToDate(classes, files, jar)) {
            write(classes, files, jar);
        }
    }

    /** Every file under the classes folder, in a fixed order. */
    static List<Path> files(Path classes) throws IOException {
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The jar holds exactly these files, and none changed since it was written. */
    static boolean upToDate(Path classes, List<Path> files, Path jar) throws IOException {
        if (!Files.exists(jar)) {
            return false;
        }
        FileTime written = Files.getLastModifiedTime(jar);
        for (Path f : files) {
            if (Files.getLastModifiedTime(f).compareTo(written) > 0) {
                return false;
            }
        }
        try (JarFile existing = new JarFile(jar.toFile())) {
            for (Path f : files) {
                if (existing.getEntry(name(classes, f)) == null) {
                    return false;
                }
            }
            // Every file is in the jar; one entry more (the manifest) means nothing was removed.
            return existing.stream().filter(e -> !e.isDirectory()).count() == files.size() + 1;
        }
    }

    static void write(Path classes, List<Path> files, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Files.createDirectories(jar.toAbsolutePath().getParent());
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream zip = new JarOutputStream(out)) {
            ZipEntry m = new ZipEntry(JarFile.MANIFEST_NAME);
            m.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(m);
            manifest.write(zip);
            zip.closeEntry();
            for (Path f : files) {
                ZipEntry e = new ZipEntry(name(classes, f));
                e.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(e);
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String name(Path classes, Path file) {
        return classes.relativize(file).toString().replace('\\', '/');
    }
}
