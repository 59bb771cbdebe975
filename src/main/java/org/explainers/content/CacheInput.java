package org.explainers.content;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * A cache file under target/cache/ being read. A damaged file is a cache miss, nothing worse: no
 * count or length may exceed the file's own size, so a bad number fails with an IOException
 * instead of an allocation that takes the build down. The file ends with the checksum of its
 * bytes ({@link CacheOutput}): what was read is used only once it is {@link #verified}.
 */
public final class CacheInput extends DataInputStream {

    private final long size;
    private final CRC32C crc;

    public CacheInput(Path file) throws IOException {
        this(file, new CRC32C());
    }

    private CacheInput(Path file, CRC32C crc) throws IOException {
        super(new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc));
        this.size = Files.size(file);
        this.crc = crc;
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
}
