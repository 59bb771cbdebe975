package org.explainers.content;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cache file under target/cache/ being read. A damaged file is a cache miss, nothing worse: no
 * count or length may exceed the file's own size, so a bad number fails with an IOException
 * instead of an allocation that takes the build down.
 */
public final class CacheInput extends DataInputStream {

    private final long size;

    public CacheInput(Path file) throws IOException {
        super(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        this.size = Files.size(file);
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
