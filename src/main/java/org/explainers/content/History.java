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

    /** Files under content/ that Git knew and the working tree no longer has; null when there is no history to read. */
    public static List<Gone> gone(Path project) {
        try {
            Repository repo = repository(project);
            if (repo == null) {
                return null;
            }
            Path root = repo.root();
            String prefix = repo.content();
            List<String> names = git(project, null, "log", "--format=", "--name-only", "HEAD", "--", prefix);
            if (names == null) {
                return null;
            }
            TreeSet<String> gone = new TreeSet<>();
            for (String name : names) {
                if (name.startsWith(prefix) && name.endsWith(".md") && !Files.exists(root.resolve(name))) {
                    gone.add(name);
                }
            }
            List<Gone> result = new ArrayList<>();
            if (gone.isEmpty()) {
                return result;
            }
            // The last commit that had each file, then all their texts through one `git cat-file --batch`.
            Map<String, String> objects = new LinkedHashMap<>();
            for (String name : gone) {
                List<String> last = git(project, null, "log", "-1", "--format=%H", "--diff-filter=AMR", "HEAD", "--", name);
                if (last != null && !last.isEmpty()) {
                    objects.put(name, last.get(0) + ":" + name);
                }
            }
            StringBuilder input = new StringBuilder();
            objects.values().forEach(o -> input.append(o).append('\n'));
            List<String> texts = catFiles(project, input.toString(), objects.size());
            int i = 0;
            for (String name : objects.keySet()) {
                if (i < texts.size() && texts.get(i) != null) {
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

    private static List<String> git(Path dir, String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null; // no git on this machine
        }
        p.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return null;
        }
        return lines;
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
        try {
            Repository repo = repository(project);
            if (repo == null) {
                return result;
            }
            String prefix = repo.content();
            List<String> args = new ArrayList<>(List.of("diff", "--name-only", "HEAD", "--"));
            sources.forEach(s -> args.add(project.resolve("content").resolve(s).toString()));
            List<String> changed = git(project, null, args.toArray(String[]::new));
            if (changed == null) {
                return result;
            }
            StringBuilder input = new StringBuilder();
            for (String s : sources) {
                input.append(changed.contains(prefix + s) ? "HEAD:" : "HEAD~1:").append(prefix).append(s).append('\n');
            }
            List<String> texts = catFiles(project, input.toString(), sources.size());
            for (int i = 0; i < sources.size() && i < texts.size(); i++) {
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
    private static Repository repository(Path project) throws IOException, InterruptedException {
        List<String> top = git(project, null, "rev-parse", "--show-toplevel");
        List<String> shallow = git(project, null, "rev-parse", "--is-shallow-repository");
        if (top == null || top.isEmpty() || shallow == null || shallow.isEmpty() || shallow.get(0).equals("true")) {
            return null;
        }
        Path root = Path.of(top.get(0));
        return new Repository(root, root.relativize(project.resolve("content")).toString().replace('\\', '/') + "/");
    }

    /** Texts of objects given as `commit:path` lines, in order (null for one that is missing). */
    private static List<String> catFiles(Path dir, String input, int count) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "-C", dir.toString(), "cat-file", "--batch").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread writer = new Thread(() -> {
            try (OutputStream out = p.getOutputStream()) {
                out.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the reader below sees the end
            }
        });
        writer.start();
        List<String> texts = new ArrayList<>();
        try (InputStream in = p.getInputStream()) {
            for (int k = 0; k < count; k++) {
                String header = line(in);
                if (header == null) {
                    break;
                }
                if (header.endsWith(" missing")) {
                    texts.add(null);
                    continue;
                }
                int size = Integer.parseInt(header.substring(header.lastIndexOf(' ') + 1));
                texts.add(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                in.read(); // the newline after each object
            }
        }
        writer.join();
        p.waitFor(60, TimeUnit.SECONDS);
        return texts;
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
