package org.explainers.content;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * A cache file under target/cache/ being read. A damaged file is a cache miss, nothing worse: no
 * count or length may exceed the file's own size, so a bad number fails with an IOException
 * instead of an allocation that takes the build down. The file ends with the checksum of its
 * bytes ({@link CacheOutput}): what was read is used only once it is {@link #verified}.
 *
 * <p>It reads what {@link java.io.DataOutputStream} writes, from a buffer of its own: through
 * {@code DataInputStream}, each number was four calls down a stack of streams, and reading the
 * caches of a 10,000-section site was millions of them.
 */
public final class CacheInput implements java.io.Closeable {

    private final InputStream file;
    private final long size;
    /** The bytes before the checksum, which is the last 8. */
    private final long summed;
    private final CRC32C crc = new CRC32C();
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    /** Where in the file buf[0] is. */
    private long base;

    public CacheInput(Path file) throws IOException {
        this(file, Files.size(file));
    }

    private CacheInput(Path file, long size) throws IOException {
        this(Files.newInputStream(file), size);
    }

    /** Reads the file from its start; closing this leaves it open, for reads at the {@link #position}s noted. */
    public CacheInput(java.io.RandomAccessFile file) throws IOException {
        this(new InputStream() {
            @Override
            public int read() throws IOException {
                return file.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return file.read(b, off, len);
            }
        }, file.length());
    }

    private CacheInput(InputStream file, long size) {
        this.file = file;
        this.size = size;
        this.summed = size - Long.BYTES;
    }

    /** Makes at least {@code n} (at most the buffer's size) bytes ready, or fails at the file's end. */
    private void need(int n) throws IOException {
        if (lim - pos >= n) {
            return;
        }
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        base += pos;
        lim -= pos;
        pos = 0;
        while (lim < n) {
            int k = file.read(buf, lim, buf.length - lim);
            if (k < 0) {
                throw new EOFException("damaged: the file ends early");
            }
            sum(buf, lim, k, base + lim);
            lim += k;
        }
    }

    /** Hands the checksum the bytes read at file offset {@code at} that come before the checksum. */
    private void sum(byte[] b, int off, int len, long at) {
        int n = (int) Math.max(0, Math.min(len, summed - at));
        crc.update(b, off, n);
    }

    /** Where in the file the next byte read is. */
    public long position() {
        return base + pos;
    }

    public byte readByte() throws IOException {
        need(1);
        return buf[pos++];
    }

    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    public int readInt() throws IOException {
        need(4);
        int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | buf[pos + 3] & 0xFF;
        pos += 4;
        return v;
    }

    public long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }

    /** Fills {@code b}: from the buffer, then straight from the file. */
    public void readFully(byte[] b) throws IOException {
        int n = Math.min(b.length, lim - pos);
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        while (n < b.length) {
            int k = file.read(b, n, b.length - n);
            if (k < 0) {
                throw new EOFException("damaged: the file ends early");
            }
            sum(b, n, k, position());
            base += k;
            n += k;
        }
    }

    /** A string written by {@link java.io.DataOutputStream#writeUTF}: modified UTF-8 after a two-byte length. */
    public String readUTF() throws IOException {
        need(2);
        int n = (buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF;
        pos += 2;
        if (n <= lim - pos && ascii(buf, pos, n)) {
            String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1); // straight from the buffer
            pos += n;
            return s;
        }
        byte[] b = new byte[n];
        readFully(b);
        if (ascii(b, 0, n)) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        // Beyond ASCII, or a zero (written as two bytes): Java's own decoder.
        byte[] whole = new byte[n + 2];
        whole[0] = (byte) (n >>> 8);
        whole[1] = (byte) n;
        System.arraycopy(b, 0, whole, 2, n);
        return new java.io.DataInputStream(new java.io.ByteArrayInputStream(whole)).readUTF();
    }

    /** Whether the bytes are ASCII without a zero (which modified UTF-8 writes as two bytes). */
    private static boolean ascii(byte[] b, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (b[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    private final java.util.Map<String, String> names = new java.util.HashMap<>();

    /**
     * A {@link #readUTF} string that recurs all over the file (a field's or an element's name):
     * one String for all its copies, so that what a large site's caches hold is not mostly the
     * same few words (and the collector does not copy them all).
     */
    public String name() throws IOException {
        return names.computeIfAbsent(readUTF(), k -> k);
    }

    /** Reads past a length-prefixed run of bytes (summed, not kept) and tells where it starts and how long it is. */
    public long[] pass() throws IOException {
        int n = count();
        long at = position();
        for (int left = n; left > 0; ) {
            need(1);
            int k = Math.min(left, lim - pos);
            pos += k;
            left -= k;
        }
        return new long[]{at, n};
    }

    /** Whether the file ends here, with the checksum of everything read before. */
    public boolean verified() throws IOException {
        if (position() != summed) {
            return false;
        }
        long sum = crc.getValue();
        if (readLong() != sum) {
            return false;
        }
        if (lim - pos > 0) {
            return false;
        }
        return file.read() == -1;
    }

    /** A count of entries that follow (each takes at least a byte). */
    public int count() throws IOException {
        int n = readInt();
        if (n < 0 || n > size) {
            throw new IOException("damaged: a count of " + n);
        }
        return n;
    }

    /** A length-prefixed run of bytes. */
    public byte[] bytes() throws IOException {
        byte[] b = new byte[count()];
        readFully(b);
        return b;
    }

    /** A string written by {@link CacheOutput#string}. */
    public String string() throws IOException {
        int n = count();
        if (n <= lim - pos) {
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
        byte[] b = new byte[n];
        readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
