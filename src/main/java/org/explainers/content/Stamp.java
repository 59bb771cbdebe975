package org.explainers.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A file as the file system describes it, without reading it: size, modification time, change
 * time and inode. As in Git's index, an unchanged stamp stands for unchanged bytes: writing a
 * file, checking it out or copying it over changes its change time, which no tool can set back
 * (a tool can set the modification time). Two exceptions make a stamp vouch for nothing: a file
 * changed less than {@link #settle} before it was looked at (a coarse clock can give a
 * second write the same time), and a file system without change times (Windows).
 */
public record Stamp(long size, long modified, long changed, long inode) {

    /** Tests set it to 0 (-Dexplainers.stamp.settle.ms=0) to have every file taken on its stamp. */
    static final String SETTLE = "explainers.stamp.settle.ms";

    /** How long ago a file must have changed for its stamp to vouch for it: 3 s. */
    static long settle() {
        return TimeUnit.MILLISECONDS.toNanos(Long.getLong(SETTLE, 3000));
    }
    static final Stamp NONE = new Stamp(-1, -1, -1, -1);

    /** The file's stamp now; an unreadable file's is {@link #NONE}. */
    public static Stamp of(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino", LinkOption.NOFOLLOW_LINKS);
            long changed = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
            Instant now = Instant.now();
            long nowNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            return new Stamp((Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).toMillis(),
                    nowNanos - changed < settle() ? -1 : changed, (Long) a.get("ino"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            try {
                BasicFileAttributes b = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return new Stamp(b.size(), b.lastModifiedTime().toMillis(), -1, -1);
            } catch (IOException io) {
                return NONE;
            }
        } catch (IOException e) {
            return NONE;
        }
    }

    /** Whether a file stamped {@code now} holds, without doubt, the bytes it held when this stamp was taken. */
    boolean vouchesFor(Stamp now) {
        return changed >= 0 && equals(now);
    }

    /** Whether size and modification time agree (then the bytes probably did not change, and are hashed to be sure). */
    boolean looksLike(Stamp now) {
        return size == now.size && modified == now.modified;
    }
}
