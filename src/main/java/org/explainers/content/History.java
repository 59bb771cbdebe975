package org.explainers.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** A file gone from content/ whose last committed version was published: its path there. */
    /**
     * A published file that is gone.
     *
     * @param alongside the files (by source) of the commit this change removed it from, HEAD or
     *                  the one before: none of them became it; empty for a file gone longer ago
     */
    public record Gone(String source, java.util.Set<String> alongside) {
    }

    private History() {
    }

    /** The most gone files looked at in the older history (the latest gone first). */
    static final int MAX_GONE = 5_000;
    /** The most file names of the older history held while looking for them. */
    static final int MAX_NAMES = 200_000;

    /** How long reading the history may take in all (-Dexplainers.historySeconds). */
    private static long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("explainers.historySeconds", 60));
    }

    /**
     * Files under content/ that Git knew, that the working tree no longer has, and whose last
     * committed text {@code wasPublished} says was published; null when there is no history.
     * The history comes from a pull request too. The files this change removes (those of the
     * last commit, and of the one before: a pull request's base) are always looked at; the older
     * history is walked once (not a `git log` per file), for at most {@link #MAX_GONE} files
     * and {@link #MAX_NAMES} names and until the deadline. Only texts a build could have
     * published (at most {@link SourceText#MAX_BYTES}) are read, each object once, and each is
     * judged as it is read and let go.
     */
    public static List<Gone> gone(Path project, java.util.function.Predicate<String> wasPublished) {
        long deadline = deadline();
        try {
            Repository repo = repository(project, deadline);
            if (repo == null) {
                return null;
            }
            Path root = repo.root();
            String prefix = repo.content();
            String pathspec = ":(top)" + prefix; // relative to the repository, wherever the project sits in it
            Map<String, String> objects = new java.util.TreeMap<>();
            Map<String, java.util.Set<String>> alongside = new java.util.HashMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>(); // names whose file was looked for, once each
            // This change's removals first: no walk of the older history may crowd them out.
            for (String commit : List.of("HEAD", "HEAD~1")) {
                List<String> names = git(project, deadline, "ls-tree", "-r", "--name-only", commit, "--", pathspec);
                java.util.Set<String> tree = new java.util.HashSet<>(); // filled as it is walked: complete when the gone files are judged
                for (String name : names == null ? List.<String>of() : names) {
                    if (name.startsWith(prefix) && name.endsWith(".md")) {
                        tree.add(name.substring(prefix.length()));
                        if (seen.add(name) && !Files.exists(root.resolve(name))) {
                            objects.put(name, commit + ":" + name);
                            alongside.put(name, tree);
                        }
                    }
                }
            }
            // Then the older history, newest first: each commit's hash, then the files it added,
            // changed or renamed to; a gone file's first appearance is the last commit that had it.
            Map<String, String> older = new java.util.TreeMap<>();
            int inTrees = seen.size();
            String[] commit = {null};
            git(project, deadline, line -> {
                if (HASH.matcher(line).matches()) {
                    commit[0] = line;
                } else if (commit[0] != null && line.startsWith(prefix) && line.endsWith(".md") && seen.add(line) && !Files.exists(root.resolve(line))) {
                    older.put(line, commit[0] + ":" + line); // a name Git quotes (odd characters) starts with " and is not one of ours
                }
                return older.size() < MAX_GONE && seen.size() < inTrees + MAX_NAMES; // enough: the latest are looked at
            }, "log", "--format=%H", "--name-only", "--diff-filter=AMR", "HEAD", "--", pathspec);
            objects.putAll(older);
            List<Boolean> published = judge(project, List.copyOf(objects.values()), wasPublished, deadline);
            List<Gone> result = new ArrayList<>();
            int i = 0;
            for (String name : objects.keySet()) {
                if (i < published.size() && published.get(i)) {
                    result.add(new Gone(name.substring(prefix.length()), alongside.getOrDefault(name, java.util.Set.of())));
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

    private static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    /**
     * Whether each object (`commit:path`) was published, as far as it could be read by the
     * deadline (false after it): its size asked first, a text larger than any the build reads
     * never read; each object judged once, however many paths name it.
     */
    private static List<Boolean> judge(Path dir, List<String> objects, java.util.function.Predicate<String> wasPublished, long deadline)
            throws IOException, InterruptedException {
        List<String> sizes = batch(dir, "--batch-check", objects, deadline, (in, header) -> header);
        java.util.Set<String> small = new java.util.LinkedHashSet<>(); // each object once
        for (String size : sizes) {
            String id = readable(size);
            if (id != null) {
                small.add(id);
            }
        }
        Map<String, Boolean> byId = new java.util.HashMap<>();
        batch(dir, "--batch", List.copyOf(small), deadline, (in, header) -> {
            int size = Integer.parseInt(header.substring(header.lastIndexOf(' ') + 1));
            byte[] bytes = in.readNBytes(size); // cut short if Git was stopped: then not judged
            in.read(); // the newline after each object
            byId.put(header.substring(0, header.indexOf(' ')), bytes.length == size && wasPublished.test(new String(bytes, StandardCharsets.UTF_8)));
            return "";
        });
        List<Boolean> result = new ArrayList<>();
        for (String size : sizes) {
            String id = readable(size);
            result.add(id != null && byId.getOrDefault(id, false));
        }
        return result;
    }

    /**
     * The files under content/ (their paths there) that the change being built touches: the
     * working tree's changes and new files when there are any (an editor's build), else the last
     * commit's against its first parent (a pull request's merge commit); null when Git cannot say.
     */
    public static java.util.Set<String> changed(Path project) {
        long deadline = deadline();
        try {
            Repository repo = repository(project, deadline);
            if (repo == null) {
                return null;
            }
            String content = project.resolve("content").toString();
            List<String> files = git(project, deadline, "diff", "--name-only", "HEAD", "--", content);
            List<String> added = git(project, deadline, "ls-files", "--others", "--exclude-standard", "--full-name", "--", content);
            if (files == null || added == null) {
                return null;
            }
            files.addAll(added);
            if (files.isEmpty()) {
                files = git(project, deadline, "diff", "--name-only", "HEAD~1", "HEAD", "--", content);
            }
            if (files == null) {
                return null;
            }
            java.util.Set<String> sources = new java.util.HashSet<>();
            for (String f : files) {
                if (f.startsWith(repo.content())) {
                    sources.add(f.substring(repo.content().length()));
                }
            }
            return sources;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The object id of a `--batch-check` answer if it is a blob the build could have read, else null. */
    private static String readable(String answer) {
        String[] parts = answer == null ? new String[0] : answer.split(" ");
        return parts.length == 3 && parts[1].equals("blob") && Long.parseLong(parts[2]) <= SourceText.MAX_BYTES ? parts[0] : null;
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
        Process p;
        try {
            p = start(dir, deadline, args);
        } catch (IOException e) {
            return false; // no git on this machine, or out of time
        }
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

    /** Starts git with these arguments (as a list) in {@code dir}, ended at the deadline: its output then ends, and whoever reads it stops. */
    private static Process start(Path dir, long deadline, String... args) throws IOException {
        if (deadline - System.nanoTime() <= 0) {
            throw new IOException("out of time"); // not left to a race between Git and the timer that stops it
        }
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        java.util.concurrent.CompletableFuture.delayedExecutor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .execute(p::destroyForcibly);
        return p;
    }

    /**
     * Which of these files (paths under content/) were published before the change being built,
     * as {@code wasPublished} judges their text then: in the last commit when the working tree
     * has changed them since (an editor's build), else in the commit before it (a pull request's
     * merge commit: its base). Empty without Git history.
     */
    public static java.util.Set<String> before(Path project, List<String> sources, java.util.function.Predicate<String> wasPublished) {
        java.util.Set<String> result = new TreeSet<>();
        if (sources.isEmpty()) {
            return result;
        }
        long deadline = deadline();
        try {
            Repository repo = repository(project, deadline);
            if (repo == null) {
                return result;
            }
            // The whole of content/ as one path, not each file: thousands of names passed the system's limit on a command's arguments.
            List<String> objects = objectsBefore(project, repo, sources, List.of(project.resolve("content").toString()), deadline);
            if (objects == null) {
                return result;
            }
            List<Boolean> published = judge(project, objects, wasPublished, deadline);
            for (int i = 0; i < sources.size() && i < published.size(); i++) {
                if (published.get(i)) {
                    result.add(sources.get(i));
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

    /**
     * The text each of these files (paths under content/) had before the change being built
     * ({@link #objectsBefore}); a file that had none there (or no history), or had more than
     * {@code maxBytes}, is left out.
     */
    public static Map<String, String> previous(Path project, List<String> sources, int maxBytes) {
        Map<String, String> texts = new java.util.TreeMap<>();
        long deadline = deadline();
        try {
            Repository repo = repository(project, deadline);
            if (repo == null) {
                return texts;
            }
            List<String> objects = objectsBefore(project, repo, sources, sources.stream().map(s -> project.resolve("content").resolve(s).toString()).toList(),
                    deadline);
            if (objects == null) {
                return texts;
            }
            List<String> read = batch(project, "--batch", objects, deadline, (in, header) -> {
                String[] parts = header.split(" ");
                if (parts.length != 3 || !parts[2].matches("[0-9]{1,18}")) {
                    throw new IOException("git cat-file answered " + header); // what follows cannot be read then
                }
                long size = Long.parseLong(parts[2]);
                if (!parts[1].equals("blob") || size > maxBytes) {
                    in.skipNBytes(size + 1); // not a text the build reads
                    return null;
                }
                byte[] bytes = in.readNBytes((int) size);
                in.read(); // the newline after each object
                return bytes.length == size ? new String(bytes, StandardCharsets.UTF_8) : null;
            });
            for (int i = 0; i < read.size(); i++) {
                if (read.get(i) != null) {
                    texts.put(sources.get(i), read.get(i));
                }
            }
            return texts;
        } catch (IOException e) {
            return texts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return texts;
        }
    }

    /**
     * Each file's object (`commit:path`) before the change being built: in the last commit when
     * the working tree has changed it since (an editor's build), else in the commit before it (a
     * pull request's merge commit: its base); null when Git cannot say which files changed.
     *
     * @param pathspecs what `git diff` looks at: the files, or a folder holding them
     */
    private static List<String> objectsBefore(Path project, Repository repo, List<String> sources, List<String> pathspecs, long deadline)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("diff", "--name-only", "HEAD", "--"));
        args.addAll(pathspecs);
        List<String> changed = git(project, deadline, args.toArray(String[]::new));
        if (changed == null) {
            return null;
        }
        java.util.Set<String> edited = new java.util.HashSet<>(changed);
        List<String> objects = new ArrayList<>();
        for (String s : sources) {
            objects.add((edited.contains(repo.content() + s) ? "HEAD:" : "HEAD~1:") + repo.content() + s);
        }
        return objects;
    }

    /** The Git work tree holding the project, and content/'s path in it (with a trailing /). */
    private record Repository(Path root, String content) {
    }

    /** The project's repository; null without Git, outside a repository, or in a shallow clone (its history is cut). */
    private static Repository repository(Path project, long deadline) throws IOException, InterruptedException {
        List<String> answers = git(project, deadline, "rev-parse", "--show-toplevel", "--is-shallow-repository");
        if (answers == null || answers.size() != 2 || !answers.get(1).equals("false")) {
            return null;
        }
        Path root = Path.of(answers.get(0));
        return new Repository(root, root.relativize(project.resolve("content")).toString().replace('\\', '/') + "/");
    }

    private interface Reply {
        String read(InputStream in, String header) throws IOException;
    }

    /** Runs `git cat-file` with one object a line, and reads each reply (null: missing) until the deadline. */
    private static List<String> batch(Path dir, String mode, List<String> objects, long deadline, Reply reply) throws IOException, InterruptedException {
        List<String> replies = new ArrayList<>();
        if (objects.isEmpty()) {
            return replies;
        }
        Process p = start(dir, deadline, "cat-file", mode);
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
        }
        return replies; // those read by the deadline
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
