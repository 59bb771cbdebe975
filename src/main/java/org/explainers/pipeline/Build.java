package org.explainers.pipeline;

import org.explainers.bake.Bake;
import org.explainers.bake.Output;
import org.explainers.check.Bodies;
import org.explainers.check.BodyCache;
import org.explainers.check.HtmlPolicy;
import org.explainers.check.Moves;
import org.explainers.check.SiteCheck;
import org.explainers.content.Article;
import org.explainers.content.Crawl;
import org.explainers.content.Doc;
import org.explainers.content.Downloads;
import org.explainers.content.DocCache;
import org.explainers.content.History;
import org.explainers.content.Images;
import org.explainers.content.Inputs;
import org.explainers.content.Markdown;
import org.explainers.content.Problem;
import org.explainers.content.Problems;
import org.explainers.content.Project;
import org.explainers.content.Schema;
import org.explainers.content.Section;
import org.explainers.content.Site;
import org.explainers.content.SourceText;
import org.explainers.content.Trees;
import org.explainers.content.Vocabulary;
import org.explainers.publish.Publish;
import org.explainers.verify.OutputCheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * One build, in four steps: check the content, bake it, check what was baked, publish it. A
 * failure at any step leaves the published site exactly as it was.
 */
public final class Build {

    /**
     * What to build.
     *
     * @param project   the project folder (jbake.properties, content/, templates/, assets/)
     * @param site      where the site is published, normally target/site
     * @param siteHost  the deployment's address, or null for jbake.properties' own
     * @param now       the build's "now": what is dated later is held back
     * @param checkOnly check the content and write nothing
     * @param preview   show drafts and scheduled pieces too (the local preview)
     */
    public record Options(Path project, Path site, String siteHost, Instant now, boolean checkOnly, boolean preview) {
    }

    /**
     * What a build did.
     *
     * @param asPublished in the preview, what the site's own build would refuse (also among the
     *                    problems, as warnings): the preview shows it over the page
     */
    public record Result(boolean ok, List<Problem> problems, int pages, int files, long millis, List<Problem> asPublished) {
        /** The first error and how many there are, for the one line a failed build ends with. */
        public String summary() {
            List<Problem> errors = problems.stream().filter(p -> !p.warning()).toList();
            if (errors.isEmpty()) {
                return ok ? "ok" : "the build failed (see above)";
            }
            return (errors.size() == 1 ? "1 problem" : errors.size() + " problems") + "; the first: " + errors.get(0);
        }
    }

    private final Options options;
    private final PrintStream out;
    /** Where progress and warnings go: {@code out}, or nowhere when only errors are asked for (Maven's -q). */
    private final PrintStream notes;
    private BodyCache bodies;
    /** The cache this build read, which records the bodies it used: written back when the build succeeds. */
    private BodyCache used;
    /** When the first piece this build held back for its date goes out; null when none waits. */
    private java.time.Instant nextScheduled;

    public Build(Options options, PrintStream out) {
        this(options, out, out);
    }

    public Build(Options options, PrintStream out, PrintStream notes) {
        this.options = options;
        this.out = out;
        this.notes = notes;
    }

    private volatile boolean cancelled;

    /** Stops the build before it bakes or publishes (its client went away): the published site stays as it was. */
    public void cancel() {
        cancelled = true;
    }

    private void goOn() throws InterruptedException {
        if (cancelled) {
            throw new InterruptedException("stopped before it published: the terminal that asked for it went away");
        }
    }

    /** Uses the bodies of an earlier build in this JVM (the preview's re-bakes) instead of reading the cache file. */
    public Build reuse(BodyCache cache) {
        this.bodies = cache;
        return this;
    }

    /** When the first scheduled piece goes out (the preview re-bakes then, unasked); null when none waits, and outside the preview. */
    public java.time.Instant nextScheduled() {
        return nextScheduled;
    }

    /** The bodies this build used, for the next one. */
    public BodyCache bodies() {
        return bodies;
    }

    /** -Dexplainers.timings=true prints how long each part of the check takes (for docs/performance.md). */
    private static final boolean TIMINGS = Boolean.getBoolean("explainers.timings");

    private void time(String what, long start) {
        if (TIMINGS) {
            out.printf(java.util.Locale.ROOT, "      %-28s %6d ms%n", what, elapsed(start));
        }
    }

    /** A folder the build writes that is a link, or not the user's: nothing is written through it. */
    private Result foreign(Problems problems, long start, Path path) {
        problems.error(relative(path), 0, "is a link or not a folder of yours, which the build does not make: a pull request may have added it"
                + " (target/ is ignored by Git, but `git add -f` adds files there)", "remove it (./mvnw clean), and commit nothing under target/"
                + " (git rm -r --cached target)");
        return fail(problems, start, "target/");
    }

    public Result run() {
        long start = System.nanoTime();
        asPublished = List.of();
        Problems problems = new Problems();
        Path target = options.project().resolve("target");
        Path cache = target.resolve("cache");
        notes.println(options.checkOnly() ? "Checking content/ (only checking: nothing is written) ..." : "[1/4] Checking content/ ...");
        Project project = Project.open(options.project(), options.site(), options.siteHost(), problems);
        if (project == null) {
            return fail(problems, start, "the project's settings");
        }
        time("configuration", start);
        // A link inside the builds (Publish.linkInside), looked for while the content is checked, once they are recovered.
        CompletableFuture<Path> linkInside = CompletableFuture.completedFuture(null);
        if (!options.checkOnly()) {
            for (Path own : List.of(target, cache, cache.resolve("images"))) { // images: copies are published from there
                if (!Trees.ours(own)) {
                    return foreign(problems, start, own);
                }
            }
            Path foreign = Publish.foreign(options.site());
            if (foreign != null) {
                return foreign(problems, start, foreign);
            }
            try {
                Publish.recover(options.site());
            } catch (IOException e) {
                problems.error(relative(options.site()), 0, "cannot be recovered from the last build: " + e.getMessage(),
                        "check the disk and its permissions");
                return fail(problems, start, "target/");
            }
            linkInside = CompletableFuture.supplyAsync(() -> {
                try {
                    return Publish.linkInside(options.site());
                } catch (IOException e) {
                    return Publish.builds(options.site());
                }
            });
        }
        // The headers' cache is ours (target/), not content: it is read while content/ is walked.
        CompletableFuture<DocCache.Stored> readingHeaders = CompletableFuture.supplyAsync(() -> DocCache.load(cache.resolve("docs.bin")));
        Inputs inputs = Inputs.scan(project, problems);
        time("inputs", start);
        if (inputs.unsafe) {
            return fail(problems, start, "content/, templates/ or assets/");
        }
        CompletableFuture<BodyCache> reading = bodies != null ? CompletableFuture.completedFuture(bodies)
                : CompletableFuture.supplyAsync(() -> BodyCache.read(cache.resolve("bodies.bin")));
        CompletableFuture<Void> cached = CompletableFuture.completedFuture(null);
        Map<Vocabulary.Spec, Vocabulary> vocabularies = vocabularies(project, inputs, problems);
        Set<String> layouts = new TreeSet<>(); // what a page's `layout:` may name
        Set<String> notLayouts = Bake.notLayouts(project);
        for (String t : inputs.templates) {
            if (!t.contains("/") && t.endsWith(".ftlh") && !notLayouts.contains(t)) {
                layouts.add(t.substring(0, t.length() - 5));
            }
        }
        time("vocabularies", start);
        // The vocabularies before this change, from Git (the preview skips its history), read while the texts are.
        CompletableFuture<Map<String, String>> vocabulariesBefore = before(project.dir, Schema.VOCABULARIES.stream().map(Vocabulary.Spec::file).toList(),
                Vocabulary.MAX_BYTES);
        DocCache headers = readingHeaders.join().in(DocCache.context(project, layouts, vocabularies));
        Crawl.Crawled crawled = Crawl.read(project, inputs, vocabularies, layouts, headers, cache, problems);
        List<Doc> docs = crawled.docs();
        // Every explainer as Git had it before this change, for its corrections: a removed one is said in every build of the
        // change (asked of the files read again only, it was said once, then the cache vouched for the file).
        List<String> explainers = docs.stream().filter(d -> d instanceof Article).map(d -> d.source).sorted().toList();
        CompletableFuture<Map<String, String>> explainersBefore = before(project.dir, explainers, SourceText.MAX_BYTES);
        time("crawl", start);
        // Asked only of two sections with one order (Git is run then, once): is the file one the change being built leaves as it was?
        java.util.function.Supplier<Set<String>> changed = options.preview() ? () -> null : new java.util.function.Supplier<>() {
            private Set<String> files;
            private boolean asked;

            @Override
            public Set<String> get() {
                if (!asked) {
                    asked = true;
                    files = History.changed(project.dir);
                }
                return files;
            }
        };
        java.util.function.Predicate<Doc> untouched = d -> changed.get() != null && !changed.get().contains(d.source);
        Site site = Site.assemble(docs, vocabularies, inputs.media, options.now(), options.preview(), untouched, problems);
        nextScheduled = options.preview() ? site.nextScheduled() : null; // only the preview waits for it
        Images images = Images.read(project.content, inputs.media, project.assets, inputs.assets, options.checkOnly() ? null : cache, problems);
        Downloads.check(project.content, inputs.media, options.checkOnly() ? null : cache, problems);
        time("site, images", start);
        Markdown markdown = markdown(project, problems);
        if (markdown == null) {
            return fail(problems, start, "the project's settings");
        }
        HtmlPolicy policy = new HtmlPolicy(project.embedHosts);
        used = reading.join();
        time("body cache", start);
        if (!new Bodies(markdown, policy, images, used, project.machineFolder(), problems).run(docs)) {
            return fail(problems, start, "content/");
        }
        bodies = used.next();
        time("bodies", start);
        // Files gone since the last commit: a link to one is told the file it most likely became.
        List<History.Gone> gone = options.preview() ? List.of() : History.gone(project.dir, text -> Moves.wasPublished(text, site, project.zone));
        Map<String, Doc> likely = Moves.likely(site, gone);
        SiteCheck links = new SiteCheck(site, project.paths, project.zone, inputs.markdown, inputs.refused, likely, problems);
        Set<String> media = links.run();
        if (!options.preview() && project.address.unreachable() == null) {
            links.warnOfExampleAddresses();
        }
        time("links", start);
        // Texts the walk refused count as there (a section renamed `.MD` is told to rename it back, not that it is gone).
        List<String> texts = new ArrayList<>(inputs.markdown);
        inputs.refused.stream().filter(r -> r.regionMatches(true, r.length() - 3, ".md", 0, 3) && !r.endsWith(".md")).forEach(texts::add);
        Map<String, Doc> moves = Moves.check(site, texts, gone, likely, project.zone, problems);
        java.util.function.Predicate<String> publishedHere = path -> Files.isRegularFile(options.site().resolve(path));
        Moves.goneEntries(vocabularies, vocabulariesBefore.join(), project.paths, publishedHere, problems);
        List<String> goneExplainers = gone == null ? List.of() : gone.stream().map(History.Gone::source)
                .filter(x -> x.startsWith(Schema.ARTICLES + "/") && x.endsWith("/index.md")).sorted().toList();
        Moves.goneCorrections(site, explainersBefore.join(), before(project.dir, goneExplainers, SourceText.MAX_BYTES).join(), moves, project.zone, problems);
        site.checkVocabularyUse(project.paths, publishedHere, problems);
        if (options.preview() && !problems.hasErrors()) {
            asPublished(project, docs, vocabularies, inputs, texts, problems);
        }
        time("moves", start);
        if (problems.hasErrors()) {
            return fail(problems, start, "content/");
        }
        report(problems);
        if (!options.checkOnly()) {
            // The bodies are right whatever happens to the bake: kept for the next build while this one bakes.
            BodyCache keep = used;
            cached = CompletableFuture.runAsync(() -> {
                try {
                    headers.write(cache.resolve("docs.bin"));
                    keep.write(cache.resolve("bodies.bin"));
                } catch (IOException e) {
                    // the next build reads and renders them again
                }
            });
        }
        heldBack(site, project.zone);
        if (gone == null) {
            notes.println("      (no Git history here, or not read within its time: renamed files are not checked for their old addresses)");
        }
        if (crawled.read() < docs.size()) {
            notes.printf(java.util.Locale.ROOT, "      %d of %d Markdown files read; the others are as the last build read them%n", crawled.read(), docs.size());
        }
        notes.printf(java.util.Locale.ROOT, "      %d explainer(s), %d section(s), %d page(s), %d topic(s)%n", site.listedArticles().size(),
                site.listedSections().size(), site.listedPages().size(), site.vocabulary(Schema.TOPICS).size());
        if (options.checkOnly()) {
            // What the build would say of pages it takes off the site, as `package` says it: the published ones are in its manifest.
            Path published = Publish.current(options.site());
            Set<String> there = published == null ? Set.of() : Output.readManifest(Output.manifestOf(published)).keySet();
            unpublished(site, project, there::contains, published == null ? null : Output.madeFor(Output.manifestOf(published)), problems);
            if (problems.hasErrors()) {
                return fail(problems, start, "content/");
            }
            long millis = elapsed(start);
            notes.println("Content is fine (" + millis + " ms); nothing was written.");
            return new Result(true, problems.list(), 0, 0, millis, asPublished);
        }
        long checked = elapsed(start);

        Path inside = linkInside.join();
        if (inside != null) {
            return foreign(problems, start, inside);
        }
        Path build;
        Output output;
        CompletableFuture<Void> clean;
        try {
            build = Publish.next(options.site());
            Path making = build;
            clean = CompletableFuture.runAsync(() -> {
                try {
                    Publish.clean(options.site(), making);
                } catch (IOException e) {
                    // an old build that cannot be removed now is removed by a later one
                }
            });
            output = new Output(build, Publish.current(options.site()), Publish.held(build));
        } catch (IOException e) {
            problems.error(options.site().toString(), 0, "cannot be prepared: " + e.getMessage(), "check the disk and its permissions");
            return fail(problems, start, "target/");
        }
        try {
            goOn();
            notes.println("[2/4] Baking with JBake's Crawler, Flexmark and Freemarker ...");
            Bake.Baked baked1 = new Bake(project, site, images, problems).run(inputs, media, moves, output, cache);
            if (problems.hasErrors()) {
                // A template's, or an image whose body could not be decoded.
                return fail(problems, start, problems.errors().stream().anyMatch(p -> p.path().startsWith("content/")) ? "content/" : "templates/");
            }
            if (baked1.sameShape() && baked1.keyed() > 0) {
                notes.printf(java.util.Locale.ROOT, "      only texts changed: %d of %d pages and feeds looked at again, the others are as published%n",
                        baked1.keyed(), baked1.paths().size());
            }
            long baked = elapsed(start);
            notes.println("[3/4] Checking the baked site ...");
            OutputCheck.Report report = new OutputCheck(site, project, baked1.csp(), problems).run(output, baked1.paths(), baked1.unlisted());
            if (problems.hasErrors()) {
                return fail(problems, start, "the baked site");
            }
            long verified = elapsed(start);
            unpublished(site, project, output::published, output.publishedNow(), problems);
            if (problems.hasErrors()) {
                return fail(problems, start, "content/");
            }
            goOn();
            notes.println("[4/4] Publishing to " + relative(options.site()) + "/ ...");
            output.now(site.now);
            output.writeManifest();
            clean.join();
            Publish.swap(options.site(), build);
            cached.join();
            long millis = elapsed(start);
            String made = output.made() >= report.files() ? report.files() + " files"
                    : report.files() + " files, " + output.made() + " made, the rest as the last build made them";
            notes.printf(java.util.Locale.ROOT, "Baked %d pages (%s) into %s/ in %d ms (check %d, bake %d, check output %d, publish %d).%n",
                    report.pages(), made, relative(options.site()), millis, checked, baked - checked, verified - baked, millis - verified);
            if (!options.preview() && project.address.unreachable() != null) {
                notes.println("      (for " + project.address.base() + ", " + project.address.unreachable() + ": to publish, give the site's own"
                        + " with -Dsite.host=<its address> or as site.host in jbake.properties; README, Publishing)");
            } else if (!options.preview() && TEMPLATE_REPOSITORY.equals(project.setting("site.repository"))) {
                // Built for a real address with the template's repository: every page's "Edit this page" leads to another's (a new user's trial).
                notes.println("      (site.repository in jbake.properties is still the template's, " + TEMPLATE_REPOSITORY + ": every page's \"Edit this"
                        + " page\" leads there; set your repository's, or remove the line for no such link; README, Publishing)");
            }
            return new Result(true, problems.list(), report.pages(), report.files(), millis, asPublished);
        } catch (IOException | RuntimeException | InterruptedException e) {
            // The machine's folders are not the project's business (nor the log's readers'): paths from the project's folder.
            String projectDir = options.project().toAbsolutePath().normalize() + java.io.File.separator;
            problems.error(relative(options.site()), 0, "the bake failed: " + describe(e).replace(projectDir, ""),
                    "see the message; the published site was not changed");
            return fail(problems, start, "the bake");
        } finally {
            if (!Files.exists(Output.manifestOf(build))) {
                try {
                    org.explainers.content.Trees.delete(build);
                } catch (IOException e) {
                    // removed by the next build
                }
            }
        }
    }

    /** Flexmark as jbake.properties sets it up; null when it names an extension Flexmark lacks (reported). */
    private static Markdown markdown(Project project, Problems problems) {
        try {
            return Markdown.of(project.jbake);
        } catch (IllegalArgumentException e) {
            problems.error("jbake.properties", 0, e.getMessage(), "use JBake's pegdown names, e.g. TABLES,FENCED_CODE_BLOCKS");
            return null;
        }
    }

    private Map<Vocabulary.Spec, Vocabulary> vocabularies(Project project, Inputs inputs, Problems problems) {
        Map<Vocabulary.Spec, Vocabulary> map = new LinkedHashMap<>();
        for (Vocabulary.Spec spec : Schema.VOCABULARIES) {
            String path = "content/" + spec.file();
            if (!inputs.data.contains(spec.file())) {
                problems.error(path, 0, "the " + spec.name() + " vocabulary is missing", "create " + path + " listing every " + spec.one());
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(project.content.resolve(spec.file()));
                SourceText text = SourceText.decode(path, bytes, Vocabulary.MAX_BYTES, false, problems);
                String folder = project.machineFolder();
                SourceText.noMachineFolder(path, bytes, folder.getBytes(java.nio.charset.StandardCharsets.UTF_8), problems);
                Vocabulary v = text == null ? null : Vocabulary.read(spec, text, project.paths.index(), problems);
                for (Vocabulary.Entry e : v == null ? List.<Vocabulary.Entry>of() : v.entries().values()) {
                    // As YAML reads the values: `\x2F` in double quotes hid the folder from the file's bytes (an attacker's trial).
                    if (e.values().values().stream().anyMatch(x -> String.valueOf(x).contains(folder))) {
                        problems.error(path, e.line(), "`" + e.slug() + "` " + SourceText.showsFolder(folder), "leave the path out");
                    }
                }
                if (v != null) {
                    map.put(spec, v);
                }
            } catch (IOException e) {
                problems.error(path, 0, "cannot be read: " + e.getMessage(), "check the file's permissions");
            }
        }
        return map;
    }


    /** How the preview's warnings about the site's own build begin in the console. */
    public static final String AS_PUBLISHED = "the site's build, which leaves drafts and scheduled pieces out, refuses this: ";

    /** What the site's own build would refuse, found by the last preview build ({@link #asPublished}). */
    private List<Problem> asPublished = List.of();

    /**
     * The preview shows drafts and scheduled pieces, and skips Git's history: what the site's own
     * build would refuse (a link to a draft, a published file deleted without `moved_from`) is
     * checked again on the site as published, and told as warnings, so that the editor learns it
     * before the pull request.
     */
    private void asPublished(Project project, List<Doc> docs, Map<Vocabulary.Spec, Vocabulary> vocabularies, Inputs inputs, List<String> texts,
                             Problems problems) {
        Problems scratch = new Problems();
        Site site = Site.assemble(docs, vocabularies, inputs.media, options.now(), false, scratch);
        List<History.Gone> gone = History.gone(project.dir, text -> Moves.wasPublished(text, site, project.zone));
        Map<String, Doc> likely = Moves.likely(site, gone);
        new SiteCheck(site, project.paths, project.zone, inputs.markdown, inputs.refused, likely, scratch).run();
        Moves.check(site, texts, gone, likely, project.zone, scratch);
        // A published piece's date typed years ahead (2027 for 2026) takes it off the site: Git's history says it was out.
        leftOut(site, project, uri -> false, null, scratch);
        asPublished = scratch.errors();
        for (Problem p : asPublished) {
            problems.warning(p.path(), p.line(), AS_PUBLISHED + p.message(), p.fix());
        }
    }

    /** Says which files wait for their date (scheduled pieces are held back like drafts until then). */
    private void heldBack(Site site, java.time.ZoneId zone) {
        if (site.preview) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Doc d : site.docs()) {
            if (site.state(d) == Site.State.SCHEDULED && d.date() != null && d.date().instant().isAfter(site.now)) {
                lines.add("held back until " + d.date().inZone(zone) + " (" + zone + "): " + d.path() + (d instanceof Article a && !a.sections().isEmpty()
                        ? " (with its " + a.sections().size() + " section" + (a.sections().size() == 1 ? ")" : "s)") : ""));
            } else if (d.draft() && !(d instanceof Section s && s.article() != null && s.article().draft())) {
                // A draft explainer holds back its sections too, whatever they say.
                lines.add("held back as a draft: " + d.path() + (d instanceof Article a && !a.sections().isEmpty()
                        ? " (with its " + a.sections().size() + " section" + (a.sections().size() == 1 ? ")" : "s)") : ""));
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (i == MAX_HELD_LINES && lines.size() > MAX_HELD_LINES + 1) {
                notes.println("      ... and " + (lines.size() - i) + " more held back");
                break;
            }
            notes.println("      " + lines.get(i));
        }
    }

    /** The repository jbake.properties names as it comes: a newsroom's copy names its own. */
    static final String TEMPLATE_REPOSITORY = "https://github.com/explainers/site/blob/main";

    /** The most lines listing drafts and scheduled pieces. */
    private static final int MAX_HELD_LINES = 20;

    /**
     * A file the published site has a page for that this build leaves out (made a draft, or given
     * a date to come): allowed, but said, since readers' links and search engines lose the page.
     *
     * @param publishedNow the "now" the published build was made for, or null
     */
    private void unpublished(Site site, Project project, java.util.function.Predicate<String> publishedHere, java.time.Instant publishedNow,
                             Problems problems) {
        if (site.preview) {
            return; // it lists drafts and scheduled pieces: asPublished() asks this of the site as published
        }
        leftOut(site, project, publishedHere, publishedNow, problems);
        report(problems);
    }

    /** The checks of {@link #unpublished}, on a site as published (the preview's too, as {@link #asPublished} builds it). */
    private void leftOut(Site site, Project project, java.util.function.Predicate<String> publishedHere, java.time.Instant publishedNow,
                         Problems problems) {
        // Published in the last build here, or (a pull request's build has none) before the change in Git:
        // the file said so then, and so did its article (a section of a draft explainer was never on the site).
        List<Doc> left = site.docs().stream().filter(d -> !site.listed(d)).toList();
        Set<String> sources = new TreeSet<>();
        for (Doc d : left) {
            sources.add(d.source);
            if (d instanceof Section s && s.article() != null) {
                sources.add(s.article().source);
            }
        }
        Set<String> before = History.before(project.dir, List.copyOf(sources), text -> Moves.wasPublished(text, site, project.zone));
        java.util.function.Predicate<Doc> was = d -> before.contains(d.source);
        Set<Doc> taken = new java.util.LinkedHashSet<>(); // published, and left out now (in the site's order)
        // A build made for a later "now" than this one's (`-Dbuild.now` to try a schedule) published what is only
        // scheduled now: of those, its pages tell nothing; Git's history still does.
        boolean later = publishedNow != null && publishedNow.isAfter(site.now);
        for (Doc d : left) {
            boolean wasListed = was.test(d) && (!(d instanceof Section s) || s.article() == null || site.listed(s.article()) || was.test(s.article()));
            boolean here = publishedHere.test(d.uri()) && !(later && site.state(d) == Site.State.SCHEDULED);
            if (here || wasListed) {
                taken.add(d);
            }
        }
        for (Doc d : taken) {
            if (d instanceof Section s && s.article() != null && s.article().draft() && taken.contains(s.article())) {
                continue; // said once, by its explainer made a draft (with how many sections)
            }
            long sections = d instanceof Article a ? taken.stream().filter(x -> x instanceof Section s && s.article() == a).count() : 0;
            Doc dated = d.datedBy(); // the file whose date to correct
            if (site.state(d) == Site.State.SCHEDULED && dated != d && taken.contains(dated)) {
                continue; // said once, at the explainer's date (with how many sections)
            }
            String with = sections > 0 ? ", with its " + sections + " section" + (sections == 1 ? "" : "s") : "";
            if (site.state(d) == Site.State.SCHEDULED && dated.date() != null) {
                String when = dated.date().inZone(project.zone);
                if (dated.date().instant().isAfter(site.now.plus(java.time.Duration.ofDays(FAR_DAYS)))) {
                    // Rescheduling a published piece is for days or weeks (an embargo); a date years away is most likely a typo.
                    problems.error(dated.path(), dated.header.line("date"), "the date " + when + " is more than " + FAR_DAYS + " days away and takes "
                            + dated.uri() + with + ", which was published, off the site until then",
                            "correct the date if it is a typo; to take the page off the site on purpose, make it `status: draft`");
                } else {
                    problems.warning(dated.path(), dated.header.line("date"), "was published at " + d.uri() + with + "; its date holds it back until "
                            + when + " (" + project.zone + "), when it returns", "if it should stay on the site, give it a date that has come");
                }
            } else if (d instanceof Article && !d.draft()) {
                // Its own status is published: it is held back because none of its sections is (Site.decideStates).
                problems.warning(d.path(), 0, "was published at " + d.uri() + "; this build takes it off the site, since none of its sections is"
                        + " published now", "publish one of its sections again (`status: published`), or make this file `status: draft` too");
            } else {
                problems.warning(d.path(), 0, "was published at " + d.uri() + (d.draft() ? with : "") + "; this build takes it off the site ("
                        + site.state(d).name().toLowerCase(java.util.Locale.ROOT) + ")", "if it is gone for good, delete the file and add"
                        + " its name to `moved_from` in the file that replaces it, so its address leads there (or, when nothing replaces"
                        + " it, commit it as a draft, then delete it in a later commit); if not, publish it again"
                        + " (`status: published` and a past date, here and in its article's index.md)");
            }
        }
        // A piece never published, dated months ahead, is most likely a typo in the year (2027 for 2026): it would not appear.
        for (Doc d : left) {
            if (!taken.contains(d) && site.state(d) == Site.State.SCHEDULED && d.datedBy() == d && d.date() != null
                    && d.date().instant().isAfter(site.now.plus(java.time.Duration.ofDays(FAR_AHEAD_DAYS)))) {
                problems.warning(d.path(), d.header.line("date"), "the date " + d.date().inZone(project.zone)
                        + " is more than " + FAR_AHEAD_DAYS + " days away: the file stays off the site until then",
                        "correct the year if it is a typo; a piece meant for then may keep its date");
            }
        }
    }

    /** How far ahead a new piece may be scheduled before its date is taken for a typo (warned). */
    private static final int FAR_AHEAD_DAYS = 90;

    /** How far ahead a published piece may be rescheduled before its date is taken for a typo. */
    private static final int FAR_DAYS = 30;

    /** Problems already printed: a failure after the check repeats none of its warnings. */
    private final Set<Problem> printed = new java.util.HashSet<>();

    private void report(Problems problems) {
        List<Problem> list = problems.list().stream().filter(printed::add).toList();
        int shown = 0;
        for (Problem p : list) {
            if (shown++ == 200) {
                out.println("  ... and " + (list.size() - 200) + " more");
                break;
            }
            (p.warning() ? notes : out).println("  " + p);
        }
        if ("true".equals(System.getenv("GITHUB_ACTIONS"))) {
            // Also as workflow commands, which GitHub shows on the changed lines of a pull request.
            // As many as the log shows: GitHub shows a few per step, and a log of each problem twice grew with the square of a change.
            list.stream().limit(200).forEach(p -> (p.warning() ? notes : out).printf(java.util.Locale.ROOT, "::%s file=%s%s::%s (%s)%n", p.warning() ? "warning" : "error",
                    property(p.path()), p.line() > 0 ? ",line=" + p.line() : "", escape(p.message()), escape(p.fix())));
        }
    }

    /** A workflow command's message, on one line (GitHub's escapes). */
    private static String escape(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A workflow command's property (a file name a pull request chose): one line, and its `,` and `:` not the command's. */
    static String property(String s) {
        return escape(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * These files' texts (under content/) before this change, from Git ({@link History#previous}),
     * read on a thread of their own while the build goes on; none in the preview, which skips the history.
     */
    private CompletableFuture<Map<String, String>> before(Path dir, List<String> files, int maxBytes) {
        return options.preview() || files.isEmpty() ? CompletableFuture.completedFuture(Map.of())
                : CompletableFuture.supplyAsync(() -> History.previous(dir, files, maxBytes),
                task -> org.explainers.content.Jobs.daemons("history").newThread(task).start());
    }

    /** Where a pull request's problems are: its input folders and the settings file. */
    private static final Set<String> INPUTS = Set.of("content/", "templates/", "assets/", "jbake.properties");

    private Result fail(Problems problems, long start, String where) {
        report(problems);
        long errors = problems.errors().size();
        // The input folders the problems are in, as the lines above say, when they are all there (an attacker's trial: assets/'
        // problems were "in content/"); a stage's own name otherwise (the baked site, target/).
        Set<String> folders = new TreeSet<>();
        problems.errors().stream().map(org.explainers.content.Problem::path).filter(path -> path != null && !path.isEmpty())
                .forEach(path -> folders.add(path.contains("/") ? path.substring(0, path.indexOf('/') + 1) : path));
        if (!folders.isEmpty() && INPUTS.containsAll(folders)) {
            where = String.join(" and ", folders);
        }
        out.println("BUILD FAILED: " + errors + " problem" + (errors == 1 ? "" : "s") + " in " + where + " (see above). "
                + (Files.exists(options.site()) ? relative(options.site()) + "/ was not changed." : "Nothing was published."));
        return new Result(false, problems.list(), 0, 0, elapsed(start), asPublished);
    }

    private String relative(Path p) {
        Path project = options.project().toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(project) ? project.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank() && (last == null || !last.contains(m))) {
                // A file system's exception says only the path: its kind says what happened there.
                String kind = c instanceof java.nio.file.FileSystemException ? c.getClass().getSimpleName() + ": " : "";
                sb.append(sb.length() > 0 ? "; caused by: " : "").append(kind).append(m.strip());
                last = m;
            }
        }
        return sb.length() == 0 ? t.getClass().getSimpleName() : sb.toString();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
