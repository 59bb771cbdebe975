package org.explainers.check;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Node;
import org.explainers.content.Body;
import org.explainers.content.Doc;
import org.explainers.content.Images;
import org.explainers.content.Invisible;
import org.explainers.content.Jobs;
import org.explainers.content.Markdown;
import org.explainers.content.Problems;
import org.explainers.content.Section;
import org.explainers.content.SourceText;
import org.explainers.content.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.select.NodeTraversor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Renders every file's Markdown with Flexmark and holds the HTML to the {@link HtmlPolicy}.
 * Whatever the allowlist would remove is an error with the file and line; what is published
 * is jsoup's cleaned copy, so nothing the check missed can reach a page either. Files are done
 * side by side on every core, and a file whose text is unchanged since the last build is
 * taken from the {@link BodyCache}.
 */
public final class Bodies {

    /**
     * What one text may make: a text is at most 256 KB, and its HTML is rarely twice that; a
     * reference used many times writes its address each time (see {@link Markdown#addressesPast}).
     */
    static final int MAX_ADDRESSES = 1_000_000;
    static final int MAX_HTML = 4_000_000;

    /** Flexmark recurses once per nesting level: its threads get a stack to match the depth budget. */
    private static final long STACK = 16L << 20;

    private final Markdown markdown;
    private final HtmlPolicy policy;
    private final Images images;
    private final BodyCache cache;
    private final Problems problems;
    /** The folder of the machine that builds ({@link org.explainers.content.Project#machineFolder}), which no page may show. */
    private final String machineFolder;

    public Bodies(Markdown markdown, HtmlPolicy policy, Images images, BodyCache cache, String machineFolder, Problems problems) {
        this.machineFolder = machineFolder;
        this.markdown = markdown;
        this.policy = policy;
        this.images = images;
        this.cache = cache;
        this.problems = problems;
    }

    /**
     * How long one text may take to render, and all of them. Flexmark's time on some texts
     * grows faster than their length (runs of backslashes in one paragraph: seconds at the size
     * budget); a 256 KB text of prose takes a fraction of a second. Flexmark cannot be stopped
     * from outside: the build fails at the limit and the thread ends with the JVM.
     */
    private final long textLimit = TimeUnit.SECONDS.toNanos(Long.getLong("explainers.textSeconds", 10));
    private final long allLimit = TimeUnit.SECONDS.toNanos(Long.getLong("explainers.bakeSeconds", 20 * 60));

    /** A file whose body a thread is making: the thread, and since when. */
    private record Running(Doc doc, Markdown.Reader thread, long started) {
    }

    /**
     * Gives every file its body (drafts too: the preview shows them, and their problems count).
     * False when a text took longer than its limit: it is reported where its parser was, and the
     * other files may have no body.
     */
    public boolean run(List<Doc> docs) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Markdown.Reader(r, "bodies", STACK));
        Set<Running> running = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            String keys = BodyCache.keys(markdown.extensions, policy);
            for (Doc d : docs) {
                plainHeader(d); // a warning, told in every build (the body may come from the cache)
                String key = BodyCache.key(keys, d);
                Body cached = cache.get(key, images);
                if (cached != null) {
                    // Most files of a large site after an edit: a look-up, quicker here than handed to a thread.
                    d.body(cached);
                    d.release(); // read again only if a check needs a line number
                    continue;
                }
                jobs.add(pool.submit(() -> {
                    Markdown.Reader thread = (Markdown.Reader) Thread.currentThread();
                    thread.at = 0;
                    Running r = new Running(d, thread, System.nanoTime());
                    running.add(r);
                    try {
                        d.body(body(d, key));
                        d.release();
                    } finally {
                        running.remove(r);
                    }
                }));
            }
            boolean done = finish(jobs, running);
            if (done) {
                explainers(docs);
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An explainer's page shows all its texts (its drafts' and scheduled sections' too, once they
     * are published): together they are bounded well under a page's limit, so that no content,
     * however it is scheduled, makes a page the bake refuses.
     */
    static final long MAX_EXPLAINER_HTML = 8_000_000;

    private void explainers(List<Doc> docs) {
        for (Doc d : docs) {
            if (d instanceof org.explainers.content.Article a) {
                long size = a.htmlSize() + a.sections().stream().mapToLong(Doc::htmlSize).sum();
                if (size > MAX_EXPLAINER_HTML) {
                    problems.error(a.path(), 0, "the explainer's texts make " + size / 1_000_000 + " million bytes of HTML together, all shown on its"
                            + " page; at most " + MAX_EXPLAINER_HTML / 1_000_000 + " million are allowed", "split it into two explainers");
                }
            }
        }
    }

    /** Waits for every job, watching the texts being rendered against {@link #textLimit} and {@link #allLimit}. */
    private boolean finish(List<Future<?>> jobs, Set<Running> running) throws InterruptedException, ExecutionException {
        return Jobs.await(jobs, elapsed -> {
            long now = System.nanoTime();
            boolean stop = false;
            for (Running r : running) {
                if (now - r.started > textLimit) {
                    stopped(r, "rendering the text took longer than " + TimeUnit.NANOSECONDS.toSeconds(textLimit)
                            + " s and was stopped in the paragraph here");
                    stop = true;
                }
            }
            if (!stop && elapsed > allLimit) {
                String message = "rendering the texts took longer than " + TimeUnit.NANOSECONDS.toMinutes(allLimit) + " minutes and was stopped";
                running.forEach(r -> stopped(r, message + ", in the paragraph here"));
                if (running.isEmpty()) {
                    problems.error("content/", 0, message, "split the change into smaller pull requests");
                }
                stop = true;
            }
            return stop;
        });
    }

    private void stopped(Running r, String message) {
        Doc d = r.doc();
        problems.error(d.path(), d.firstLine + Markdown.line(d.markdown(), r.thread().at), message,
                "long runs of backslashes, backticks, brackets, `*`, `_`, `<!` or `<?` in one paragraph are the usual cause:"
                        + " put code in a code block, or split the paragraph");
    }

    /** Renders a file's text, cleans it and checks it (its key says what it is made from). */
    private Body body(Doc d, String key) {
        com.vladsch.flexmark.util.ast.Document ast;
        try {
            ast = markdown.parse(d.markdown());
        } catch (StackOverflowError e) {
            // Flexmark's inline parser recurses (and its patterns backtrack) on some bracket runs.
            problems.error(d.path(), d.firstLine, "the text is nested too deeply to read", "simplify its runs of brackets and parentheses");
            return null;
        }
        if (d.changedSinceRead()) {
            // Saved since the crawl read the file: this text is not the one the build records
            // for it (its SHA-1), and a later build would take the page for up to date.
            problems.error(d.path(), 0, "the file changed while the build was reading it", "build again");
            return null;
        }
        Markdown.Depth depth = Markdown.depth(ast, SourceText.MAX_DEPTH);
        if (depth.depth() > SourceText.MAX_DEPTH) {
            problems.error(d.path(), d.firstLine + depth.line(), "block quotes or lists are nested " + depth.depth() + " deep; at most "
                    + SourceText.MAX_DEPTH + " are allowed", "flatten the nesting");
            return null;
        }
        int past = Markdown.addressesPast(ast, MAX_ADDRESSES);
        if (past >= 0) {
            problems.error(d.path(), d.firstLine + past, "the addresses of the text's links and images, counted each time they are"
                    + " written out, pass " + MAX_ADDRESSES + " characters here", "a reference used many times writes its address each time:"
                    + " shorten the address, or link fewer times");
            return null;
        }
        String raw;
        try {
            raw = markdown.render(ast);
        } catch (StackOverflowError e) {
            problems.error(d.path(), d.firstLine, "the text is nested too deeply to render", "flatten its block quotes and lists");
            return null;
        }
        if (raw.length() > MAX_HTML) {
            problems.error(d.path(), d.firstLine, "the text makes " + raw.length() / 1_000_000 + " million characters of HTML; at most "
                    + MAX_HTML / 1_000_000 + " million are allowed", "split it into several files");
            return null;
        }
        Document dirty = Jsoup.parseBodyFragment(raw);
        boolean allowed = report(d, dirty, ast);
        boolean ok = allowed;
        Document clean = new Cleaner(policy).clean(dirty);
        Element root = clean.body();
        ok &= leftoverMarkdown(d, root);
        ok &= characters(d, root);
        ok &= described(d, root, ast, allowed);
        ok &= captioned(d, root, ast);
        ok &= headingsInOrder(d, ast);
        ok &= readAsMeant(d, ast);
        ok &= idsOnce(d, root, ast);
        String prefix = d instanceof Section s ? s.anchor : "fn";
        Transforms.place(root, prefix, d.folder(), images);
        String text = root.text(); // once: the placeholder check, the search's words and its snippets all read it
        ok &= noPlaceholder(d, root, ast, text);
        ok &= readable(d, root, ast, text);
        int cells = tablesSized(d, root, ast);
        ok &= cells >= 0;
        clean.outputSettings().prettyPrint(false);
        List<Body.Link> links = new ArrayList<>();
        List<String> deps = new ArrayList<>();
        for (Element e : root.select("a[href], img[src], iframe[src], q[cite], blockquote[cite]")) {
            String attribute = e.hasAttr("href") ? "href" : e.hasAttr("src") ? "src" : "cite";
            if (e.tagName().equals("img") && e.attr("src").isEmpty()) {
                continue; // told by described(): an image without an address is not a link to this page
            }
            links.add(new Body.Link(e.tagName(), attribute, e.attr(attribute)));
            if (e.tagName().equals("img")) {
                String dep = resolve(d.folder(), e.attr("src"));
                if (dep != null && !deps.contains(dep)) {
                    deps.add(dep); // missing too: the body changes when the image arrives
                }
            }
        }
        StringBuilder made = new StringBuilder(key);
        for (String dep : deps) {
            made.append('|').append(BodyCache.version(dep, images));
        }
        String html = root.html();
        if (html.contains(machineFolder)) {
            // Written so that the file's bytes do not hold it (`templates\/`, an entity): the page would (an attacker's trial).
            problems.error(d.path(), lineWhere(d, l -> l.contains(machineFolder.substring(0, machineFolder.length() - 1))),
                    org.explainers.content.SourceText.showsFolder(machineFolder), org.explainers.content.SourceText.FOLDER_FIX);
            ok = false;
        }
        Body body = new Body(made.toString(), html, text, List.copyOf(links), !root.select("h1, h2, h3, h4, h5, h6").isEmpty(), Math.max(cells, 0));
        if (ok) {
            cache.put(key, body, deps, images);
        }
        return body;
    }

    /** Reports everything the allowlist would remove, each with its line in the file; true when there was nothing. */
    private boolean report(Doc d, Document dirty, com.vladsch.flexmark.util.ast.Document ast) {
        boolean[] ok = {true};
        java.util.Map<String, Integer> told = new java.util.HashMap<>(); // how many times each needle was looked for: the next is told at the next place
        policy.refusals(dirty.body(), (e, a) -> {
            ok[0] = false;
            String tag = e.normalName();
            if (a == null) {
                int skip = told.merge("<" + tag, 1, Integer::sum) - 1;
                problems.error(d.path(), line(d, ast, RAW_ONLY, skip, "<" + tag), "raw <" + tag + "> is not allowed", policy.tagFixFor(tag));
                return;
            }
            String key = a.getKey().toLowerCase(Locale.ROOT);
            String why = policy.why(tag, e, key, a.getValue());
            boolean listed = why != null;
            String message = key.startsWith("on") ? "event handler `" + key + "` on <" + tag + "> is not allowed"
                    : listed ? why : "`" + key + "` on <" + tag + "> is not allowed";
            String needle = listed && !a.getValue().isEmpty() ? a.getValue() : key;
            // Markdown writes a link's href and title and an image's src, alt and title; any other attribute came from raw HTML.
            // Only the kind of Markdown that writes it is looked in (a link above with the address an image may not have is not it).
            java.util.function.Predicate<Node> markdown = !(key.equals("href") || key.equals("src") || key.equals("title") || key.equals("alt")) ? RAW_ONLY
                    : tag.equals("img") ? IMAGES : tag.equals("a") ? LINKS : RAW_ONLY;
            int skip = told.merge(needle.toLowerCase(Locale.ROOT) + '\0' + key, 1, Integer::sum) - 1; // counted as found: capitals aside
            problems.error(d.path(), line(d, ast, markdown, skip, needle, key, "<" + tag), message, HtmlPolicy.attributeFix(tag, key, a.getValue()));
        });
        return ok[0];
    }

    /**
     * The most cells the tables' grids of one text may have, and of one page showing several
     * (Site's check of an explainer): a browser lays out a large grid of spanned cells for minutes.
     */
    public static final int MAX_TABLE_CELLS = 100_000;

    /**
     * Each table's grid, its widest row by its rows, has at most {@link #MAX_TABLE_CELLS} cells:
     * 1,000 cells of `colspan="1000"` over 100 short rows in a 27 KB text made a grid of a hundred
     * million that froze a reader's browser for minutes (an attacker's trial; a browser's time
     * grows with the grid, each short row laid out as wide as the widest). A cell is as wide as
     * its colspan in each row its rowspan reaches (at most the end of its group of rows, as a
     * browser reads it). The text's tables together too: a hundred tables of 1 by 100,000 each
     * froze a browser for over a minute (a third attacker's trial).
     *
     * @return the cells of all its tables, or -1 after telling the table that passes the bound
     */
    private int tablesSized(Doc d, Element root, com.vladsch.flexmark.util.ast.Document ast) {
        int k = 0;
        long total = 0;
        for (Element table : root.select("table")) {
            long widest = 0;
            int count = 0;
            for (Element group : table.children()) {
                if (group.normalName().equals("colgroup")) {
                    // Its columns widen the grid too (`<col span="1000">`: a round-two attacker's trial).
                    long columns = group.children().isEmpty() ? span(group, "span") : group.children().stream().mapToLong(c -> span(c, "span")).sum();
                    widest = Math.max(widest, columns);
                    continue;
                }
                List<Element> rows = group.normalName().equals("tr") ? List.of(group) : group.children().stream().filter(r -> r.normalName().equals("tr")).toList();
                long[] change = new long[rows.size() + 1]; // each row's width, as the changes from the row before (spans start and end)
                for (int i = 0; i < rows.size(); i++) {
                    for (Element cell : rows.get(i).children()) {
                        long rowspan = span(cell, "rowspan");
                        long columns = span(cell, "colspan");
                        change[i] += columns;
                        change[(int) (rowspan == 0 ? rows.size() : Math.min(i + rowspan, rows.size()))] -= columns;
                    }
                }
                long width = 0;
                for (int i = 0; i < rows.size(); i++) {
                    width += change[i];
                    widest = Math.max(widest, width);
                }
                count += rows.size();
            }
            long cells = widest * count;
            if (cells > MAX_TABLE_CELLS) {
                problems.error(d.path(), tableLine(d, ast, k), "the table is " + String.format(Locale.ROOT, "%,d", widest) + " columns wide"
                        + " and " + String.format(Locale.ROOT, "%,d", count) + " rows long, its spans counted: " + String.format(Locale.ROOT, "%,d", cells)
                        + " cells; at most " + String.format(Locale.ROOT, "%,d", MAX_TABLE_CELLS) + " are allowed (a browser takes minutes to lay out more)",
                        "lower its colspan and rowspan, or split it; a large data set is better offered as a CSV download");
                return -1;
            }
            total += cells;
            if (total > MAX_TABLE_CELLS) {
                problems.error(d.path(), tableLine(d, ast, k), "with this table, the text's tables have " + tooManyCells(total, "in one text"),
                        TOO_MANY_CELLS_FIX);
                return -1;
            }
            k++;
        }
        return (int) total;
    }

    /** "120,000 cells in all, …; at most 100,000 are allowed {@code where} (…)": tables together, in a text or on a page. */
    static String tooManyCells(long cells, String where) {
        return String.format(Locale.ROOT, "%,d cells in all, their spans counted; at most %,d are allowed %s (a browser takes minutes to lay"
                + " out more)", cells, MAX_TABLE_CELLS, where);
    }

    static final String TOO_MANY_CELLS_FIX = "lower their colspan and rowspan, or offer the data as a CSV download";

    /**
     * The line of the text's {@code k}-th table in document order: Markdown's tables and the
     * `<table` tags of its HTML, by where each starts (a Markdown table before a raw one put the
     * raw one's report at another table's line: a reviewer).
     */
    private static int tableLine(Doc d, com.vladsch.flexmark.util.ast.Document ast, int k) {
        List<Integer> lines = new ArrayList<>();
        for (Node n : ast.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ext.tables.TableBlock) {
                lines.add(lineOf(d, n));
            } else if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
                String source = n.getChars().toString();
                for (int at = indexIgnoringCase(source, "<table", 0); at >= 0; at = indexIgnoringCase(source, "<table", at + 6)) {
                    lines.add(lineOf(d, n) + (int) source.substring(0, at).chars().filter(c -> c == '\n').count());
                }
            }
        }
        lines.sort(null);
        return k < lines.size() ? lines.get(k) : d.firstLine;
    }

    /**
     * A cell's colspan or rowspan, or a column's span, as a browser reads it: 1 when absent or not
     * a number, as a span or colspan of 0; at most 1,000 (rowspan 65,534), where browsers stop;
     * rowspan 0 reaches the end of its rows.
     */
    private static long span(Element cell, String key) {
        String v = cell.attr(key).strip();
        long n = v.matches("[0-9]{1,9}") ? Long.parseLong(v) : 1;
        return key.equals("rowspan") ? Math.min(n, 65_534) : n == 0 ? 1 : Math.min(n, 1_000);
    }

    /** Elements that make their text smaller (the browser's <sub>, <sup>, <small>; the stylesheet's code at 0.9em): nested, too small to see. */
    private static final Set<String> SMALLER = Set.of("sub", "sup", "small", "code", "pre", "kbd", "samp");
    private static final String SMALLER_CSS = String.join(", ", SMALLER); // root.select gives document order whatever the order here

    /**
     * The text reads as it is written: none too small to read, at most two of {@link #SMALLER}
     * inside each other (`<small>` with a `<sup>`; a note's number, Flexmark's, not counted): forty
     * `<sub>`, or thirty `<code>`, hid a sentence on the page that the search and the feeds still had
     * (an attacker's trial). And `dir="rtl"` only on text with a right-to-left letter: on digits
     * alone it shows `000 50` as `50 000`, as `<bdo>` did. Told at the raw HTML.
     */
    private boolean readable(Doc d, Element root, com.vladsch.flexmark.util.ast.Document ast, String text) {
        for (Element e : root.select(SMALLER_CSS)) {
            int depth = 0;
            for (Element up = e; up != null && up != root; up = up.parent()) {
                depth += SMALLER.contains(up.normalName()) && !note(up) ? 1 : 0;
            }
            if (depth > 2) {
                String tag = e.normalName();
                int k = (int) root.select(tag).stream().takeWhile(x -> x != e).filter(x -> !note(x)).count();
                problems.error(d.path(), line(d, ast, RAW_ONLY, k, "<" + tag), "<" + tag + "> inside " + (depth - 1) + " others of <sub>, <sup>, <small>,"
                        + " <code> and the like makes its text too small to read", "at most two of them inside each other: write the text at its size");
                return false;
            }
        }
        // Right to left where no letter is: `dir="rtl"`, or a right-to-left mark (in any block, <bdi> or dir="auto" too).
        boolean marks = text.indexOf('\u200F') >= 0 || text.indexOf('\u061C') >= 0; // most texts: only their dir="rtl" is looked at
        for (Element e : root.select(marks ? "[dir=rtl], p, li, td, th, h1, h2, h3, h4, h5, h6, figcaption, dt, dd, caption, summary, blockquote" : "[dir=rtl]")) {
            String t = e.text();
            boolean letter = t.codePoints().anyMatch(c -> Character.isLetter(c) && Text.rightToLeft(c));
            boolean rtl = e.attr("dir").equalsIgnoreCase("rtl");
            if (!letter && (rtl || t.indexOf('\u200F') >= 0 || t.indexOf('\u061C') >= 0)) {
                int k = rtl ? (int) root.select("[dir=rtl]").stream().takeWhile(x -> x != e).count() : 0;
                problems.error(d.path(), rtl ? line(d, ast, RAW_ONLY, k, "dir=\"rtl\"", "dir='rtl'", "dir=rtl") : lineWhere(d, l -> l.contains("\u200F")
                                || l.contains("\u061C") || l.toLowerCase(Locale.ROOT).contains("&rlm;") || l.contains("&#x200f;") || l.contains("&#x200F;")),
                        (rtl ? "`dir=\"rtl\"`" : "a right-to-left mark") + " on text without a right-to-left letter shows its digits and words in another"
                                + " order than written (`000 50` as `50 000`)",
                        "remove it: `dir` and the marks are for a name or quote in Arabic, Hebrew or another right-to-left script");
                return false;
            }
        }
        return numbersInOrder(d, root, text);
    }

    /** The blocks a browser lays out as paragraphs of their own, each with its own direction. */
    private static final String BLOCKS = "p, li, td, th, caption, figcaption, dt, dd, h1, h2, h3, h4, h5, h6, blockquote, summary, div, pre";
    /** Inline elements laid out apart with their own first letter's direction: <bdi>, and code (site.css: `unicode-bidi: plaintext`). */
    private static final Set<String> FIRST_STRONG = Set.of("bdi", "code", "kbd", "samp");
    /** Inline elements laid out apart in the direction around them (site.css: `unicode-bidi: isolate`): raised or lowered text. */
    private static final Set<String> ISOLATED = Set.of("sup", "sub");
    private static final Set<String> BLOCK_NAMES = Set.of(BLOCKS.split(", "));

    /**
     * Two numbers with only spaces or punctuation between them read in the order written: laid
     * out right to left they are shown the other way round (`000 50` as `50 000`), while the
     * search, the feeds and the review read them as written. Each block is judged as a browser
     * lays it out, by Unicode's bidirectional algorithm (ICU's) with its own direction and its
     * inline `dir`s and <bdi>s as isolates: one Arabic word in a table's caption let a whole
     * table of such numbers through the check above (a third attacker's trial). Two numbers with
     * a letter or a dash between them are read in the text's own direction, as meant. Only texts
     * with a right-to-left character are looked at: without one, the check above refuses any
     * `dir="rtl"`, and `dir="auto"` or a <bdi> reads left to right.
     */
    private boolean numbersInOrder(Doc d, Element root, String text) {
        if (!Text.anyRightToLeft(text)) {
            return true;
        }
        for (Element block : root.select(BLOCKS)) {
            StringBuilder own = new StringBuilder();
            ownText(block, own, root, block.closest("pre") != null);
            String found = Text.swappedNumbers(own.toString(), direction(block, root));
            if (found != null) {
                String swapped = found.replaceAll("[\u2066-\u2069]", ""); // the isolates the check put in for inline dirs
                String first = swapped.substring(0, Text.digits(swapped, true));
                String last = swapped.substring(swapped.length() - Text.digits(swapped, false));
                // The line that holds the two as written, or both numbers (`**06** 500`), or the first.
                int line = d.markdown().stream().anyMatch(l -> l.contains(swapped)) ? lineWhere(d, l -> l.contains(swapped))
                        : d.markdown().stream().anyMatch(l -> l.contains(first) && l.contains(last)) ? lineWhere(d, l -> l.contains(first) && l.contains(last))
                        : lineWhere(d, l -> l.contains(first));
                problems.error(d.path(), line, Text.shownSwapped(swapped), "join one number's digits with a comma or a non-breaking space, not a space (`50,000`, `50&nbsp;000`); between two"
                        + " numbers, put a word or a comma; a phone number or code that reads left to right goes in <bdi> (`<bdi>+962 6 500 0000</bdi>`)");
                return false;
            }
        }
        return true;
    }

    /**
     * A block's own text, its inline elements' included (those with a `dir`, and those the
     * stylesheet isolates, as isolates: a note's number after a year, `2023¹`, is laid out apart
     * from it), not its blocks' nor its tables'. A line break ends a line of numbers (two lines of
     * an address).
     */
    private static void ownText(Element e, StringBuilder into, Element root, boolean pre) {
        for (org.jsoup.nodes.Node n : e.childNodes()) {
            if (n instanceof org.jsoup.nodes.TextNode t) {
                // Collapsed, as a browser shows them (a no-break space stays); in a <pre> as written, its columns apart by several.
                into.append(pre ? t.getWholeText() : Text.HTML_SPACES.matcher(t.getWholeText()).replaceAll(" "));
            } else if (n instanceof Element br && br.normalName().equals("br")) {
                into.append('\n');
            } else if (n instanceof Element child && !BLOCK_NAMES.contains(child.normalName()) && !child.normalName().equals("table")) {
                String dir = child.attr("dir").toLowerCase(Locale.ROOT);
                String name = child.normalName();
                byte around = ISOLATED.contains(name) ? direction(child, root) : 0;
                int open = dir.equals("rtl") || around == com.ibm.icu.text.Bidi.RTL ? 0x2067 : dir.equals("ltr") || around == com.ibm.icu.text.Bidi.LTR ? 0x2066
                        : dir.equals("auto") || FIRST_STRONG.contains(name) || ISOLATED.contains(name) ? 0x2068 : 0;
                if (open != 0) {
                    into.appendCodePoint(open);
                }
                ownText(child, into, root, pre);
                if (open != 0) {
                    into.appendCodePoint(0x2069);
                }
            }
        }
    }

    /** A block's paragraph level as a browser resolves it: its own or nearest `dir` (auto: its first strong letter), else left to right. */
    private static byte direction(Element block, Element root) {
        for (Element e = block; e != null; e = e == root ? null : e.parent()) {
            String dir = e.attr("dir").toLowerCase(Locale.ROOT);
            if (dir.equals("rtl")) {
                return com.ibm.icu.text.Bidi.RTL;
            } else if (dir.equals("ltr")) {
                return com.ibm.icu.text.Bidi.LTR;
            } else if (dir.equals("auto") || e.normalName().equals("bdi")) {
                return com.ibm.icu.text.Bidi.LEVEL_DEFAULT_LTR;
            }
        }
        return com.ibm.icu.text.Bidi.LTR;
    }

    /** A footnote's number as Flexmark makes it (`<sup id="fnref-1">`: raw HTML may not give ids), not counted as smaller text. */
    private static boolean note(Element e) {
        return e.normalName().equals("sup") && e.id().contains("fnref-");
    }

    /**
     * The ids the allowlist keeps (footnotes': fn-1, fnref-1) name one element each: raw HTML
     * giving one to another element (an attacker's trial: `<sup id="fn-1">`) would take the
     * footnote's links to it. Told at the raw HTML that repeats it.
     */
    private boolean idsOnce(Doc d, Element root, com.vladsch.flexmark.util.ast.Document ast) {
        Set<String> seen = new java.util.HashSet<>();
        for (Element e : root.select("[id]")) {
            if (!seen.add(e.id())) {
                problems.error(d.path(), line(d, ast, RAW_ONLY, 0, "id=\"" + e.id(), "id='" + e.id(), "id=" + e.id()), "the id `" + e.id()
                        + "` is given twice in this text, so links to it may lead to the wrong place", "write footnotes in Markdown, as [^1], and"
                        + " remove the `id` from the HTML");
                return false;
            }
        }
        return true;
    }

    /** Every image has a description (its alt text) for readers who cannot see it; an image without one is refused at its line. */
    private boolean described(Doc d, Element root, com.vladsch.flexmark.util.ast.Document ast, boolean allowed) {
        boolean ok = true;
        // The same address may be written more than once: each problem is told at its own place, the k-th of its kind.
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (Element img : root.select("img")) {
            String src = img.attr("src");
            String alt = img.attr("alt");
            if (src.isEmpty()) {
                // An address the allowlist removed was told with it; one never written is told here.
                if (allowed) {
                    problems.error(d.path(), nthLine(d, ast, n -> n instanceof Image i && i.getUrl().isEmpty(), 0, () -> line(d, ast, RAW_ONLY, 0, "<img", "<img")),
                            "an image without an address",
                            "write the image's file name, beside the text: ![What the image shows](file.png)");
                    ok = false;
                }
            } else if (alt.isBlank()) {
                int k = seen.merge("img\0" + src, 1, Integer::sum) - 1;
                problems.error(d.path(), nthLine(d, ast, n -> n instanceof Image i && i.getUrl().toString().equals(src) && i.getText().isBlank(), k,
                        () -> line(d, ast, RAW_ONLY, k, src, "<img")), "the image `" + src + "` has no description",
                        "say what it shows between the brackets: ![What the image shows](" + src + ")");
                ok = false;
            } else if (org.explainers.content.Image.describesNothing(alt, src)) {
                // A screen reader reads it out, and learns nothing (an editor's trial: `![image](map.png)` passed).
                int k = seen.merge("alt\0" + src + "\0" + alt, 1, Integer::sum) - 1;
                problems.error(d.path(), nthLine(d, ast, n -> n instanceof Image i && i.getUrl().toString().equals(src) && i.getText().toString().equals(alt), k,
                        () -> line(d, ast, RAW_ONLY, k, src, "<img")), "the image `" + src + "` is described only as `" + alt.strip() + "`",
                        "say what it shows between the brackets: ![What the image shows](" + src + ")");
                ok = false;
            }
        }
        // A frame's title is what a screen reader says of it: none, or an embed code's own, says nothing (an editor's trial).
        for (Element frame : root.select("iframe[src]")) {
            String title = frame.attr("title").strip().toLowerCase(Locale.ROOT);
            if (title.isEmpty() || FRAME_DEFAULTS.contains(title) || org.explainers.content.Image.PLACEHOLDERS.contains(title)) {
                String src = frame.attr("src");
                int k = seen.merge("iframe\0" + src, 1, Integer::sum) - 1;
                problems.error(d.path(), line(d, ast, RAW_ONLY, k, src, "<iframe"), "the frame `" + src + "` has " + (title.isEmpty() ? "no title"
                        : "the title `" + frame.attr("title").strip() + "`, which says nothing of it"), "say what it shows in its title:"
                        + " <iframe title=\"Video: how gas is stored underground\" …>");
                ok = false;
            }
        }
        // A link with nothing to read is a place a screen reader announces as "link" alone, and others cannot see (an editor's trial:
        // `[](x.md)`). One holding an image without a description is told as that image.
        org.jsoup.select.Elements links = root.select("a[href]");
        Map<Element, List<String>> joined = links.isEmpty() ? Map.of() : joined(root); // most texts have no link: no pass over them
        for (Element a : links) {
            Shown shows = shownElsewhere(a, joined.getOrDefault(a, List.of()));
            if (shows != null) {
                String href = a.attr("href");
                // Which of the links to this address it is, the allowed ones counted: the k-th such link is looked for in the file.
                int k = (int) links.stream().takeWhile(x -> x != a).filter(x -> x.attr("href").equals(href)).count();
                problems.error(d.path(), nthLine(d, ast, n -> n instanceof Link l && l.getUrl().toString().equals(href), k,
                        () -> line(d, ast, LINKS, k, href)), "the link to `" + href + "` " + shows.what() + " (an address shown must be the one followed)",
                        shows.fix());
                ok = false;
                continue;
            }
            if (a.text().isBlank() && a.select("img").isEmpty()) {
                String href = a.attr("href");
                int k = seen.merge("a\0" + href, 1, Integer::sum) - 1;
                problems.error(d.path(), nthLine(d, ast, n -> n instanceof Link l && l.getUrl().toString().equals(href) && l.getText().isBlank(), k,
                        () -> line(d, ast, LINKS, k, href)), "the link to `" + href + "` has no text",
                        "write what it leads to between the brackets: [the text readers click](" + href + ")");
                ok = false;
            }
        }
        return ok;
    }

    /**
     * What a link shows that is not where it leads, or null (an attacker's trial: `[https://www.gov.uk/login](https://evil.example/)`,
     * a free number dialling a premium one): a web address of another
     * host, an e-mail address it does not write to, a telephone number it does not dial; with the fix.
     */
    record Shown(String what, String fix) {
    }

    static Shown shownElsewhere(Element a) {
        Element root = a;
        while (root.parent() != null) {
            root = root.parent();
        }
        return shownElsewhere(a, joined(root).getOrDefault(a, List.of()));
    }

    /** @param joined the words shown joined to the link's text ({@link #joined(Element)}) */
    static Shown shownElsewhere(Element a, List<String> joined) {
        String href = a.attr("href");
        java.net.URI target;
        try {
            target = new java.net.URI(org.explainers.content.Urls.asBrowserReads(href)); // as a browser follows it: a tab or line break dropped
        } catch (java.net.URISyntaxException e) {
            return null; // told by the allowlist
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        String host = scheme.startsWith("http") ? hostOf(target.getRawAuthority()) : null;
        String ssp = target.getRawSchemeSpecificPart() == null ? "" : target.getRawSchemeSpecificPart();
        // mailto: is opaque: its recipients and query are in its scheme-specific part.
        List<String> to = new ArrayList<>();
        if (scheme.equals("mailto")) {
            String query = ssp.indexOf('?') < 0 ? "" : ssp.substring(ssp.indexOf('?') + 1);
            to.addAll(recipients(ssp.indexOf('?') < 0 ? ssp : ssp.substring(0, ssp.indexOf('?'))));
            for (String field : query.split("&")) {
                if (field.toLowerCase(Locale.ROOT).startsWith("cc=")) {
                    to.addAll(recipients(field.substring(3)));
                }
            }
        }
        String text = shown(a);
        String fix = "write the address it leads to as its text, or say in words what it leads to: [what it leads to, in words](" + href + ")";
        java.util.Set<String> shownMail = new java.util.TreeSet<>();
        List<String> words = new ArrayList<>(List.of(SPACES.split(text)));
        int own = words.size();
        if (!scheme.isEmpty()) {
            words.addAll(joined); // judged last: the link's own text is told first
        }
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (w == own) { // read with the text written against the link, as one word: `[gov.](…)[uk/sign-in](…)`, `[GOV](…).UK`
                fix = "a link's text and the text against it read as one: link the whole address shown, or say in words what it leads to: [what it leads to,"
                        + " in words](" + href + ")";
            }
            // Without the quotes, brackets, arrows and punctuation around it (`“https://www.gov.uk”`, `<help@hmrc.gov.uk>`,
            // `→https://…`), nor a possessive (`gov.uk's`); its first 400 characters (an address's host comes first).
            String token = trimmed(word.length() > 400 ? word.substring(0, 400) : word);
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.indexOf('.') < 0) {
                continue; // no address, host or e-mail address without a dot
            }
            java.util.regex.Matcher web = WEB.matcher(lower);
            if (lower.length() <= 254 && lower.indexOf('@') > 0 && MAIL.matcher(lower).matches()) {
                String mail = lower.startsWith("mailto:") ? lower.substring(7) : lower;
                if (!to.contains(mail)) {
                    return new Shown("shows the e-mail address `" + token + "` but does not write to it", "link the address itself: [" + token + "](mailto:" + mail + ")");
                }
                shownMail.add(mail);
            } else if (web.matches()) {
                String shown = hostOf(web.group(1));
                // `host/path` without a scheme or `www.` is an address when its host ends in a top-level domain (not `Node.js/npm`).
                boolean address = lower.startsWith("http") || lower.startsWith("www.") || shown != null && siteName(shown);
                if (address && shown != null && !sameHost(shown, host, false)) {
                    return new Shown("shows the address `" + token + "` but leads " + (host == null ? "elsewhere" : "to `" + host + "`"), fix);
                }
            } else if ((lower.equals(token) || lower.split("\\.").length > 2 || lower.matches(".*\\.\\p{L}{2}")) && siteName(lower)
                    && !sameHost(hostOf(lower), host, true)) {
                // A site's name as an address is typed (`gov.uk`, in small letters, `HMRC.gov.uk`, or a country's domain, as `GOV.UK`
                // and `NHS.UK` write themselves: an attacker's trial): `Booking.com`, a company's name, may lead to news of it (an editor's trial).
                return new Shown("shows the name of the site `" + token + "` but leads " + (host == null ? "elsewhere" : "to `" + host + "`"), fix);
            }
        }
        for (String r : to) {
            // Showing an address, it writes to those it shows: no other recipient beside it, nor in a copy (`cc`).
            if (!shownMail.isEmpty() && !shownMail.contains(r)) {
                return new Shown("shows " + String.join(", ", shownMail) + " but also writes to `" + r + "`",
                        "show every address it writes to, or link only the address shown");
            }
        }
        if (scheme.equals("tel")) {
            String number = Phones.otherThan(text, target.getSchemeSpecificPart()); // decoded: `%20` is a space, not digits
            if (number != null) {
                return new Shown("shows the number `" + number + "` but dials another", "write the number it dials as its text, or link the number shown");
            }
        }
        return null;
    }

    /**
     * For each link in {@code root}, the words a reader sees joined to its text, with nothing
     * between them (`[gov.](…)[uk/sign-in](…)` shows `gov.uk/sign-in`; `[GOV](…).UK`): at each side
     * its text touches, its first or last word with what touches it, up to a space or a block's
     * edge, at most 400 characters. One pass over the text, each block's links read together.
     */
    static Map<Element, List<String>> joined(Element root) {
        Map<Element, List<String>> out = new java.util.IdentityHashMap<>();
        record Flow(StringBuilder text, List<Element> links, List<int[]> spans) {
        }
        Map<Element, int[]> open = new java.util.IdentityHashMap<>(); // a link's start and end in its block's text
        Deque<Flow> blocks = new ArrayDeque<>();
        NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof TextNode t && !blocks.isEmpty()) {
                    blocks.peek().text().append(t.text());
                } else if (node instanceof Element e) {
                    if (e == root || e.isBlock()) {
                        if (!blocks.isEmpty()) {
                            blocks.peek().text().append(' ');
                        }
                        blocks.push(new Flow(new StringBuilder(), new ArrayList<>(), new ArrayList<>()));
                    } else if (e.normalName().equals("br")) {
                        blocks.peek().text().append(' ');
                    }
                    if (e.normalName().equals("a") && e.hasAttr("href")) {
                        int[] span = {blocks.peek().text().length(), -1};
                        blocks.peek().links().add(e);
                        blocks.peek().spans().add(span);
                        open.put(e, span);
                    }
                }
            }

            @Override
            public void tail(org.jsoup.nodes.Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return;
                }
                int[] span = open.remove(e);
                if (span != null) {
                    span[1] = blocks.peek().text().length(); // a block inside the link has ended: this is the link's block again
                }
                if (e == root || e.isBlock()) {
                    Flow f = blocks.pop();
                    for (int k = 0; k < f.links().size(); k++) {
                        out.put(f.links().get(k), touching(f.text(), f.spans().get(k)));
                    }
                    if (!blocks.isEmpty()) {
                        blocks.peek().text().append(' ');
                    }
                }
            }
        }, root);
        return out;
    }

    private static List<String> touching(StringBuilder text, int[] span) {
        int start = span[0];
        int end = span[1] < 0 ? text.length() : span[1];
        int from = start;
        while (from > 0 && start - from < 400 && !SPACES.matcher(text.subSequence(from - 1, from)).matches()) {
            from--;
        }
        int to = end;
        while (to < text.length() && to - end < 400 && !SPACES.matcher(text.subSequence(to, to + 1)).matches()) {
            to++;
        }
        if (from == start && to == end) {
            return List.of();
        }
        String[] run = SPACES.split(Text.asShown(text.substring(from, to)).strip());
        List<String> words = new ArrayList<>(2);
        if (run.length > 0 && !run[0].isEmpty() && from < start) {
            words.add(run[0]);
        }
        if (run.length > 0 && to > end && (from == start || run.length > 1)) {
            words.add(run[run.length - 1]);
        }
        return words;
    }

    /**
     * A link's text as readers take it in: what it shows, what a screen reader says for its
     * images (their alt), and the tooltips of it and what it holds (titles); compatibility forms
     * folded (ｗｗｗ is www, ．a dot), characters that show nothing dropped (format characters,
     * and beyond ASCII every default-ignorable one: a grapheme joiner, a variation selector,
     * the Hangul filler), and a backslash read as browsers read it in an address, as a slash.
     */
    private static String shown(Element a) {
        StringBuilder said = new StringBuilder(a.text());
        a.select("img[alt]").forEach(img -> said.append(' ').append(img.attr("alt")));
        a.select("[title]").forEach(e -> said.append(' ').append(e.attr("title")));
        String shown = Text.asShown(said);
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> out.appendCodePoint(c == '\\' ? '/' : c >= 0x80 ? org.explainers.content.Urls.separatorLookalike(c) : c)); // Lisu's tone letter ꓿ looks like a full stop
        return out.toString().strip();
    }

    /** A mailto's recipients, decoded, in small letters: separated by commas (or semicolons, as Outlook writes them). */
    private static List<String> recipients(String raw) {
        List<String> all = new ArrayList<>();
        for (String r : java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8).split("[,;]")) {
            if (!r.isBlank()) {
                all.add(r.strip().toLowerCase(Locale.ROOT));
            }
        }
        return all;
    }

    /** Whether a host shown is the one followed (in either's IDN form); with {@code orWithin}, also one of the shown site's own. */
    private static boolean sameHost(String shown, String host, boolean orWithin) {
        if (shown == null || host == null) {
            return shown == null;
        }
        String s = ascii(shown);
        String h = ascii(host);
        return s.equals(h) || orWithin && h.endsWith("." + s);
    }

    private static String ascii(String host) {
        try {
            return java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return host; // not a host IDNA takes: compared as written
        }
    }

    /** What separates words as readers see it: spaces of every kind, and the braille blank, which shows as one. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\p{Z}\\u2800]+");

    /** A word without what is around it: anything but letters and digits before, and after it too but for a slash; no `'s`. */
    private static String trimmed(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && !Character.isLetterOrDigit(word.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(word.charAt(to - 1)) && word.charAt(to - 1) != '/') {
            to--;
        }
        String t = word.substring(from, to);
        return t.endsWith("'s") || t.endsWith("\u2019s") ? t.substring(0, t.length() - 2) : t;
    }
    /** A web address: with a scheme (one slash or more), `www.`, or a host and a path (`gov.uk/login`); its host first. */
    private static final java.util.regex.Pattern WEB = java.util.regex.Pattern.compile(
            "(?:https?:/{0,3}|(?=www\\.)|(?=[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}[\\p{L}\\p{N}-]*/))([^/?#\\\\]+).*");
    private static final java.util.regex.Pattern MAIL = java.util.regex.Pattern.compile("(?:mailto:)?[^@\\s:]+@[^@\\s]+\\.[^@\\s]+");

    /** Top-level domains a site's name ends with: the countries' (Locale's ISO codes), and the generic ones a newsroom links. */
    private static final Set<String> TLDS = java.util.stream.Stream.concat(java.util.Arrays.stream(Locale.getISOCountries()).map(c -> c.toLowerCase(Locale.ROOT)),
            java.util.stream.Stream.of("uk", "eu", "ac", "com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "app", "dev", "news", "io",
                    "scot", "wales", "cymru", "london", "berlin", "paris", "nyc", "museum", "aero", "coop", "jobs", "travel")).collect(
            java.util.stream.Collectors.toUnmodifiableSet());

    /** Whether the text is a site's name alone: labels of letters, digits and hyphens, the last a top-level domain (`gov.uk`, not `Node.js`). */
    private static boolean siteName(String text) {
        String[] labels = text.split("\\.", -1);
        if (labels.length < 2 || !TLDS.contains(labels[labels.length - 1].toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || !label.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** An authority's host, lower case, without a name before `@`, a port or a leading `www.`; null when there is none. */
    private static String hostOf(String authority) {
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "").toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** The titles embed codes give their frames (YouTube's, Vimeo's, Flourish's), which say nothing of what one shows. */
    private static final Set<String> FRAME_DEFAULTS = Set.of("youtube video player", "vimeo-player", "vimeo video player", "video player",
            "interactive or visual content", "embedded content", "video", "map", "chart", "iframe");

    /** The line of the {@code k}-th node of the text's Markdown that {@code which} picks; {@code otherwise} when there are fewer (raw HTML). */
    private static int nthLine(Doc d, com.vladsch.flexmark.util.ast.Document ast, java.util.function.Predicate<Node> which, int k,
                               java.util.function.IntSupplier otherwise) {
        int seen = 0;
        for (Node n : ast.getDescendants()) {
            if (which.test(n) && seen++ == k) {
                return lineOf(d, n);
            }
        }
        return otherwise.getAsInt();
    }

    /**
     * A text to be published holds no placeholder for a fact still to come (`[TK]`, `TKTK`) nor
     * dummy text (an editor's trial: `[TK]` and "Lorem ipsum" went live). A draft may: it is
     * being written.
     */
    private boolean noPlaceholder(Doc d, Element root, com.vladsch.flexmark.util.ast.Document ast, String text) {
        if (d.draft()) {
            return true;
        }
        String mark = Text.placeholderIn(text.toCharArray());
        if (mark != null) {
            // Code and an abbreviation spelled out are the characters meant (an editor's trial: the airline's code TK).
            Element meant = root.clone();
            meant.select("code, kbd, samp, abbr[title~=\\S]").remove();
            mark = Text.placeholderIn(meant.text().toCharArray());
        }
        for (Element e : mark == null ? root.select("img[alt], [title]") : List.<Element>of()) {
            // What readers of a screen reader or a tooltip get (an editor's trial), TK as a word aside (it cannot be marked as meant there).
            String alt = Text.placeholderIn(e.attr("alt").toCharArray(), false);
            mark = alt != null ? alt : Text.placeholderIn(e.attr("title").toCharArray(), false);
            if (mark != null) {
                break;
            }
        }
        for (Node n : mark == null ? ast.getDescendants() : List.<Node>of()) {
            // An image's description as written: Markdown drops the brackets of `![Chart, [TK] to come](chart.png)` from its alt.
            if (n instanceof Image image && (mark = Text.placeholderIn(image.getText().toString().toCharArray(), false)) != null) {
                break;
            }
        }
        if (mark != null) {
            String found = mark;
            boolean written = d.markdown().stream().anyMatch(l -> found.equals(Text.placeholderIn(l.toCharArray())));
            problems.error(d.path(), lineWhere(d, l -> written ? found.equals(Text.placeholderIn(l.toCharArray())) : Text.placeholderIn(l.toCharArray()) != null), "the text still holds the placeholder `" + found + "`",
                    "write what it stands for, or keep the text as `status: draft` until then" + (found.equals("TK") ? "; a TK that is meant, such as an"
                            + " airline's code, spelled out: <abbr title=\"Turkish Airlines\">TK</abbr>" : ""));
            return false;
        }
        return true;
    }


    /**
     * Text on the line under an image is its caption only as a line in italics and nothing else
     * ({@link Transforms}): anything else (plain, bold, italics and more) would be published
     * beside the image, with its credit (the image's title) only a tooltip (an editor's trial).
     * Text on the image's own line is the paragraph's, as written (an inline image).
     */
    private boolean captioned(Doc d, Element root, com.vladsch.flexmark.util.ast.Document ast) {
        boolean ok = true;
        for (Element p : root.select("p")) {
            List<org.jsoup.nodes.Node> kids = Transforms.content(p);
            if (kids.size() < 2 || !(kids.get(0) instanceof Element img) || !img.normalName().equals("img")
                    || kids.size() == 2 && Transforms.emphasis(kids.get(1))) {
                continue;
            }
            Integer line = null;
            boolean nextLine = false;
            // The same file may be shown twice: this one is the k-th of its address in the text.
            String src = img.attr("src");
            int k = (int) root.select("img").stream().takeWhile(x -> x != img).filter(x -> x.attr("src").equals(src)).count();
            for (Node node : ast.getDescendants()) {
                if (node instanceof Image image && image.getUrl().toString().equals(src) && k-- == 0) {
                    line = lineOf(d, node);
                    nextLine = endsLine(node);
                    break;
                }
            }
            if (line == null) {
                // An <img> written as HTML: judged, and told, by the HTML that holds it, as a Markdown image.
                for (Node node : ast.getDescendants()) {
                    if ((node instanceof com.vladsch.flexmark.ast.HtmlInline || node instanceof com.vladsch.flexmark.ast.HtmlBlock)
                            && node.getChars().toString().contains(src)) {
                        line = lineOf(d, node);
                        nextLine = node instanceof com.vladsch.flexmark.ast.HtmlBlock || endsLine(node);
                        break;
                    }
                }
            }
            if (!nextLine && line != null) {
                continue;
            }
            problems.error(d.path(), line == null ? 0 : line, "the text after the image `" + src + "` is not read as its caption:"
                    + " a caption is a line in italics and nothing else", "write the caption as *…* alone on the line under the image, or leave a"
                    + " blank line between the image and the text; a credit goes in the image's title: ![…](" + src + " \"Photo: …\")");
            ok = false;
        }
        return ok;
    }

    /** Whether a line break follows the node: text after it is on the next line. */
    private static boolean endsLine(Node node) {
        return node.getNext() instanceof com.vladsch.flexmark.ast.SoftLineBreak || node.getNext() instanceof com.vladsch.flexmark.ast.HardLineBreak;
    }

    /**
     * Each heading of a text is at most one level below the one before it, and its first is `#`
     * or `##` (both become the level below the section's title): readers who move through a page
     * by its headings, as screen readers do, would otherwise miss a level. Raw HTML's `<h4>` counts
     * too, read by jsoup (an editor's trial: `##`, then `<h4>`, and a first `###`, passed).
     */
    private boolean headingsInOrder(Doc d, com.vladsch.flexmark.util.ast.Document ast) {
        boolean ok = true;
        int before = 0;
        for (Node node : ast.getDescendants()) {
            List<Integer> levels;
            boolean raw = node instanceof HtmlBlockBase || node instanceof HtmlInlineBase;
            if (node instanceof com.vladsch.flexmark.ast.Heading h) {
                levels = List.of(h.getLevel());
            } else if (raw && !(node.getParent() instanceof HtmlBlockBase) && node.getChars().toString().toLowerCase(Locale.ROOT).contains("<h")) {
                levels = Jsoup.parseBodyFragment(node.getChars().toString()).body().select("h1, h2, h3, h4, h5, h6").stream()
                        .map(e -> e.normalName().charAt(1) - '0').toList();
            } else {
                continue;
            }
            for (int level : levels) {
                int allowed = before == 0 ? 2 : before + 1;
                if (level > allowed) {
                    String was = raw ? "<h" + level + ">" : "#".repeat(level);
                    String write = raw ? "<h" + allowed + ">" : "#".repeat(allowed);
                    problems.error(d.path(), lineOf(d, node), before == 0
                                    ? "the text's first heading is level " + level + " (`" + was + "`), under the section's title: readers who move"
                                    + " through a page by its headings, as screen readers do, would miss a level"
                                    : "the heading skips from level " + before + " to level " + level + " (`" + (raw ? "<h" + before + ">" : "#".repeat(before))
                                    + "` to `" + was + "`): readers who move through a page by its headings, as screen readers do, would miss a level",
                            "write it `" + write + "`" + (before == 0 ? (raw ? "" : " or `#`") + ": a text's first heading is the level below its title"
                                    : raw ? ", one level below the heading before" : ", one `#` more than the heading before"));
                    ok = false;
                }
                before = level;
            }
        }
        return ok;
    }

    /**
     * A title and a summary are shown as written, in the page's own type: Markdown in them
     * (`*Really*`, `**not**`, a `code` span, a [link](…)) or HTML (`<em>`, `&amp;`) would be
     * published with its marks, which is said. Flexmark reads them to tell (`snake_case` or a lone `*` is no emphasis).
     */
    /** The narrowest lead image: home-page cards and share previews show one about this wide or wider, on phones' screens twice as many pixels. */
    static final int LEAD_MIN_WIDTH = 400;

    private void plainHeader(Doc d) {
        if (d instanceof org.explainers.content.Article a && a.image() != null) {
            Images.Info lead = images.get(a.folder() + a.image().src());
            if (lead != null && lead.width() < LEAD_MIN_WIDTH) {
                // An 8 × 8 PNG went out as the home page's card and every share preview, blurred (an editor's trial).
                problems.error(d.path(), d.header.line("image"), "the lead image is " + lead.width() + " × " + lead.height() + " pixels: cards and share"
                        + " previews show it at least " + LEAD_MIN_WIDTH + " pixels wide, blurred", "use one at least 1,200 pixels wide (a figure in the"
                        + " text may be smaller)");
            }
        }
        // The machine's folder in a value as YAML reads it (`\/` or `\x2F` in double quotes hide it from the file's bytes).
        // And placeholders, as in the text (an editor's trial: `TKTK` in a title, `[TK: number]` in a summary, a lead image's caption and
        // a correction's text went live; they are the most read words of the site, on the home page, in feeds and in search).
        d.header.forEach((field, value) -> {
            if (String.valueOf(value).contains(machineFolder)) {
                problems.error(d.path(), d.header.line(field), "`" + field + "` " + org.explainers.content.SourceText.showsFolder(machineFolder),
                        "leave the path out");
            }
            String mark = d.draft() ? null : Text.placeholderInValue(value);
            if (mark != null) {
                problems.error(d.path(), d.header.line(field), "`" + field + "` still holds the placeholder `" + mark + "`", "write what it"
                        + " stands for, or keep the file as `status: draft` until then");
            }
        });
        for (String field : List.of("title", "summary")) {
            String value = d.header.text(field);
            if (value != null && value.length() > 2 && (value.charAt(0) == '\u201C' && value.endsWith("\u201D")
                    || value.charAt(0) == '\u2018' && value.endsWith("\u2019"))) {
                // Quotes a word processor curled around the whole value (an editor's trial): YAML keeps them as text, and the page shows them.
                problems.warning(d.path(), d.header.line(field), "`" + field + "` is in curly quotes, " + value.charAt(0) + "\u2026"
                        + value.charAt(value.length() - 1) + ", which YAML keeps as part of the text: the page shows them", "write straight double"
                        + " quotes \"\u2026\" around it, or none, unless the quotes are meant");
            }
            int unseen = value == null ? -1 : Math.max(value.indexOf('\u200B'), value.indexOf('\u2060'));
            if (unseen >= 0) {
                // Pasted from a web page, it breaks or joins words where readers see nothing (an editor's trial); joiners that
                // shape a script's letters (U+200C, U+200D) and the spaces of typography are meant.
                problems.warning(d.path(), d.header.line(field), "`" + field + "` holds " + Text.invisible(value.substring(unseen))
                        + ", which readers do not see", "delete it (retype the words around it)");
            }
            if (value == null || value.chars().noneMatch(c -> c == '*' || c == '_' || c == '`' || c == '[' || c == '<' || c == '&')) {
                continue;
            }
            for (Node n : markdown.parse(List.of(value)).getDescendants()) {
                if (n instanceof com.vladsch.flexmark.ast.HtmlInline || n instanceof com.vladsch.flexmark.ast.HtmlEntity) {
                    // Shown as typed too (an editor's trial: `&amp;` and `<em>` in a title were on the page as such).
                    boolean entity = n instanceof com.vladsch.flexmark.ast.HtmlEntity;
                    problems.warning(d.path(), d.header.line(field), "`" + field + "` has HTML, `" + n.getChars() + "`, which a " + field
                            + " shows as typed", entity ? "write the character itself (`&`, not `&amp;`)" : "write it without the tags (a " + field
                            + " is set in its own type), unless the characters are meant");
                    break;
                }
                if (n instanceof com.vladsch.flexmark.ast.Emphasis || n instanceof com.vladsch.flexmark.ast.StrongEmphasis
                        || n instanceof com.vladsch.flexmark.ast.Code || n instanceof Link) {
                    // A warning: a title may need the characters as they are (`M*A*S*H`, a handle `@_a_b_`).
                    problems.warning(d.path(), d.header.line(field), "`" + field + "` has Markdown, `" + n.getChars() + "`, which a " + field
                            + " shows as typed, marks and all", "write it without the marks (a " + field + " is set in its own type), unless the"
                            + " characters are meant");
                    break;
                }
            }
        }
    }

    /**
     * Blocks Flexmark reads otherwise than an editor pasting from a word processor means, which
     * would be published looking broken: a paragraph indented four spaces or a tab (computer
     * code), bullets typed as `•`, a table or a numbered list right under a line of text (no
     * blank line: one paragraph, as GitHub shows it too for a list), and the title again as the
     * first heading (the page shows it above the text).
     */
    private boolean readAsMeant(Doc d, com.vladsch.flexmark.util.ast.Document ast) {
        boolean ok = true; // every place is told: an editor fixes a pasted text in one go
        boolean angled = d.markdown().stream().anyMatch(Bodies::angleAddress); // most texts: their nodes' characters are not read again
        for (Node node : ast.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.IndentedCodeBlock) {
                problems.error(d.path(), lineOf(d, node), "this paragraph is indented (four spaces or a tab), so it would show as computer code",
                        "remove the spaces or tab at the start of its lines; to show code, put ``` on a line before it and after it");
                ok = false;
            }
            // The text's first block, as a title pasted with its text is.
            if (node instanceof com.vladsch.flexmark.ast.Heading h && h.getParent() == ast && h.getPrevious() == null) {
                String title = d.title() == null ? "" : d.title().strip();
                if (!title.isEmpty() && h.getText().toString().strip().equalsIgnoreCase(title)) {
                    problems.error(d.path(), lineOf(d, node), "the text repeats the title `" + title + "` as a heading; the page shows the title above the text",
                            "remove this heading");
                    ok = false;
                }
            }
            // `---` typed as a divider right under a sentence makes the sentence a heading (Markdown's "setext" heading).
            if (node instanceof com.vladsch.flexmark.ast.Heading h && h.isSetextHeading()) {
                String line = h.getClosingMarker().toString().strip();
                problems.error(d.path(), d.firstLine + h.getEndLineNumber(), "this line of `" + line + "` right under a line of text makes that text a heading",
                        "for a dividing line, leave a blank line above it; for a heading, write " + (h.getLevel() == 1 ? "# " : "## ")
                                + "before the text instead, without the `" + line.charAt(0) + "` line");
                ok = false;
            }
            if (node instanceof com.vladsch.flexmark.ext.footnotes.FootnoteBlock note && !note.isReferenced()) {
                // A second note of the same name is the unreferenced one: told as what it is (an editor's trial).
                com.vladsch.flexmark.ext.footnotes.FootnoteBlock first = null;
                for (Node other : ast.getChildren()) {
                    if (first == null && other != note && other instanceof com.vladsch.flexmark.ext.footnotes.FootnoteBlock o
                            && o.getText().toString().equals(note.getText().toString())) {
                        first = o;
                    }
                }
                if (first != null) {
                    problems.error(d.path(), lineOf(d, node), "the note `[^" + note.getText() + "]` is written twice (also on line " + lineOf(d, first) + ")",
                            "keep one of them, or give this one another name and refer to it with it");
                } else {
                    problems.error(d.path(), lineOf(d, node), "the note `[^" + note.getText() + "]` is not referred to in the text, so it would not be"
                            + " published", "write [^" + note.getText() + "] in the text where the note belongs, or remove the note");
                }
                ok = false;
            }
            if (angled && node instanceof com.vladsch.flexmark.ast.Text t && t.getAncestorOfType(com.vladsch.flexmark.ast.LinkNodeBase.class,
                    com.vladsch.flexmark.ast.Code.class, com.vladsch.flexmark.ast.FencedCodeBlock.class, com.vladsch.flexmark.ast.IndentedCodeBlock.class) == null) {
                ok &= noBareAngleAddress(d, t);
            }
            if (node instanceof com.vladsch.flexmark.ast.Paragraph p) {
                List<com.vladsch.flexmark.util.sequence.BasedSequence> lines = p.getContentLines();
                // Lines kept apart (a hard break at a line's end, a quote's lines of dialogue or verse) are not one run-together line.
                boolean apart = p.getAncestorOfType(com.vladsch.flexmark.ast.BlockQuote.class) != null;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).toString().strip();
                    boolean more = !apart && i + 1 < lines.size(); // the next line's shape and the break are asked only of a likely pair
                    if (pastedBullet(line) || more && listLike(line) && listLike(lines.get(i + 1).toString().strip()) && !hardBreakAfter(p, i)) {
                        // Word's plain-text bullets (`·`, `o` and `§` before a tab), and two lines in a row of dashes or letters as items
                        // (an editor's trial): all one paragraph, its items run together.
                        boolean lettered = line.length() > 1 && line.charAt(1) == ')';
                        String mark = line.substring(0, lettered ? 2 : 1);
                        problems.error(d.path(), lineOf(d, node) + i, "`" + mark + "` starts a list item as a word processor writes it: Markdown reads"
                                + " it as text, and joins the items into one line", "start each item with `- ` instead (`- " + (lettered ? line
                                : line.substring(1).strip()) + "`), after a blank line");
                        ok = false;
                        break; // one list a paragraph: the others are the same mistake
                    }
                    if (more && tabbed(line) && tabbed(lines.get(i + 1).toString().strip()) && !hardBreakAfter(p, i)) {
                        // A table pasted from a spreadsheet or a word processor: cells apart by tabs, all one line on the page (an editor's trial).
                        problems.error(d.path(), lineOf(d, node) + i, "these lines hold cells apart by tabs, as a table pasted from a spreadsheet:"
                                + " Markdown joins them into one line", "write it as a table: `| " + String.join(" | ", line.split("\t+")) + " |`, then a line"
                                + " `|" + "---|".repeat(line.split("\t+").length) + "`, then a row per line");
                        ok = false;
                        break;
                    }
                    if (i > 0 && line.startsWith("|") && i + 1 < lines.size() && delimiterRow(lines.get(i + 1).toString().strip())) {
                        int at = lineOf(d, node) + i;
                        problems.error(d.path(), at, "this table follows a line of text without a blank line, so it would be published as text",
                                "add a blank line before line " + at);
                        ok = false;
                    }
                    if (i > 0 && (line.startsWith("1. ") || line.startsWith("1) "))) {
                        int at = lineOf(d, node) + i;
                        problems.error(d.path(), at, "this numbered list follows a line of text without a blank line, so it would be published as text",
                                "add a blank line before line " + at);
                        ok = false;
                    }
                }
            }
        }
        return ok;
    }

    /** A word processor's bullet at a line's start: `•` and its kin before a space, Word's plain-text `·`, `o` and `§` before a tab. */
    private static boolean pastedBullet(String line) {
        return line.length() > 1 && ("•◦▪‣·\uF0B7".indexOf(line.charAt(0)) >= 0 && (Character.isSpaceChar(line.charAt(1)) || line.charAt(1) == '\t')
                || "o§".indexOf(line.charAt(0)) >= 0 && line.charAt(1) == '\t');
    }

    /**
     * A line that starts an item as typed in a word processor: a dash (`– France`) or a letter
     * (`a) Prices fall`) and a space, short and without a sentence's end: a line of dialogue
     * (`– Did the water come?`) or of prose wrapped before a dash or a clause is not one.
     */
    private static boolean listLike(String line) {
        return line.length() > 2 && line.length() <= 60 && ".?!…:;\"”»".indexOf(line.charAt(line.length() - 1)) < 0
                && ("–—".indexOf(line.charAt(0)) >= 0 && line.charAt(1) == ' '
                || line.length() > 3 && Character.isLetter(line.charAt(0)) && line.charAt(1) == ')' && line.charAt(2) == ' ');
    }

    /** A line of cells apart by tabs: text, a tab, text, none of it code. */
    private static boolean tabbed(String line) {
        int tab = line.indexOf('\t');
        return tab > 0 && tab < line.length() - 1 && line.indexOf('`') < 0;
    }

    /** Whether Flexmark read a hard line break (two spaces or a backslash) at the end of the paragraph's {@code i}-th line. */
    private static boolean hardBreakAfter(com.vladsch.flexmark.ast.Paragraph p, int i) {
        for (Node n : p.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ast.HardLineBreak && n.getStartLineNumber() == p.getStartLineNumber() + i) {
                return true;
            }
        }
        return false;
    }

    /** Whether a source line holds `<www.` in any capitals: only then are a text's nodes read for {@link #noBareAngleAddress}. */
    private static boolean angleAddress(String line) {
        for (int i = line.indexOf('<'); i >= 0; i = line.indexOf('<', i + 1)) {
            if (line.regionMatches(true, i + 1, "www.", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An address in angle brackets without its scheme, in text as Markdown read it: Markdown links
     * `<https://…>` only, and publishes `<www.example.org>` as it is written (an editor's trial).
     * Written `\<`, or in code, a link's text or a reference, it is meant as it is.
     */
    private boolean noBareAngleAddress(Doc d, com.vladsch.flexmark.ast.Text t) {
        com.vladsch.flexmark.util.sequence.BasedSequence all = t.getChars().getBaseSequence();
        boolean ok = true;
        for (int at = t.getStartOffset(); at < t.getEndOffset(); at++) {
            if (all.charAt(at) != '<' || at > 0 && all.charAt(at - 1) == '\\' || !all.matchCharsIgnoreCase("www.", at + 1)) {
                continue;
            }
            int end = at + 1;
            while (end < all.length() && all.charAt(end) != '>' && !Character.isWhitespace(all.charAt(end))) {
                end++;
            }
            if (end == all.length() || all.charAt(end) != '>' || end - at < 7) {
                continue;
            }
            String address = all.subSequence(at + 1, end).toString();
            problems.error(d.path(), d.firstLine + Markdown.line(d.markdown(), at), "`<" + address + ">` is published as it is written: Markdown"
                    + " links an address in angle brackets only with its `https://`", "write `<https://" + address + ">`");
            ok = false;
        }
        return ok;
    }

    /** A block's line in the file, worked out only for a problem: Flexmark finds it from the text's start, each time. */
    private static int lineOf(Doc d, Node node) {
        return d.firstLine + node.getStartLineNumber();
    }

    /** A table's line under its header row: `|---|:--:|`, pipes, dashes, colons and spaces, with a dash. */
    static boolean delimiterRow(String line) {
        return line.indexOf('-') >= 0 && line.indexOf('|') >= 0 && line.chars().allMatch(c -> c == '|' || c == '-' || c == ':' || c == ' ' || c == '\t');
    }

    /**
     * A character the file may not hold ({@link SourceText#allowed}: a control, non-character or
     * bidirectional one) that an entity made ({@code &#x202E;}): refused in the text too, at the
     * first line whose entities make it; and so is an invisible character that hides text
     * ({@link Invisible}), at its line.
     */
    private boolean characters(Doc d, Element root) {
        // The text and the attribute values as jsoup decoded them: root.html() would write such a
        // character back as the entity that made it.
        int[] found = {-1};
        NodeTraversor.traverse((node, depth) -> {
            if (found[0] < 0 && node instanceof TextNode t) {
                found[0] = refused(t.getWholeText());
            } else if (found[0] < 0 && node instanceof Element e) {
                for (Attribute a : e.attributes()) {
                    found[0] = found[0] < 0 ? refused(a.getValue()) : found[0];
                }
            }
        }, root);
        int c = found[0];
        if (c >= 0) {
            String wanted = new String(Character.toChars(c));
            int line = lineWhere(d, l -> com.vladsch.flexmark.util.sequence.Escaping.unescapeString(l).contains(wanted));
            problems.error(d.path(), line, String.format(Locale.ROOT, "an entity makes the character U+%04X (a control,"
                    + " non-character or bidirectional one)", c), "remove the entity");
            return false;
        }
        // An invisible character that hides text, made by an entity (`&#xE0049;`, `&zwj;`): each line with one read as its
        // entities make it, in its own context, as the file's own characters were when it was read (SourceText).
        List<String> lines = d.markdown();
        java.util.Set<Long> variants = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).indexOf('&') >= 0) {
                String line = com.vladsch.flexmark.util.sequence.Escaping.unescapeString(lines.get(i));
                Invisible.Found hiding = Invisible.in(line, 0, line.length(), variants);
                if (hiding != null) {
                    problems.error(d.path(), d.firstLine + i, String.format(Locale.ROOT, "entities make an invisible character that can carry"
                            + " hidden text: U+%04X, %s", hiding.codePoint(), hiding.why()), "remove the entity");
                    return false;
                }
            }
        }
        return true;
    }

    /** The first code point of {@code s} that {@link SourceText#allowed} refuses (line ends aside); -1 when none. */
    private static int refused(String s) {
        return s.codePoints().filter(c -> c != '\n' && c != '\r' && !SourceText.allowed(c)).findFirst().orElse(-1);
    }

    /**
     * Where a pair of `**` in text is bold that Markdown did not read, a space just inside it
     * (`**Important: **this`, `** this**`): its opening and closing runs, or null. A lone `**`
     * (`f**k`) or a longer run of asterisks (a rating of `*****`) is text as written.
     */
    static int[] unreadBold(String s) {
        List<Integer> pairs = new ArrayList<>(); // where each run of exactly two asterisks starts
        for (int i = s.indexOf("**"); i >= 0; i = s.indexOf("**", i + 1)) {
            int end = i;
            while (end < s.length() && s.charAt(end) == '*') {
                end++;
            }
            if (end - i == 2 && (i == 0 || s.charAt(i - 1) != '*')) {
                pairs.add(i);
            }
            i = end - 1;
        }
        for (int k = 0; k + 1 < pairs.size(); k += 2) {
            int open = pairs.get(k);
            int close = pairs.get(k + 1);
            boolean spaceAfterOpen = open + 2 < s.length() && Character.isWhitespace(s.charAt(open + 2));
            boolean spaceBeforeClose = close > 0 && Character.isWhitespace(s.charAt(close - 1));
            if (spaceAfterOpen || spaceBeforeClose) {
                return new int[]{open, close};
            }
        }
        return null;
    }

    /**
     * Text Flexmark left as it was, though it looks like Markdown: an image or link whose
     * address has a space (a screenshot's name), or a reference that is not defined.
     */
    private boolean leftoverMarkdown(Doc d, Element root) {
        boolean[] ok = {true};
        java.util.Map<String, Integer> told = new java.util.HashMap<>(); // the same words around two places: each at its own line
        NodeTraversor.traverse((node, depth) -> {
            if (!(node instanceof TextNode t) || node.parent() instanceof Element p && (p.normalName().equals("code") || p.normalName().equals("pre"))) {
                return;
            }
            String s = t.getWholeText();
            if (node.parent() instanceof Element p && p.normalName().equals("p") && p.childNode(0) == t && s.startsWith("|") && s.indexOf('|', 1) > 0) {
                // Rows left after a blank line ended their table (or a table without its header row): published as text.
                // The paragraph's first source line (Flexmark may have joined the rows with spaces).
                String text = s.lines().findFirst().orElse(s).strip();
                String row = d.markdown().stream().map(String::strip).filter(l -> l.length() > 2 && l.startsWith("|") && text.startsWith(l))
                        .findFirst().orElse(text);
                problems.error(d.path(), lineWhere(d, l -> l.strip().equals(row)), "a table row outside a table: `" + (row.length() > 60 ? row.substring(0, 60) + "…" : row) + "`",
                        "a table starts with its header row and a line like `|---|---|`, and a blank line ends it: to go on after one,"
                                + " start a new table with its header row");
                ok[0] = false;
                return;
            }
            // Bold Markdown did not read: a space just inside the asterisks, as a word processor pastes it (`**Important: **this`).
            int[] bold = unreadBold(s);
            if (bold != null) {
                String around = s.substring(Math.max(0, bold[0] - 20), Math.min(s.length(), Math.min(bold[0] + 60, bold[1] + 22))).strip();
                int skip = told.merge("**", 1, Integer::sum) - 1;
                problems.error(d.path(), lineWhere(d, l -> l.contains("**"), skip), "`**` left as text in `" + around + "`: Markdown reads bold"
                        + " only with the asterisks against its words", "write `**Important:** this`, not `**Important: **this`");
                ok[0] = false;
            }
            // Each place a link, an image or a footnote was left as text: a line may hold several (up to a bound).
            java.util.TreeSet<Integer> places = new java.util.TreeSet<>();
            for (String marker : List.of("](", "][", "[^")) {
                for (int i = s.indexOf(marker); i >= 0 && places.size() < 20; i = s.indexOf(marker, i + 2)) {
                    places.add(i);
                }
            }
            // `[a][^b]` is one place, at its `][`: its `[^` is not also a footnote's.
            for (int at : places) {
                if (at > 0 && s.startsWith("[^", at) && s.charAt(at - 1) == ']') {
                    continue;
                }
                leftover(d, s, at, told);
                ok[0] = false;
            }
        }, root);
        return ok[0];
    }

    /** Quotation marks a word processor types (Japanese brackets too), which Markdown does not read around a link's title. */
    private static final String CURLY = "\u201C\u201D\u2018\u2019\u201E\u00AB\u00BB\u300C\u300D\u300E\u300F";

    /**
     * A title written in curly quotes, in straight ones Markdown reads: double, or single when it
     * holds a double quote, or brackets (its own escaped) when it holds both (a false-alarm trial: `"He said "yes""`
     * was told, which Markdown does not read either); a guillemet's inner spaces dropped.
     */
    private static String straightTitle(String title) {
        String words = title.substring(1, title.length() - (CURLY.indexOf(title.charAt(title.length() - 1)) >= 0 ? 1 : 0)).strip();
        return words.indexOf('"') < 0 ? "\"" + words + "\"" : words.indexOf('\'') < 0 ? "'" + words + "'"
                : "(" + words.replace("(", "\\(").replace(")", "\\)") + ")";
    }

    /** Tells of one place in a text node where Markdown was left as text ({@link #leftoverMarkdown}). */
    private void leftover(Doc d, String s, int at, java.util.Map<String, Integer> told) {
        int from = Math.max(0, s.lastIndexOf('[', at) - 1);
        String snippet = s.substring(from, Math.min(s.length(), at + 40)).strip();
        // Some text before the place and the place itself, up to its bracket; only the place when a soft line break falls
        // in that text (the text joins the lines with a space: an editor's trial had `[^a1]` told at the header's end).
        int bracket = s.indexOf(']', at);
        String place = s.substring(at, bracket > at && bracket - at < 60 ? bracket + 1 : Math.min(s.length(), at + 10));
        String before = s.substring(Math.max(0, at - 10), at) + place;
        String around = (d.markdown().stream().anyMatch(l -> l.contains(before)) ? before : place).strip();
        int line = lineWhere(d, l -> l.contains(around), told.merge(around, 1, Integer::sum) - 1);
        int close = s.indexOf(')', at);
        // A footnote or a reference whose definition is missing: `[^note]`, `[text][name]`.
        boolean footnote = s.startsWith("[^", at);
        int open = footnote ? at : at + 1; // in `[text][name]`, the name's bracket follows the text's
        int end = s.indexOf(']', open + 1);
        String label = s.startsWith("[", open) && end > open + 1 && end - open < 60 ? s.substring(open, end + 1) : null;
        if (label != null && (label.indexOf('[', 1) >= 0 || label.indexOf('\n') >= 0)) {
            label = null;
        }
        if (label != null && footnote) {
            problems.error(d.path(), line, "the footnote `" + label + "` has no note",
                    "write its note on a line of its own after the paragraph: `" + label + ": The note's text.`; a bracket meant as text is written \\[");
        } else if (label != null && s.startsWith("][", at) && !label.equals("[]")) {
            problems.error(d.path(), line, "the link `" + s.substring(s.lastIndexOf('[', at), end + 1) + "` names `" + label + "`, which no line defines",
                    "define it on a line of its own: `" + label + ": https://…`, or write the address in the link: [text](address)");
        } else {
            String inside = s.startsWith("](", at) && close > 0 ? s.substring(at + 2, close) : "";
            int space = inside.indexOf(' ');
            String title = space > 0 ? inside.substring(space).strip() : "";
            // A title in a word processor's quotes (an editor's trial: a credit pasted as “Chart: Ana Silva” was told to rename the file).
            String fix = title.length() >= 2 && CURLY.indexOf(title.charAt(0)) >= 0
                    ? "the title after the address is in curly quotes, as a word processor types them, and Markdown reads only straight ones: write `]("
                            + inside.substring(0, space) + " " + straightTitle(title) + ")`"
                    : space > 0
                    ? "an address with a space is not read as a link or image: rename the file without spaces (e.g. `screenshot-2026-11-28.png`) and write that name"
                    : "finish the Markdown (a link is [text](address), an image ![description](file.png)), or write a bracket meant as text as \\[";
            problems.error(d.path(), line, "Markdown left as text: `" + snippet + "`", fix);
        }
    }

    /** The Markdown nodes an attribute's value is looked for in, beside raw HTML: none, links' or images'. */
    private static final java.util.function.Predicate<Node> RAW_ONLY = n -> false;
    private static final java.util.function.Predicate<Node> LINKS = n -> n instanceof Link || n instanceof AutoLink || n instanceof Reference;
    // An image inside a link is in the link's own source too: looked for as an image, it is found once there.
    private static final java.util.function.Predicate<Node> IMAGES = n -> n instanceof Image || n instanceof Reference;

    /**
     * The line in the file of the raw HTML node (or Markdown node {@code markdown} takes: a link's,
     * an image's) of Flexmark's tree whose source holds one of the needles, as written or with
     * its entities and backslash escapes decoded (the allowlist judges {@code jav&#x09;ascript:}
     * as {@code jav\tascript:}); the text's first line when none does. A raw tag or an attribute
     * Markdown does not write is looked for in raw HTML only: a link above with the same word
     * is not it. The needle's occurrence after the first {@code skip} (a second raw <center>
     * is told at its own line, not again at the first's); the last one when there are fewer.
     */
    private static int line(Doc d, com.vladsch.flexmark.util.ast.Document ast, java.util.function.Predicate<Node> markdown, int skip, String... needles) {
        for (String needle : needles) {
            String n = needle.toLowerCase(Locale.ROOT);
            int seen = 0;
            int last = -1;
            for (Node node : ast.getDescendants()) {
                if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase || markdown.test(node)
                        && !(node instanceof Image && node.getAncestorOfType(Link.class) != null && markdown.test(node.getAncestorOfType(Link.class)))) {
                    // (an image inside a link looked in too is in the link's own source: counted there once)
                    String source = node.getChars().toString();
                    int at = indexIgnoringCase(source, needle, 0);
                    while (at >= 0) {
                        // In a block of HTML over several lines, the line the needle is on.
                        last = lineOf(d, node) + (int) source.substring(0, at).chars().filter(c -> c == '\n').count();
                        if (seen++ == skip) {
                            return last;
                        }
                        at = indexIgnoringCase(source, needle, at + needle.length());
                    }
                    if (last < 0 && com.vladsch.flexmark.util.sequence.Escaping.unescapeString(source).toLowerCase(Locale.ROOT).contains(n)) {
                        return lineOf(d, node);
                    }
                }
            }
            if (last >= 0) {
                return last;
            }
        }
        return d.firstLine;
    }

    /** Where {@code needle} first is in {@code text} from {@code from}, capitals aside, as an index of {@code text} itself (lower-casing may change a text's length: İ). */
    private static int indexIgnoringCase(String text, String needle, int from) {
        for (int i = from; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The file's line number of the first line of its text that {@code matches}; the text's first line when none does. */
    private static int lineWhere(Doc d, java.util.function.Predicate<String> matches) {
        return lineWhere(d, matches, 0);
    }

    /** As above, the line after the first {@code skip} that match (the last that matches when there are fewer). */
    private static int lineWhere(Doc d, java.util.function.Predicate<String> matches, int skip) {
        List<String> lines = d.markdown();
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (matches.test(lines.get(i))) {
                if (skip-- == 0) {
                    return d.firstLine + i;
                }
                last = i;
            }
        }
        return d.firstLine + Math.max(0, last);
    }

    /** A relative address from a file in {@code folder}, as a path under content/; null when it is not relative. */
    static String resolve(String folder, String url) {
        try {
            URI target = new URI(url);
            if (target.getScheme() != null || target.getRawAuthority() != null || target.getPath() == null || target.getPath().isEmpty()) {
                return null;
            }
            String path = new URI(null, null, "/" + folder, null).resolve(new URI(null, null, target.getPath(), null)).getPath();
            return path.startsWith("/") ? path.substring(1) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
