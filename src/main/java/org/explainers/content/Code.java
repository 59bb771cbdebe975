package org.explainers.content;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A fingerprint of the build's own classes and of the libraries' and the JDK's versions that shape its output.
 * Whatever a build keeps for the next one (headers read, bodies rendered, pages made) is keyed by
 * it as well, so new code never reuses what old code made.
 */
public final class Code {

    public static final String FINGERPRINT = compute();

    private Code() {
    }

    private static String compute() {
        MessageDigest md = sha256();
        try {
            Path code = Path.of(Code.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                try (Stream<Path> walk = Files.walk(code)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        framed(md, code.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                        framed(md, Files.readAllBytes(p));
                    }
                }
            } else {
                try (InputStream in = Files.newInputStream(code)) {
                    md.update(in.readAllBytes());
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            md.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8)); // unknown code: nothing is reused
        }
        for (String version : new String[]{freemarker.template.Configuration.getVersion().toString(),
                com.vladsch.flexmark.util.ast.Node.class.getPackage().getImplementationVersion(),
                org.jsoup.Jsoup.class.getPackage().getImplementationVersion(),
                org.jbake.app.Crawler.class.getPackage().getImplementationVersion(),
                // the JDK's: its time zone rules and month names are in the pages too
                Runtime.version().toString()}) {
            framed(md, String.valueOf(version).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Adds bytes after their length, so that where one part ends and the next begins counts too. */
    public static void framed(MessageDigest md, byte[] bytes) {
        md.update(java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        md.update(bytes);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
