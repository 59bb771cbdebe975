package org.explainers.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What the site published before, from the project's Git history: the Markdown files that were
 * committed once and are gone now, with the header of their last committed version. A file
 * that was published and is gone must say where it went (`moved_from` in the file that took
 * its place), or every link readers and search engines hold to it dies.
 *
 * <p>Git runs with its arguments as a list. Without Git or without history (a shallow
 * checkout), nothing is known and nothing is checked; the build says so.
 */
public final class History {

    /** A file gone from content/: its path there, and its last committed text. */
    public record Gone(String source, String text) {
    }

    private History() {
    }

    /** The most gone files looked at (the latest gone first): each is a text to read. */
    static final int MAX_GONE = 20_000;
    /** The most file names of the history held while looking for them. */
    static final int MAX_NAMES = 200_000;

    /** How long reading the history may take in all (-Dexplainers.historySeconds). */
    private static long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("explainers.historySeconds", 60));
    }

    /**
     * Files under content/ that Git knew and the working tree no longer has; null when there is
     * no history to read, or it could not be read in time. The history comes from a pull request
     * too: one pass over it (not a `git log` per file), at most {@link #MAX_GONE} files, only
     * texts a build could have published (at most {@link SourceText#MAX_BYTES}), their headers kept.
     */
    public static List<Gone> gone(Path project) {
        long deadline = deadline();
        try {
            Repository repo = repository(project, deadline);
            if (repo == null) {
                return null;
            }
            Path root = repo.root();
            String prefix = repo.content();
            // Newest first: each commit's hash, then the files it added, changed or renamed to. A
            // gone file's first appearance is the last commit that had it.
            Map<String, String> objects = new java.util.TreeMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            String[] commit = {null};
            boolean read = git(project, deadline, line -> {
                if (!line.startsWith(prefix)) {
                    commit[0] = line;
                } else if (line.endsWith(".md") && seen.add(line) && !Files.exists(root.resolve(line))) {
                    objects.put(line, commit[0] + ":" + line);
                }
                return objects.size() < MAX_GONE && seen.size() < MAX_NAMES; // enough: the latest are looked at
            }, "log", "--format=%H", "--name-only", "--diff-filter=AMR", "HEAD", "--", prefix);
            if (!read) {
                return null;
            }
            List<String> texts = catFiles(project, List.copyOf(objects.values()), deadline);
            if (texts == null) {
                return null;
            }
            List<Gone> result = new ArrayList<>();
            int i = 0;
            for (String name : objects.keySet()) {
                if (texts.get(i) != null) {
                    result.add(new Gone(name.substring(prefix.length()), texts.get(i)));
                }
                i++;
            }
            return result;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The output lines of a git command (arguments as a list), or null if it fails or is not done by the deadline. */
    private static List<String> git(Path dir, long deadline, String... args) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        return git(dir, deadline, lines::add, args) ? lines : null;
    }

    /**
     * Runs a git command, giving each line of its output to {@code each} until it returns false
     * (then Git is stopped); false if it fails or is not done by the deadline.
     */
    private static boolean git(Path dir, long deadline, java.util.function.Predicate<String> each, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return false; // no git on this machine
        }
        stopAt(p, deadline);
        p.getOutputStream().close();
        try (BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !each.test(line)) {
                    p.destroyForcibly();
                    return true; // what was read is enough
                }
            }
        }
        if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return false;
        }
        return true;
    }

    /** Ends the process at the deadline: its output then ends, and whoever reads it stops. */
    private static void stopAt(Process p, long deadline) {
        java.util.concurrent.CompletableFuture.delayedExecutor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .execute(p::destroyForcibly);
    }

    /**
     * The texts these files (paths under content/) had before the change being built: in the
     * last commit when the working tree has changed them since (an editor's build), else in the
     * commit before it (a pull request's merge commit: its base). Files with no such text are
     * left out; empty without Git history.
     */
    public static Map<String, String> before(Path project, List<String> sources) {
        Map<String, String> result = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            return result;
        }
        long deadline = deadline();
        try {
            Repository repo = repository(project, deadline);
            if (repo == null) {
                return result;
            }
            String prefix = repo.content();
            List<String> args = new ArrayList<>(List.of("diff", "--name-only", "HEAD", "--"));
            sources.forEach(s -> args.add(project.resolve("content").resolve(s).toString()));
            List<String> changed = git(project, deadline, args.toArray(String[]::new));
            if (changed == null) {
                return result;
            }
            java.util.Set<String> edited = new java.util.HashSet<>(changed);
            List<String> objects = new ArrayList<>();
            for (String s : sources) {
                objects.add((edited.contains(prefix + s) ? "HEAD:" : "HEAD~1:") + prefix + s);
            }
            List<String> texts = catFiles(project, objects, deadline);
            for (int i = 0; texts != null && i < sources.size(); i++) {
                if (texts.get(i) != null) {
                    result.put(sources.get(i), texts.get(i));
                }
            }
            return result;
        } catch (IOException e) {
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result;
        }
    }

    /** The Git work tree holding the project, and content/'s path in it (with a trailing /). */
    private record Repository(Path root, String content) {
    }

    /** The project's repository; null without Git, outside a repository, or in a shallow clone (its history is cut). */
    private static Repository repository(Path project, long deadline) throws IOException, InterruptedException {
        List<String> top = git(project, deadline, "rev-parse", "--show-toplevel");
        List<String> shallow = git(project, deadline, "rev-parse", "--is-shallow-repository");
        if (top == null || top.isEmpty() || shallow == null || shallow.isEmpty() || shallow.get(0).equals("true")) {
            return null;
        }
        Path root = Path.of(top.get(0));
        return new Repository(root, root.relativize(project.resolve("content")).toString().replace('\\', '/') + "/");
    }

    /**
     * The headers (up to the line of --- that closes them) of objects named `commit:path`, in
     * order; null for one that is missing or larger than a Markdown file the build reads (it was
     * never published), or the whole list null if Git is not done by the deadline. Sizes are
     * asked first, so that a large object is never read.
     */
    private static List<String> catFiles(Path dir, List<String> objects, long deadline) throws IOException, InterruptedException {
        List<String> sizes = batch(dir, "--batch-check", objects, deadline, (in, header) -> header);
        if (sizes == null || sizes.size() != objects.size()) {
            return null;
        }
        List<String> small = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            String[] parts = sizes.get(i) == null ? new String[0] : sizes.get(i).split(" ");
            if (parts.length == 3 && parts[1].equals("blob") && Long.parseLong(parts[2]) <= SourceText.MAX_BYTES) {
                small.add(parts[0]); // by its object id: the same object, whatever happens to the branch meanwhile
            }
        }
        List<String> headers = batch(dir, "--batch", small, deadline, (in, header) -> {
            byte[] bytes = in.readNBytes(Integer.parseInt(header.substring(header.lastIndexOf(' ') + 1)));
            in.read(); // the newline after each object
            return headerOf(new String(bytes, StandardCharsets.UTF_8));
        });
        if (headers == null || headers.size() != small.size()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        java.util.Iterator<String> next = headers.iterator();
        for (String size : sizes) {
            String[] parts = size == null ? new String[0] : size.split(" ");
            texts.add(parts.length == 3 && parts[1].equals("blob") && Long.parseLong(parts[2]) <= SourceText.MAX_BYTES ? next.next() : null);
        }
        return texts;
    }

    /** A text's header, with its two lines of --- (what {@link org.explainers.check.Moves#wasPublished} reads); the whole text without one. */
    private static String headerOf(String text) {
        int first = text.indexOf("---");
        int close = first < 0 ? -1 : text.indexOf("\n---", first + 3);
        int end = close < 0 ? -1 : text.indexOf('\n', close + 4);
        return close < 0 ? text : end < 0 ? text : text.substring(0, end + 1);
    }

    private interface Reply {
        String read(InputStream in, String header) throws IOException;
    }

    /** Runs `git cat-file` with one object a line, and reads each reply; null if Git is not done by the deadline. */
    private static List<String> batch(Path dir, String mode, List<String> objects, long deadline, Reply reply) throws IOException, InterruptedException {
        List<String> replies = new ArrayList<>();
        if (objects.isEmpty()) {
            return replies;
        }
        Process p = new ProcessBuilder("git", "-C", dir.toString(), "cat-file", mode).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        stopAt(p, deadline);
        Thread writer = new Thread(() -> {
            try (OutputStream out = p.getOutputStream()) {
                out.write((String.join("\n", objects) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the reader below sees the end
            }
        });
        writer.start();
        try (InputStream in = new java.io.BufferedInputStream(p.getInputStream())) {
            for (int k = 0; k < objects.size(); k++) {
                String header = line(in);
                if (header == null) {
                    break;
                }
                replies.add(header.endsWith(" missing") ? null : reply.read(in, header));
            }
        }
        writer.join();
        if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return replies;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return sb.length() == 0 ? null : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
