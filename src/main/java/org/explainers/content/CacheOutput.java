package org.explainers.content;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;

/**
 * A cache file under target/cache/ being written: aside, then ended with the checksum of its
 * bytes and moved into place, so that a reader finds it whole or not at all, and notices damage
 * ({@link CacheInput#verified}). It writes what {@link java.io.DataOutputStream} writes, into a
 * buffer of its own (see {@link CacheInput} for why).
 */
public final class CacheOutput implements java.io.Closeable {

    private final Path file;
    private final Path tmp;
    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final byte[] buf = new byte[1 << 16];
    private int len;

    private CacheOutput(Path file, Path tmp) throws IOException {
        this.file = file;
        this.tmp = tmp;
        this.out = Files.newOutputStream(tmp);
    }

    /**
     * The file of additions beside a cache file ({@code docs.bin}: {@code docs.new.bin}): a
     * build that changed a few entries writes just those there, naming the main file's
     * identity, instead of the whole file again (see {@link #fewChanged}).
     */
    public static Path additions(Path file) {
        return file.resolveSibling(file.getFileName().toString().replace(".bin", ".new.bin"));
    }

    /** Whether the entries a build lacks in the main file, and those of it that went unused, are few enough for {@link #additions}. */
    public static boolean fewChanged(int lacking, long unused, int entries) {
        int few = Math.max(64, entries / 10);
        return lacking <= few && unused <= few;
    }

    public static CacheOutput open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new CacheOutput(file, file.resolveSibling(file.getFileName() + ".tmp"));
    }

    private void room(int n) throws IOException {
        if (len + n > buf.length) {
            flush();
        }
    }

    private void flush() throws IOException {
        crc.update(buf, 0, len);
        out.write(buf, 0, len);
        len = 0;
    }

    public void writeByte(int v) throws IOException {
        room(1);
        buf[len++] = (byte) v;
    }

    public void writeBoolean(boolean v) throws IOException {
        writeByte(v ? 1 : 0);
    }

    public void writeInt(int v) throws IOException {
        room(4);
        buf[len] = (byte) (v >>> 24);
        buf[len + 1] = (byte) (v >>> 16);
        buf[len + 2] = (byte) (v >>> 8);
        buf[len + 3] = (byte) v;
        len += 4;
    }

    public void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    public void write(byte[] b) throws IOException {
        if (b.length > buf.length - len) {
            flush();
            if (b.length > buf.length) {
                crc.update(b);
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** A string as {@link java.io.DataOutputStream#writeUTF} writes it (at most 64 KB of modified UTF-8). */
    public void writeUTF(String s) throws IOException {
        int n = s.length();
        boolean ascii = n <= 0xFFFF;
        for (int i = 0; ascii && i < n; i++) {
            char c = s.charAt(i);
            ascii = c != 0 && c < 0x80;
        }
        if (ascii) {
            room(2);
            buf[len++] = (byte) (n >>> 8);
            buf[len++] = (byte) n;
            write(s.getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(n + 16);
        new java.io.DataOutputStream(bytes).writeUTF(s); // beyond ASCII, or too long (which it refuses)
        write(bytes.toByteArray());
    }

    /** A length-prefixed run of bytes ({@link CacheInput#bytes}). */
    public void bytes(byte[] b) throws IOException {
        writeInt(b.length);
        write(b);
    }

    /** A string of any length as UTF-8 ({@link CacheInput#string}; writeUTF stops at 64 KB). */
    public void string(String s) throws IOException {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the file with its checksum and moves it into place. */
    public void commit() throws IOException {
        flush();
        long sum = crc.getValue();
        writeLong(sum);
        out.write(buf, 0, len);
        len = 0;
        out.close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Closes the file; one not {@link #commit committed} stays aside, unused. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
