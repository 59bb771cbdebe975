package org.explainers.publish;

import org.explainers.content.Trees;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Publishing a build so that at every instant {@code target/site} is a complete site, the old
 * one or the new one. Each build is baked into a folder of its own under
 * {@code target/site.builds/}; {@code target/site} is a symbolic link to the published one, and
 * publishing replaces that link with one rename, which the file system does at once. The build
 * before the published one is not removed but made the next one's folder, where the bake
 * changes only what changed. A build that is interrupted at any point leaves the link as it
 * was; the next build removes what it left behind. Where links cannot be made (Windows without developer mode) the folder itself
 * is renamed into place, which leaves a moment without a site.
 */
public final class Publish {

    /** A build's folder is complete once its manifest is written (after the output check). */
    private static final String COMPLETE = ".manifest";
    /** Beside a folder being made from an older build: that build's manifest, what the folder holds. */
    private static final String HELD = ".held";
    /** Test hook: halt the JVM at this point of publishing, to prove an interrupted build leaves a site. */
    static final String HALT = "explainers.publish.halt";

    private Publish() {
    }

    /** The folder that holds the builds of {@code site}: target/site.builds for target/site. */
    public static Path builds(Path site) {
        return site.resolveSibling(site.getFileName() + ".builds");
    }

    /**
     * Null when {@code site} and its builds' folder are this build's own: absent, folders of this
     * user, or {@code site} the link it makes to one of its builds. Else the one that is not: a
     * link elsewhere would lead the build's writes and removals there, and a pull request can add
     * one under target/ ({@code git add -f}).
     */
    public static Path foreign(Path site) {
        Path builds = builds(site);
        if (!Trees.ours(builds)) {
            return builds;
        }
        // Nor a link among the builds (see linkInside for those further down): one named as a build, with a manifest beside it, was
        // taken over, and the new build written, and files removed, where it led (an attacker's trial: docs/, a home folder).
        if (Files.isDirectory(builds, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> list = Files.list(builds)) {
                Path link = list.filter(Files::isSymbolicLink).sorted().findFirst().orElse(null);
                if (link != null) {
                    return link;
                }
            } catch (IOException e) {
                return builds;
            }
        }
        if (!Files.isSymbolicLink(site)) {
            return Trees.ours(site) ? null : site;
        }
        try {
            Path to = site.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(site)).normalize();
            boolean build = to.getParent() != null && to.getParent().equals(builds.toAbsolutePath().normalize())
                    && isBuild(to.getFileName().toString());
            return build ? null : site;
        } catch (IOException e) {
            return site;
        }
    }

    /**
     * A link anywhere inside the two builds a new build reads and writes, or null: the published
     * one (its files are linked into the new build) and the one {@link #next} takes over (its
     * files are replaced and removed). A link one folder down led the writes and removals, and
     * the published site, elsewhere (a review's trial). Walked beside the content's check (a
     * tenth of a second a build at 10,000 sections), before anything is written.
     */
    public static Path linkInside(Path site) throws IOException {
        Path builds = builds(site);
        if (!Files.isDirectory(builds, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path published = current(site);
        for (Path build : java.util.Arrays.asList(published, newestComplete(builds, published))) {
            Path inside = build == null ? null : Trees.firstLink(build);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    /** The published build's folder, or null when nothing is published. */
    public static Path current(Path site) {
        try {
            if (Files.isSymbolicLink(site)) {
                Path target = site.toRealPath();
                return Files.isDirectory(target) ? target : null;
            }
            return Files.isDirectory(site) ? site : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Makes the state an interrupted build may have left usable again: a lost link points at
     * the newest complete build again, and a site that is a plain folder (from an older
     * version of this build) is moved into the builds folder and linked, once.
     */
    public static void recover(Path site) throws IOException {
        Path builds = builds(site);
        Files.createDirectories(builds);
        Files.deleteIfExists(temporaryLink(site));
        if (Files.isDirectory(site, LinkOption.NOFOLLOW_LINKS)) {
            Path moved = builds.resolve(nextName(builds));
            Trees.retrying(() -> Files.move(site, moved, StandardCopyOption.ATOMIC_MOVE));
            Files.createFile(Path.of(moved + COMPLETE));
            link(site, moved);
        }
        if (current(site) == null) {
            Path newest = newestComplete(builds, null);
            if (newest != null) {
                link(site, newest); // the link was lost (deleted by hand, or a fallback rename was cut short)
            }
        }
    }

    /**
     * The folder for a new build: the newest complete build that is not published, renamed (a
     * folder under a new name has no manifest, so it is not complete), its manifest then set
     * beside it as what it {@link #held holds}; or a new folder. Stopped between the two, the
     * renamed folder is incomplete and the old manifest has no folder: the next build removes both.
     */
    public static Path next(Path site) throws IOException {
        Path builds = builds(site);
        Files.createDirectories(builds);
        Path next = builds.resolve(nextName(builds));
        Path older = newestComplete(builds, current(site));
        if (older != null) {
            Trees.retrying(() -> Files.move(older, next, StandardCopyOption.ATOMIC_MOVE));
            halt("taking-over");
            Files.move(Path.of(older + COMPLETE), Path.of(next + HELD), StandardCopyOption.ATOMIC_MOVE);
        }
        return next;
    }

    /** The manifest of what a build's folder held when {@link #next} took it over, or null for a new folder. */
    public static Path held(Path build) {
        Path held = Path.of(build + HELD);
        return Files.isRegularFile(held, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(build, LinkOption.NOFOLLOW_LINKS) ? held : null;
    }

    /** Publishes a complete build: {@code site} then points at it. */
    public static void swap(Path site, Path build) throws IOException {
        halt("before-swap");
        if (Files.isDirectory(site, LinkOption.NOFOLLOW_LINKS)) {
            // No links here: the folder is renamed into place (see the class comment).
            Path old = builds(site).resolve(nextName(builds(site)));
            Trees.retrying(() -> Files.move(site, old, StandardCopyOption.ATOMIC_MOVE));
            Trees.retrying(() -> Files.move(build, site, StandardCopyOption.ATOMIC_MOVE));
            return;
        }
        link(site, build);
        halt("after-swap");
    }

    /** Points {@code site} at {@code build}: a new link beside it, renamed over it. */
    private static void link(Path site, Path build) throws IOException {
        Path tmp = temporaryLink(site);
        Files.deleteIfExists(tmp);
        try {
            Files.createSymbolicLink(tmp, site.getParent().relativize(build));
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (!Files.exists(site, LinkOption.NOFOLLOW_LINKS)) {
                Trees.retrying(() -> Files.move(build, site, StandardCopyOption.ATOMIC_MOVE));
                return;
            }
            throw e;
        }
        halt("before-rename");
        Files.move(tmp, site, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Removes every build but the published one and the one being made, and anything an
     * interrupted build left.
     */
    public static void clean(Path site, Path making) throws IOException {
        Path builds = builds(site);
        Path keep = current(site);
        if (!Files.isDirectory(builds)) {
            return;
        }
        List<Path> old = new ArrayList<>();
        try (Stream<Path> list = Files.list(builds)) {
            for (Path p : list.toList()) {
                // A build's files beside its folder (manifest, held manifest, manifest being written) go with it.
                String name = p.getFileName().toString();
                Path dir = builds.resolve(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
                if (!dir.equals(keep) && !dir.equals(making)) {
                    old.add(p);
                }
            }
        }
        for (Path p : old) {
            Trees.delete(p);
        }
    }

    private static Path temporaryLink(Path site) {
        return site.resolveSibling("." + site.getFileName() + ".link");
    }

    /** A name for the next build: one more than the highest there, zero-padded so names sort. */
    private static String nextName(Path builds) throws IOException {
        long max = 0;
        try (Stream<Path> list = Files.list(builds)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString().replace(COMPLETE, "").replace(HELD, "");
                if (isBuild(name)) {
                    max = Math.max(max, Long.parseLong(name));
                }
            }
        }
        return String.format(java.util.Locale.ROOT, "%06d", max + 1);
    }

    private static Path newestComplete(Path builds, Path except) throws IOException {
        try (Stream<Path> list = Files.list(builds)) {
            return list.filter(p -> isBuild(p.getFileName().toString()) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            && Files.isRegularFile(Path.of(p + COMPLETE), LinkOption.NOFOLLOW_LINKS)
                            && (except == null || !p.getFileName().equals(except.getFileName())))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
        }
    }

    /** Whether a name in the builds' folder is a build's own (a number, as {@link #nextName} makes them). */
    private static boolean isBuild(String name) {
        return name.matches("\\d{1,18}");
    }

    private static void halt(String point) {
        if (point.equals(System.getProperty(HALT))) {
            Runtime.getRuntime().halt(3);
        }
    }
}
