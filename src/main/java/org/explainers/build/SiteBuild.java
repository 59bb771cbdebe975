package org.explainers.build;

import org.explainers.content.ContentIndex;
import org.explainers.content.Problem;
import org.explainers.jbake.FrontMatterMarkdownEngine;
import org.explainers.jbake.FrozenConfiguration;
import org.explainers.jbake.MemoryContentStore;
import org.explainers.jbake.ParallelDocumentsRenderer;
import org.jbake.app.Asset;
import org.jbake.app.Crawler;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * One build: check the content, bake it with JBake into a staging folder, check what was
 * written, and only then replace {@code target/site/}. A failure at any step leaves the
 * previous site exactly as it was.
 */
public final class SiteBuild {

    /** What a build produced. */
    public record Result(boolean ok, int pages, int files, long millis, List<Problem> problems) {
    }

    private final Path project;
    private final Path site;
    private final String siteHost;
    private final PrintStream out;
    private final boolean stock;
    private ParallelDocumentsRenderer.FirstPages firstPages;
    private CompletableFuture<Void> clearOld;
    private Oven finished;

    /**
     * @param project  the project folder (holds jbake.properties, content/, templates/, assets/)
     * @param site     where the finished site goes, normally target/site
     * @param siteHost absolute address of the deployment, or null/blank for jbake.properties' own
     */
    public SiteBuild(Path project, Path site, String siteHost, PrintStream out) {
        this(project, site, siteHost, out, false);
    }

    /**
     * @param stock bake with JBake's default utensils (its OrientDB content store) instead of
     *              {@link MemoryContentStore}; same output, much slower (for comparison)
     */
    public SiteBuild(Path project, Path site, String siteHost, PrintStream out, boolean stock) {
        this.stock = stock;
        this.project = project.toAbsolutePath().normalize();
        this.site = site.toAbsolutePath().normalize();
        this.siteHost = siteHost;
        this.out = out;
    }

    /** The Oven of a finished bake (its store and renderer stay usable), or null. */
    public Oven oven() {
        return finished;
    }

    /** Renders these pages before the rest of the site (the preview's saved page); see {@link ParallelDocumentsRenderer.FirstPages}. */
    public SiteBuild renderFirst(ParallelDocumentsRenderer.FirstPages first) {
        this.firstPages = first;
        return this;
    }

    public Result run() {
        try {
            return runSteps();
        } finally {
            if (clearOld != null) {
                clearOld.handle((done, e) -> null).join(); // never two removals of one folder at once
            }
        }
    }

    private Result runSteps() {
        long start = System.nanoTime();
        Path staging = site.resolveSibling("." + site.getFileName() + ".staging");
        String hostProblem = hostProblem();
        if (hostProblem != null) {
            out.println("  " + hostProblem);
            out.println("BUILD FAILED: the site's address is not usable. " + relative(site) + "/ was not changed.");
            return new Result(false, 0, 0, elapsed(start), List.of());
        }
        try {
            deleteTree(staging);
        } catch (IOException e) {
            return fail(staging, start, List.of(), "cannot clear " + staging + ": " + e.getMessage());
        }
        // JBake's set-up (configuration, template and Markdown engines: mostly class loading)
        // runs on the other core while this one checks the content; so does removing the
        // site the last build replaced.
        CompletableFuture<Oven> oven = CompletableFuture.supplyAsync(() -> prepare(staging), BACKGROUND);
        clearOld = CompletableFuture.runAsync(() -> {
            try {
                deleteTree(old(site));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, BACKGROUND);
        out.println("[1/4] Checking content/ ...");
        ContentIndex index = ContentIndex.load(project.resolve("content"));
        List<Problem> problems = index.problems();
        problems.forEach(p -> out.println("  " + p));
        if ("true".equals(System.getenv("GITHUB_ACTIONS"))) {
            // Also as workflow commands, which GitHub shows on the changed lines of a pull request.
            problems.forEach(p -> out.printf("::%s file=%s%s::%s (%s)%n", p.warning() ? "warning" : "error", p.path(),
                    p.line() > 0 ? ",line=" + p.line() : "", p.message().replace("%", "%25"), p.fix().replace("%", "%25")));
        }
        if (index.hasErrors()) {
            oven.handle((o, e) -> null).join(); // the set-up may be creating the staging folder
            try {
                deleteTree(staging);
            } catch (IOException e) {
                out.println("  (could not remove " + staging + ": " + e.getMessage() + ")");
            }
            long errors = problems.stream().filter(p -> !p.warning()).count();
            out.println("BUILD FAILED: " + errors + " problem" + (errors == 1 ? "" : "s") + " in content/ (see above). "
                    + relative(site) + "/ was not changed.");
            return new Result(false, 0, 0, elapsed(start), problems);
        }
        out.printf("      %d article(s), %d published section(s), %d topic(s)%n", index.publishedArticles().size(),
                index.publishedSections().size(), index.vocabulary().topics().size());
        long checked = elapsed(start);

        try {
            out.println("[2/4] Baking with JBake ...");
            Oven jbake = oven.join();
            List<String> bakeErrors = bake(jbake, index);
            if (!bakeErrors.isEmpty()) {
                bakeErrors.forEach(e -> out.println("  " + e));
                return fail(staging, start, problems, "JBake reported " + bakeErrors.size() + " error(s)");
            }
            long baked = elapsed(start);
            out.println("[3/4] Checking the baked site ...");
            OutputCheck.Report report = OutputCheck.check(index, staging);
            if (!report.problems().isEmpty()) {
                report.problems().forEach(e -> out.println("  " + e));
                return fail(staging, start, problems, report.problems().size() + " problem(s) in the baked site");
            }
            long verified = elapsed(start);
            out.println("[4/4] Publishing to " + relative(site) + "/ ...");
            clearOld.join();
            swap(staging, site);
            finished = jbake;
            int[] counts = {report.pages(), report.files()};
            long millis = elapsed(start);
            out.printf("Baked %d pages (%d files) into %s/ in %d ms (check %d, bake %d, check output %d, publish %d).%n",
                    counts[0], counts[1], relative(site), millis, checked, baked - checked, verified - baked, millis - verified);
            return new Result(true, counts[0], counts[1], millis, problems);
        } catch (CompletionException e) {
            return fail(staging, start, problems, describe(e.getCause()));
        } catch (Exception | LinkageError e) {
            return fail(staging, start, problems, describe(e));
        }
    }

    /** A thread per task: there are two per build (JBake's set-up, removing the old site). */
    private static final Executor BACKGROUND = r -> {
        Thread t = new Thread(r, "build-background");
        t.setDaemon(true);
        t.start();
    };

    /** JBake's configuration and Oven for a bake into {@code staging}; Markdown's engine is ready too. */
    private Oven prepare(Path staging) {
        DefaultJBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(project.toFile(), staging.toFile(), true);
        if (siteHost != null && !siteHost.isBlank()) {
            // -Dsite.host cannot override jbake.properties in JBake itself (#717): set it here.
            config.setProperty("site.host", siteHost.endsWith("/") ? siteHost : siteHost + "/");
        }
        Engines.register("md", new FrontMatterMarkdownEngine());
        FrontMatterMarkdownEngine.prepare(config);
        return stock ? new Oven(config) : new Oven(fastUtensils(config));
    }

    private List<String> bake(Oven oven, ContentIndex index) {
        JBakeConfiguration config = oven.getUtensils().getConfiguration();
        FrontMatterMarkdownEngine.useIndex(config, index);
        if (firstPages != null) {
            ParallelDocumentsRenderer.renderFirst(config, firstPages);
        }
        oven.bake();
        List<String> errors = new ArrayList<>();
        for (Throwable t : oven.getErrors()) {
            errors.add(describe(t));
        }
        return errors;
    }

    /**
     * JBake's own utensils (Crawler, Renderer with its template engines, Asset; the Oven runs
     * JBake's rendering tools) around a content store without a database: the stock store
     * starts OrientDB every bake and re-runs a query for every list a page uses.
     */
    private static Utensils fastUtensils(DefaultJBakeConfiguration config) {
        MemoryContentStore store = new MemoryContentStore();
        Utensils utensils = new Utensils();
        utensils.setConfiguration(config);
        utensils.setContentStore(store);
        utensils.setCrawler(new Crawler(store, config));
        utensils.setRenderer(new Renderer(store, FrozenConfiguration.of(config)));
        utensils.setAsset(new Asset(config));
        return utensils;
    }

    /**
     * The address pages are published at (canonical links, feeds, sitemap, 404 page) must be
     * absolute: "example.org/x" would be written into every page as a broken relative link.
     */
    private String hostProblem() {
        String host = siteHost;
        String where = "-Dsite.host";
        if (host == null || host.isBlank()) {
            where = "jbake.properties: site.host";
            try (var in = Files.newBufferedReader(project.resolve("jbake.properties"), StandardCharsets.UTF_8)) {
                var props = new java.util.Properties();
                props.load(in);
                host = props.getProperty("site.host", "");
            } catch (IOException e) {
                return null; // JBake reports a missing or unreadable jbake.properties itself
            }
        }
        if (host.matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
            return null;
        }
        return where + "=" + host + " is not an absolute address (write it in full, with https:// and any"
                + " sub-path, spaces as %20: e.g. https://example.org/explainers/)";
    }

    private Result fail(Path staging, long start, List<Problem> problems, String why) {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            out.println("  (could not remove " + staging + ": " + e.getMessage() + ")");
        }
        out.println("BUILD FAILED: " + why + ". " + relative(site) + "/ was not changed. Full log: target/bake.log");
        return new Result(false, 0, 0, elapsed(start), problems);
    }

    /**
     * Replaces the site with the staging folder: two renames. The replaced site is kept as
     * {@link #old} until the next build removes it (in the background, while it checks the
     * content): removing ten thousand files took longer than the rest of publishing.
     */
    static void swap(Path staging, Path site) throws IOException {
        Path old = old(site);
        deleteTree(old);
        if (Files.exists(site)) {
            retrying(() -> Files.move(site, old, StandardCopyOption.ATOMIC_MOVE));
        }
        retrying(() -> Files.move(staging, site, StandardCopyOption.ATOMIC_MOVE));
    }

    interface FileOperation {
        void run() throws IOException;
    }

    /**
     * On Windows a folder cannot be renamed or removed while any file in it is open, and a
     * virus scanner or the search indexer opens freshly written files for a moment: try again
     * for about a second before giving up.
     */
    static void retrying(FileOperation operation) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                operation.run();
                return;
            } catch (AccessDeniedException | DirectoryNotEmptyException e) {
                if (attempt == 10) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Where the site a build replaced waits to be removed: target/.site.old for target/site. */
    static Path old(Path site) {
        return site.resolveSibling("." + site.getFileName() + ".old");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                retrying(() -> Files.delete(p));
            }
        }
    }

    private String relative(Path p) {
        return p.startsWith(project) ? project.relativize(p).toString() : p.toString();
    }

    /** The innermost useful message of an exception chain, without a stack trace. */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank() && (last == null || !last.contains(m))) {
                sb.append(sb.length() > 0 ? "\n    caused by: " : "").append(m.strip());
                last = m;
            }
        }
        return sb.length() == 0 ? t.getClass().getSimpleName() : sb.toString();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
