package org.explainers.bake;

import org.explainers.content.Code;
import org.explainers.content.Images;
import org.explainers.content.Inputs;
import org.explainers.content.Moment;
import org.explainers.content.Problems;
import org.explainers.content.Project;
import org.explainers.content.Schema;
import org.explainers.content.Site;
import org.explainers.content.Vocabulary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The bake: renders every page of the {@link Pages plan} with Freemarker, side by side on every
 * core, and writes the search index, the sitemap, the media the pages use and the assets. A
 * page whose data and templates are those of the published build is linked, not rendered.
 */
public final class Bake {

    private final Project project;
    private final Site site;
    private final Images images;
    private final Problems problems;

    public Bake(Project project, Site site, Images images, Problems problems) {
        this.project = project;
        this.site = site;
        this.images = images;
        this.problems = problems;
    }

    /**
     * What a bake made: the paths of its pages (which the output check expects), the pages'
     * security policy, and whether the site's shape was the published build's, with how many
     * pages were looked at again then (those showing a changed text). {@code unlisted}: the pages the sitemap leaves out.
     */
    public record Baked(List<String> paths, java.util.Set<String> unlisted, String csp, boolean sameShape, int keyed) {
    }

    /**
     * Bakes into {@code out}. Template failures are reported as problems with the template's
     * file and line; the bake goes on with the other pages so that all of them are reported.
     */
    public Baked run(Inputs inputs, Set<String> media, Map<String, org.explainers.content.Doc> moves, Output out, Path cache) throws IOException, InterruptedException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, org.explainers.content.Jobs.daemons("bake"));
        List<Output.Page> pages;
        Model model;
        try {
            List<Future<?>> jobs = new ArrayList<>();
            String fingerprint = fingerprint(inputs);
            model = new Model(site, project, images, () -> related(cache.resolve("related.bin")), fingerprint);
            shape = model.shape(moves);
            Set<org.explainers.content.Doc> changed = changedTexts(shape, out);
            // The search index and the sitemap are one job each: the search needs only the
            // sections and starts at once, beside the plan; the sitemap, beside the pages.
            jobs.add(pool.submit(() -> {
                Search.bake(project.paths.search() + "/", site.listedSections(), s -> around(s, model), changed, out, cache.resolve("search.bin"),
                        problems);
                return null;
            }));
            // While the shape is the published build's, so are its pages: only those showing a
            // changed text are planned and made, the others are the published build's files.
            List<Output.Page> published = changed == null ? null : out.previousPages(shape);
            List<Pages.Out> planned = published == null ? Pages.plan(site, project, model, moves) : Pages.showing(site, project, model, changed);
            pages = published != null ? published : planned.stream().map(p -> new Output.Page(p.path(), p.listed())).toList();
            out.pages(pages);
            Templates templates = new Templates(project.templates, project.zone);
            // By every page of this build (pages lost from the published build are made again with these templates).
            templates.limitSite(Long.getLong("explainers.siteMegabytes", 256) << 20, pages.size());
            jobs.add(pool.submit(() -> {
                sitemap(pages, model, out, published != null);
                return null;
            }));
            Set<String> made = new java.util.HashSet<>();
            for (Pages.Out page : planned) {
                made.add(page.path());
                jobs.add(pool.submit(() -> render(page, templates, fingerprint, model.shared, out)));
            }
            List<String> lost = java.util.Collections.synchronizedList(new ArrayList<>());
            if (published != null) {
                // In runs of pages, one job each: a job per page was 10,000 tasks queued at 10,000 sections.
                List<String> kept = published.stream().map(Output.Page::path).filter(p -> !made.contains(p)).toList();
                if (kept.size() + made.size() != published.size()) {
                    throw new IllegalStateException("a page showing a changed text is not a page of the published build (Pages.showing)");
                }
                for (int from = 0; from < kept.size(); from += KEPT_PER_JOB) {
                    List<String> run = kept.subList(from, Math.min(kept.size(), from + KEPT_PER_JOB));
                    jobs.add(pool.submit(() -> {
                        for (String path : run) {
                            if (!stopped && !out.keep(path)) {
                                lost.add(path);
                            }
                        }
                        return null;
                    }));
                }
            }
            Media copies = new Media(project.content, cache.resolve("images"));
            for (String m : media) {
                jobs.add(pool.submit(() -> {
                    try {
                        copies.publish(m, images, out);
                    } catch (Media.Unreadable e) {
                        problems.error("content/" + m, 0, e.getMessage(), e.fix);
                    }
                    return null;
                }));
            }
            for (String a : inputs.assets) {
                jobs.add(pool.submit(() -> {
                    Path file = project.assets.resolve(a);
                    out.copy(a, file, Images.sha256(Files.readAllBytes(file)));
                    return null;
                }));
            }
            finish(jobs);
            if (!lost.isEmpty() && !stopped) {
                // A published page changed or removed by hand: made again, from the whole plan.
                Set<String> again = new java.util.HashSet<>(lost);
                List<Future<?>> remade = new ArrayList<>();
                for (Pages.Out page : Pages.plan(site, project, model, moves)) {
                    if (again.contains(page.path())) {
                        remade.add(pool.submit(() -> render(page, templates, fingerprint, model.shared, out)));
                    }
                }
                finish(remade);
            }
        } finally {
            // After a failure the build's folder is removed: no page may still be being written into it.
            pool.shutdownNow();
            if (!pool.awaitTermination(stopped ? 2 : 60, TimeUnit.SECONDS)) {
                out.stop(); // a page that does not stop when told writes nothing more
            }
        }
        reportFailures();
        new java.util.TreeMap<>(slowest).forEach((template, slow) -> {
            if (slow.nanos() >= slowPage) {
                problems.warning("templates/" + template, 0, String.format(java.util.Locale.ROOT, "a page took %.1f s to render (%s), where this"
                        + " site's pages take a tenth of a second", slow.nanos() / 1e9, slow.path()), "look for a loop over many items in it, or in"
                        + " what it includes; a page is stopped at " + TimeUnit.NANOSECONDS.toSeconds(pageLimit) + " s");
            }
        });
        if (failures.isEmpty() && related != null) {
            related.save(cache.resolve("related.bin"), shape);
        }
        return new Baked(pages.stream().map(Output.Page::path).toList(),
                pages.stream().filter(p -> !p.listed()).map(Output.Page::path).collect(java.util.stream.Collectors.toUnmodifiableSet()), (String) model.siteData.get("csp"),
                out.previousShape(shape) != null, keyed.get());
    }

    /** The templates a page of pages/ may not name as its `layout:` (those of the other kinds of page). */
    public static Set<String> notLayouts(Project project) {
        return Pages.notLayouts(project);
    }

    /** What a reader may remember of a section besides its own words (see {@link Search.Around}). */
    private Search.Around around(org.explainers.content.Section s, Model model) {
        List<String> topics = names(Schema.TOPICS, s.topics(), model);
        String onTopics = topics.isEmpty() ? "" : "Topics: " + String.join(", ", topics);
        org.explainers.content.Article a = s.article();
        List<org.explainers.content.Section> listed = site.listedSections(a);
        if (listed.isEmpty() || listed.get(0) != s) {
            return new Search.Around("", "", String.join(" ", topics), onTopics);
        }
        List<String> authors = names(Schema.AUTHORS, a.authors(), model);
        List<String> line = new ArrayList<>();
        for (String part : List.of(a.summary() == null ? "" : a.summary(), authors.isEmpty() ? "" : "By " + String.join(" and ", authors), onTopics)) {
            if (!part.isBlank()) {
                line.add(part.strip());
            }
        }
        List<String> words = new ArrayList<>(topics);
        words.addAll(authors);
        return new Search.Around(a.title(), a.summary(), String.join(" ", words), String.join(" · ", line));
    }

    /** The names a vocabulary gives these keys (a key it lacks has none). */
    private static List<String> names(Vocabulary.Spec vocabulary, List<String> keys, Model model) {
        List<String> names = new ArrayList<>();
        for (String key : keys) {
            Map<String, Object> ref = model.ref(vocabulary, key);
            if (ref != null) {
                names.add(String.valueOf(ref.get("name")));
            }
        }
        return names;
    }

    /** Pages linked as published by one job of the bake. */
    private static final int KEPT_PER_JOB = 256;

    /** The site's shape (see {@link Model#shape}). */
    private String shape;
    /** The related lists, made when a page first needs them (after a text edit, perhaps one page does). */
    private Related related;

    private synchronized Related related(Path file) {
        if (related == null) {
            related = new Related(site.listedSections());
            related.load(file, shape);
        }
        return related;
    }

    /**
     * How long one page may take to render, and the whole bake: a template from a pull request
     * that loops without end, or over a range of billions, is stopped and named with its line.
     * No page of a 10,000-section site takes a tenth of a second.
     */
    private final long pageLimit = TimeUnit.SECONDS.toNanos(Long.getLong("explainers.pageSeconds", 10));
    private final long bakeLimit = TimeUnit.SECONDS.toNanos(Long.getLong("explainers.bakeSeconds", 20 * 60));
    /** Pages whose key was worked out (the others were the published build's, the shape the same). */
    private final java.util.concurrent.atomic.AtomicInteger keyed = new java.util.concurrent.atomic.AtomicInteger();
    /** The pages being rendered now. */
    private final Map<Templates.Run, Pages.Out> running = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each template's render time so far, summed over its pages (to name one when the whole bake takes too long). */
    private final Map<String, Long> spent = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopped;
    /** Each template's slowest page, for the warning of one that took seconds but not its limit. */
    private final Map<String, Slow> slowest = new java.util.concurrent.ConcurrentHashMap<>();

    private record Slow(long nanos, String path) {
    }

    /**
     * A page of this site renders in well under a second: one that took 3 s or more
     * (-Dexplainers.slowPageSeconds) is said, with its template, though under the page's limit (an attacker's trial: a loop of 6 s
     * a page held a build of 24 pages for two and a half minutes, and it succeeded without a word).
     */
    private final long slowPage = TimeUnit.SECONDS.toNanos(Long.getLong("explainers.slowPageSeconds", 3));

    /**
     * Waits for every job, watching the pages being rendered: one over {@link #pageLimit}, or a
     * bake over {@link #bakeLimit}, stops the bake with a problem naming the template.
     */
    private void finish(List<Future<?>> jobs) throws IOException, InterruptedException {
        try {
            if (!org.explainers.content.Jobs.await(jobs, this::overdue)) {
                running.keySet().forEach(run -> run.thread.interrupt());
            }
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().toString(), e.getCause());
        }
    }

    /** Whether a page, or the bake ({@code elapsed} so far), ran over its time: then each is named where it was. */
    private boolean overdue(long elapsed) {
        long now = System.nanoTime();
        for (Map.Entry<Templates.Run, Pages.Out> r : running.entrySet()) {
            Templates.Run run = r.getKey();
            if (now - run.started > pageLimit) {
                failed(at(run, r.getValue(), "rendering a page took longer than " + TimeUnit.NANOSECONDS.toSeconds(pageLimit)
                        + " s and was stopped here (a loop that does not end, or over too many items?)"), r.getValue().path());
                stopped = true;
            }
        }
        if (!stopped && elapsed > bakeLimit) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(bakeLimit);
            String message = "the bake took longer than " + (seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " s") + " and was stopped";
            // Where the pages being rendered were; with none, the template whose pages took the most time.
            running.forEach((run, page) -> failed(at(run, page, message + ", rendering a page here"), page.path()));
            if (running.isEmpty()) {
                String slowest = spent.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey).orElse("");
                failed(new Problem("templates/" + slowest, 0, message + "; this template's pages took the most time"), "the site");
            }
            stopped = true;
        }
        return stopped;
    }

    /**
     * The files whose texts changed since the published build, if the site's shape is that
     * build's (see {@link Pages.Out#texts}); null when it is not, and every page is keyed.
     * Either way, the shape and each file's text key are kept with this build for the next.
     */
    private Set<org.explainers.content.Doc> changedTexts(String shape, Output out) {
        List<org.explainers.content.Doc> docs = site.docs();
        List<String> now = new ArrayList<>(2 * docs.size());
        for (org.explainers.content.Doc d : docs) {
            now.add(d.sha1());
            now.add(d.body() == null ? "" : d.body().key());
        }
        out.shape(shape, now);
        Output.Texts before = out.previousShape(shape);
        if (before == null || before.size() != now.size()) {
            return null;
        }
        // The same shape lists the same files in the same order (their paths are part of it).
        Set<org.explainers.content.Doc> changed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < docs.size(); i++) {
            if (!before.is(2 * i, now.get(2 * i)) || !before.is(2 * i + 1, now.get(2 * i + 1))) {
                changed.add(docs.get(i));
            }
        }
        return changed;
    }

    /**
     * A page's data. A page is kept while the shape and its texts are the same, so its data must
     * show no other text: one that does is a mistake in the plan, which stops the bake here
     * rather than leave a page stale after a later edit.
     */
    private static Map<String, Object> data(Pages.Out page) {
        Map<String, Object> data = page.data().get();
        java.util.Set<org.explainers.content.Body> shown = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Html.within(data, shown);
        for (org.explainers.content.Body text : shown) {
            if (page.texts().stream().noneMatch(d -> d.body() == text)) {
                throw new IllegalStateException(page.path() + " shows a text it does not list among its texts (Pages.Out#texts)");
            }
        }
        return data;
    }

    /** Makes a page, or links the published one if its key is the same (counted among those looked at again). */
    private void render(Pages.Out page, Templates templates, String fingerprint, Digest.Shared shared, Output out) {
        keyed.incrementAndGet();
        Map<String, Object> data = null;
        String key;
        if (page.inputs() != null) {
            // Keyed by what its data is made from (which holds the fingerprint): the data is made only if the page is.
            key = "in:" + page.template() + ":" + page.inputs().get();
        } else {
            data = data(page);
            key = new Digest(fingerprint + "\n" + page.template(), shared).add(data).hex();
        }
        if (out.reuse(page.path(), key)) {
            return;
        }
        if (data == null) {
            data = data(page);
        }
        if (stopped) {
            return;
        }
        Templates.Run run = new Templates.Run();
        running.put(run, page);
        try {
            out.write(page.path(), templates.render(page.template(), data, run).getBytes(StandardCharsets.UTF_8), key);
        } catch (Templates.Stopped e) {
            // reported by the watch that stopped it
        } catch (Templates.TooLarge e) {
            failed(tooLarge(run, page, e), page.path());
        } catch (Templates.Unreviewable e) {
            failed(inFile(e.template, e.line, e.getMessage(), run, page), page.path());
        } catch (OutOfMemoryError e) {
            // One value too large to make (a string doubled again and again): that allocation failed, the rest is as it was.
            failed(at(run, page, "rendering ran out of memory here (a value built up without end?)"), page.path());
        } catch (freemarker.template.TemplateException e) {
            // FreeMarker wraps what a macro or an include met: the stop and the bound, or a syntax error.
            if (cause(e, Templates.Stopped.class) != null) {
                return;
            }
            Templates.Unreviewable unseen = cause(e, Templates.Unreviewable.class);
            if (unseen != null) {
                failed(inFile(unseen.template, unseen.line, unseen.getMessage(), run, page), page.path());
                return;
            }
            Templates.TooLarge big = cause(e, Templates.TooLarge.class);
            if (big != null) {
                failed(tooLarge(run, page, big), page.path());
                return;
            }
            freemarker.core.ParseException syntax = cause(e, freemarker.core.ParseException.class);
            if (syntax != null) {
                syntax(syntax, run, page); // in a template another one imports or includes
                return;
            }
            String message = String.join(" ", e.getMessageWithoutStackTop().strip().lines().limit(2).map(String::strip).toList());
            failed(inFile(e.getTemplateSourceName(), e.getLineNumber() == null ? 0 : e.getLineNumber(), message, run, page), page.path());
        } catch (freemarker.core.ParseException syntax) {
            syntax(syntax, run, page); // the page's own template
        } catch (IOException e) {
            failed(new Problem("templates/" + page.template(), 0, "cannot be used: " + e.getMessage()), page.path());
        } catch (StackOverflowError e) {
            // A template that includes itself, or a macro that calls itself without end: the thread's stack bounds it.
            failed(at(run, page, "it, or a template it includes, includes or calls itself without end"), page.path());
        } finally {
            running.remove(run);
            long took = System.nanoTime() - run.started;
            spent.merge(page.template(), took, Long::sum);
            slowest.merge(page.template(), new Slow(took, page.path()), (a, b) -> a.nanos() >= b.nanos() ? a : b);
        }
    }

    /** A template that does not parse: reported once, at its own line, in full. */
    private void syntax(freemarker.core.ParseException e, Templates.Run run, Pages.Out page) {
        failed(inFile(e.getTemplateName(), e.getLineNumber(), "syntax error: " + e.getEditorMessage().strip(), run, page), page.path());
    }

    /** A problem where a page's render was: the template file and line it had reached. */
    private static Problem at(Templates.Run run, Pages.Out page, String message) {
        return new Problem("templates/" + run.template(page.template()), run.line(), message);
    }

    private static Problem tooLarge(Templates.Run run, Pages.Out page, Templates.TooLarge e) {
        return at(run, page, e.getMessage() + " (a loop over too many items?)");
    }

    /**
     * A problem FreeMarker placed in {@code template} at {@code line}: there, unless that is a
     * string made a template with {@code ?interpret} ("page.ftlh->anonymous_interpreted"), which
     * is reported where the file used it.
     */
    private static Problem inFile(String template, int line, String message, Templates.Run run, Pages.Out page) {
        if (template != null && template.contains("->")) {
            return at(run, page, message);
        }
        return new Problem("templates/" + (template == null ? page.template() : template), line, message);
    }

    /** The failure of this kind behind a template's failure (FreeMarker wraps a syntax error an import or include meets), or null. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> kind) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (kind.isInstance(c)) {
                return kind.cast(c);
            }
        }
        return null;
    }

    /** A template's failure, reported once however many pages it broke. */
    private record Problem(String path, int line, String message) {
        /** The most characters of a message: FreeMarker quotes what it met, which a template may make a million long (an attacker's trial). */
        static final int MAX_MESSAGE = 500;

        Problem {
            int cut = MAX_MESSAGE - (message.length() > MAX_MESSAGE && Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? 1 : 0);
            message = message.length() <= MAX_MESSAGE ? message : message.substring(0, cut) + "…";
        }
    }

    private final Map<Problem, List<String>> failures = new java.util.concurrent.ConcurrentHashMap<>();

    private void failed(Problem p, String page) {
        failures.computeIfAbsent(p, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(page);
    }

    private void reportFailures() {
        failures.forEach((p, pages) -> {
            List<String> sorted = pages.stream().sorted().toList();
            problems.error(p.path(), p.line(), p.message(), "fix the template; it failed on " + (sorted.size() == 1 ? sorted.get(0)
                    : sorted.size() + " pages, e.g. " + sorted.get(0)));
        });
    }

    /** The sitemap and robots.txt: made from the shape alone, so the published ones while it is the same ({@code sameShape}). */
    private void sitemap(List<Output.Page> plan, Model model, Output out, boolean sameShape) throws Exception {
        if (sameShape) {
            long listed = plan.stream().filter(p -> p.listed() && p.path().endsWith(".html")).count();
            if (Sitemap.names(project.paths.sitemap(), listed).stream().allMatch(out::keep) && out.keep("robots.txt")) {
                return;
            }
        }
        List<Sitemap.Url> urls = new ArrayList<>();
        Map<String, org.explainers.content.Doc> docs = site.byUri();
        for (Output.Page p : plan) {
            if (!p.listed() || !p.path().endsWith(".html")) {
                continue;
            }
            org.explainers.content.Doc d = docs.get(p.path());
            Moment modified = d == null ? null : d instanceof org.explainers.content.Article a
                    ? model.lastModified(a) : d instanceof org.explainers.content.Section s ? site.changed(s) : Moment.later(d.date(), d.updated());
            urls.add(new Sitemap.Url(p.path(), modified == null ? null : modified.instant()));
        }
        Sitemap.files(project.paths.sitemap(), urls, project.address).forEach(out::writeFile);
        String robots = "User-agent: *\nAllow: /\n\nSitemap: " + project.address.of(project.paths.sitemap()) + "\n";
        out.writeFile("robots.txt", robots.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Everything a page depends on besides its data: the templates, the settings (the time zone
     * dates are shown in), and the build's own code. Each part goes in after its length, so that
     * bytes moved from the end of one template to the start of the next make another fingerprint.
     */
    private String fingerprint(Inputs inputs) throws IOException {
        MessageDigest md = org.explainers.content.Code.sha256();
        Code.framed(md, project.settingsKey().getBytes(StandardCharsets.UTF_8));
        Code.framed(md, project.zone.getId().getBytes(StandardCharsets.UTF_8));
        for (String t : inputs.templates) {
            Code.framed(md, t.getBytes(StandardCharsets.UTF_8));
            Code.framed(md, Files.readAllBytes(project.templates.resolve(t)));
        }
        Code.framed(md, Code.FINGERPRINT.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }
}
