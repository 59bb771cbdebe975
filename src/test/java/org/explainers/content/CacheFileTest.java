package org.explainers.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caches' files: what {@link CacheOutput} writes is what {@link java.io.DataOutputStream}
 * writes, ended with a checksum, and {@link CacheInput} reads it back across its buffer's edges,
 * and notices damage.
 */
class CacheFileTest {

    private static final String LONG = "x".repeat(70_000) + "é";
    private static final byte[] RUN = new byte[150_000];

    static {
        for (int i = 0; i < RUN.length; i++) {
            RUN[i] = (byte) (i * 31);
        }
    }

    private static void write(Path file) throws IOException {
        try (CacheOutput out = CacheOutput.open(file)) {
            for (int i = 0; i < 20_000; i++) { // crosses the 64 KB buffer many times, at every offset
                out.writeInt(i * 7919);
                out.writeByte(i);
                out.writeUTF(i % 3 == 0 ? "plain " + i : i % 3 == 1 ? "Zürich \u0000 " + i : "");
                out.writeLong(-i * 1_000_003L);
                out.writeBoolean(i % 2 == 0);
            }
            out.string(LONG);
            out.bytes(RUN);
            out.string("end");
            out.commit();
        }
    }

    @Test
    void writesWhatDataOutputStreamWritesAndReadsItBack(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("c.bin");
        write(file);
        byte[] all = Files.readAllBytes(file);
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 8);
        try (DataInputStream plain = new DataInputStream(new java.io.ByteArrayInputStream(all));
             CacheInput in = new CacheInput(file)) {
            for (int i = 0; i < 20_000; i++) {
                String s = i % 3 == 0 ? "plain " + i : i % 3 == 1 ? "Zürich \u0000 " + i : "";
                assertEquals(i * 7919, plain.readInt());
                assertEquals(i * 7919, in.readInt());
                assertEquals((byte) i, plain.readByte());
                assertEquals((byte) i, in.readByte());
                assertEquals(s, plain.readUTF());
                assertEquals(s, in.readUTF());
                assertEquals(-i * 1_000_003L, plain.readLong());
                assertEquals(-i * 1_000_003L, in.readLong());
                assertEquals(i % 2 == 0, plain.readBoolean());
                assertEquals(i % 2 == 0, in.readBoolean());
            }
            assertEquals(LONG, in.string());
            assertArrayEquals(RUN, in.bytes());
            long at = in.position();
            assertEquals("end", in.string());
            assertEquals(at + 4 + 3, in.position());
            assertTrue(in.verified());
        }
        assertEquals(crc.getValue(), java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong(), "the checksum of the bytes before it");
    }

    @Test
    void aPassedRunIsWhereItSays(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("c.bin");
        write(file);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long[] run;
            try (CacheInput in = new CacheInput(raf)) {
                skipRecords(in);
                in.string();
                run = in.pass();
                in.string();
                assertTrue(in.verified());
            }
            byte[] b = new byte[(int) run[1]];
            raf.seek(run[0]);
            raf.readFully(b);
            assertArrayEquals(RUN, b, "the file stays open, and the run is at the position told");
        }
    }

    @Test
    void aRecurringNameIsOneString(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("n.bin");
        try (CacheOutput out = CacheOutput.open(file)) {
            out.writeUTF("title");
            out.writeUTF("title");
            out.writeUTF("Zürich");
            out.writeUTF("Zürich");
            out.commit();
        }
        try (CacheInput in = new CacheInput(file)) {
            String a = in.name();
            org.junit.jupiter.api.Assertions.assertSame(a, in.name());
            String z = in.name();
            assertEquals("Zürich", z);
            org.junit.jupiter.api.Assertions.assertSame(z, in.name());
            assertTrue(in.verified());
        }
    }

    @Test
    void damageIsNoticed(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("c.bin");
        write(file);
        byte[] all = Files.readAllBytes(file);
        for (int at : new int[]{100, 70_000, all.length - 100_000, all.length - 3}) {
            byte[] bad = all.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            assertFalse(readsWhole(file), "a byte changed at " + at);
        }
        Files.write(file, Arrays.copyOf(all, all.length - 1));
        assertFalse(readsWhole(file), "cut short");
        byte[] longer = Arrays.copyOf(all, all.length + 1);
        Files.write(file, longer);
        assertFalse(readsWhole(file), "a byte too many");
        Files.write(file, "short".getBytes(StandardCharsets.UTF_8));
        assertFalse(readsWhole(file), "not a cache file");
    }

    /** Reads past the 20,000 records {@link #write} begins with. */
    private static void skipRecords(CacheInput in) throws IOException {
        for (int i = 0; i < 20_000; i++) {
            in.readInt();
            in.readByte();
            in.readUTF();
            in.readLong();
            in.readBoolean();
        }
    }

    private static boolean readsWhole(Path file) {
        try (CacheInput in = new CacheInput(file)) {
            skipRecords(in);
            in.string();
            in.bytes();
            in.string();
            return in.verified();
        } catch (IOException e) {
            return false;
        }
    }
}
