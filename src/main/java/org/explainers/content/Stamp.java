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
            return look(file).stamp();
        } catch (IOException e) {
            return NONE;
        }
    }

    /** What a path is, a link not followed. */
    public enum Kind { FILE, FOLDER, LINK, OTHER }

    /** A path's kind, and its stamp when it is a file. */
    public record Look(Kind kind, Stamp stamp) {
    }

    /** The path's kind and stamp from one look at it, so that a walk of 10,000 files asks once per file. */
    public static Look look(Path path) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:isRegularFile,isDirectory,isSymbolicLink,size,lastModifiedTime,ctime,ino",
                    LinkOption.NOFOLLOW_LINKS);
            long changed = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
            Instant now = Instant.now();
            long nowNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            Kind kind = (Boolean) a.get("isRegularFile") ? Kind.FILE : (Boolean) a.get("isDirectory") ? Kind.FOLDER
                    : (Boolean) a.get("isSymbolicLink") ? Kind.LINK : Kind.OTHER;
            return new Look(kind, new Stamp((Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).toMillis(),
                    nowNanos - changed < settle() ? -1 : changed, (Long) a.get("ino")));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (Windows): no change time, so the stamp vouches for nothing.
            BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Kind kind = b.isRegularFile() ? Kind.FILE : b.isDirectory() ? Kind.FOLDER : b.isSymbolicLink() ? Kind.LINK : Kind.OTHER;
            return new Look(kind, new Stamp(b.size(), b.lastModifiedTime().toMillis(), -1, -1));
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
