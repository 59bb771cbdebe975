package org.explainers.content;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * A cache file under target/cache/ being read. A damaged file is a cache miss, nothing worse: no
 * count or length may exceed the file's own size, so a bad number fails with an IOException
 * instead of an allocation that takes the build down. The file ends with the checksum of its
 * bytes ({@link CacheOutput}): what was read is used only once it is {@link #verified}.
 */
public final class CacheInput extends DataInputStream {

    private final long size;
    private final CRC32C crc;
    private final Counted counted;
    private final byte[] scratch = new byte[1 << 16];

    public CacheInput(Path file) throws IOException {
        this(Files.newInputStream(file), Files.size(file), new CRC32C());
    }

    /** Reads the file from its start; closing this leaves it open, for reads at the {@link #position}s noted. */
    public CacheInput(java.io.RandomAccessFile file) throws IOException {
        this(new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                return file.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return file.read(b, off, len);
            }
        }, file.length(), new CRC32C());
    }

    private CacheInput(java.io.InputStream file, long size, CRC32C crc) throws IOException {
        this(new Counted(new BufferedInputStream(new Summed(file, size - Long.BYTES, crc), 1 << 16)), size, crc);
    }

    private CacheInput(Counted in, long size, CRC32C crc) {
        super(in);
        this.size = size;
        this.crc = crc;
        this.counted = in;
    }

    /** Counts the bytes handed out, so that a reader knows where in the file it is. */
    private static final class Counted extends java.io.FilterInputStream {
        private long at;

        Counted(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                at++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                at += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("skipped bytes would miss the checksum: use pass()");
        }
    }

    /** Where in the file the next byte read is. */
    public long position() {
        return counted.at;
    }

    /** Reads past a length-prefixed run of bytes (summed, not kept) and tells where it starts and how long it is. */
    public long[] pass() throws IOException {
        int n = count();
        long at = position();
        for (int left = n; left > 0; ) {
            int k = read(scratch, 0, Math.min(left, scratch.length));
            if (k < 0) {
                throw new java.io.EOFException("damaged: a run ends early");
            }
            left -= k;
        }
        return new long[]{at, n};
    }

    /** Hands the checksum every byte before the file's last 8 (the checksum itself), as the buffer reads them in large runs. */
    private static final class Summed extends java.io.FilterInputStream {
        private final long end;
        private final CRC32C crc;
        private long at;

        Summed(java.io.InputStream in, long end, CRC32C crc) {
            super(in);
            this.end = end;
            this.crc = crc;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && at++ < end) {
                crc.update(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                int summed = (int) Math.max(0, Math.min(n, end - at));
                crc.update(b, off, summed);
                at += n;
            }
            return n;
        }
    }

    /** Whether the file ends here, with the checksum of everything read before. */
    public boolean verified() throws IOException {
        long sum = crc.getValue();
        return readLong() == sum && read() == -1;
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
        return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
