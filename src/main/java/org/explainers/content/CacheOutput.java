package org.explainers.content;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * A cache file under target/cache/ being written: aside, then ended with the checksum of its
 * bytes and moved into place, so that a reader finds it whole or not at all, and notices damage
 * ({@link CacheInput#verified}).
 */
public final class CacheOutput extends DataOutputStream {

    private final Path file;
    private final Path tmp;
    private final CRC32C crc;

    private CacheOutput(Path file, Path tmp, CRC32C crc) throws IOException {
        super(new BufferedOutputStream(new CheckedOutputStream(Files.newOutputStream(tmp), crc), 1 << 16));
        this.file = file;
        this.tmp = tmp;
        this.crc = crc;
    }

    public static CacheOutput open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new CacheOutput(file, file.resolveSibling(file.getFileName() + ".tmp"), new CRC32C());
    }

    /** A length-prefixed run of bytes ({@link CacheInput#bytes}). */
    public void bytes(byte[] b) throws IOException {
        writeInt(b.length);
        write(b);
    }

    /** A string of any length as UTF-8 ({@link CacheInput#string}; writeUTF stops at 64 KB). */
    public void string(String s) throws IOException {
        bytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Ends the file with its checksum and moves it into place. */
    public void commit() throws IOException {
        flush(); // the buffer hands the checksum its bytes in large runs
        writeLong(crc.getValue());
        close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
