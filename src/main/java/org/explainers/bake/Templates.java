package org.explainers.bake;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.Environment;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Freemarker, as this site runs it: {@code .ftlh} templates escape for HTML and {@code .ftlx}
 * for XML, so no header value can add markup (only bodies, already held to the allowlist, are
 * inserted with {@code ?no_esc}). Templates get data and nothing else: the object wrapper
 * refuses any Java object, {@code ?new} and {@code ?api} are off, and output does not depend on
 * the machine's locale or time zone. A page's output is bounded ({@link #MAX_PAGE}), and each
 * render is a {@link Run} that the bake can stop and that knows the line it is at.
 */
final class Templates {

    private final Configuration freemarker;

    Templates(Path folder, ZoneId zone) throws IOException {
        freemarker = new Configuration(Configuration.VERSION_2_3_33);
        // Templates only from the folder itself: a path that resolves outside it is refused.
        // Named as templates/ in FreeMarker's messages (`${.error}` printed the machine's folder into a page).
        freemarker.setTemplateLoader(new FileTemplateLoader(folder.toFile(), false) {
            @Override
            public String toString() {
                return "templates/";
            }
        });
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_33) {
            @Override
            protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
                if (obj instanceof Html html) {
                    return new SimpleScalar(html.toString()); // a text's HTML, decoded when a template shows it
                }
                return super.handleUnknownType(obj); // any other Java object is refused
            }
        });
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocale(Locale.UK);
        freemarker.setTimeZone(TimeZone.getTimeZone(zone));
        freemarker.setCustomDateFormats(Map.of("zone", new ZoneNames(zone)));
        freemarker.setNumberFormat("computer");
        freemarker.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE); // one bake, read once
    }

    /** The most characters one page may have: a loop over a huge range is stopped long before the memory is full. */
    static final int MAX_PAGE = 32 * 1024 * 1024;

    /**
     * The most characters all pages of one bake may have together: each page may have up to
     * {@link #MAX_PAGE}, so a template doubling every page could fill the disk of the machine
     * that builds. What a bake may write: {@code base} and 256 KB a page (a 10,000-section
     * site's pages average 27 KB).
     */
    static final long PER_PAGE = 256 * 1024;
    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    private volatile long siteLimit = Long.MAX_VALUE;
    private volatile long siteBase;

    /** Bounds this bake's pages together: {@code base} characters and {@link #PER_PAGE} for each of its pages. */
    void limitSite(long base, int pages) {
        siteBase = base;
        siteLimit = base + PER_PAGE * pages;
    }

    /** Renders a template with the given data, as {@code run}. */
    String render(String template, Map<String, Object> data, Run run) throws IOException, TemplateException {
        Template t = freemarker.getTemplate(template);
        Bounded out = new Bounded();
        Environment env = t.createProcessingEnvironment(data, out);
        env.setTemplateProcessingTracer(run);
        env.process();
        out.tally();
        return out.text.toString();
    }

    /**
     * One page being rendered, followed element by element (FreeMarker's tracer): where the
     * template is, for a report that names the line, and the thread, which stops at the next
     * element once interrupted (the bake interrupts a page that takes too long).
     */
    static final class Run implements TemplateProcessingTracer {
        final Thread thread = Thread.currentThread();
        final long started = System.nanoTime();
        /** The last element entered in a template file (not in a string made a template with {@code ?interpret}). */
        private volatile TracedElement at;
        private Template current;
        private boolean inFile;

        @Override
        public void enterElement(Environment env, TracedElement element) {
            Template t = element.getTemplate();
            if (t != current) {
                Unreviewable.check(t); // each template once, an included one or a string made a template (?interpret) too
                current = t;
                inFile = t.getSourceName() != null && !t.getSourceName().contains("->"); // "page.ftlh->anonymous_interpreted"
            }
            if (inFile) {
                at = element;
            }
            if (thread.isInterrupted()) {
                throw new Stopped();
            }
        }

        @Override
        public void exitElement(Environment env, TracedElement element) {
            // where it is now is the element entered last
        }

        /** The template file the page was at last (an included one, maybe), or {@code fallback} before the first element. */
        String template(String fallback) {
            TracedElement e = at;
            return e == null || e.getTemplate().getSourceName() == null ? fallback : e.getTemplate().getSourceName();
        }

        /** The line the page was at last, or 0. */
        int line() {
            TracedElement e = at;
            return e == null ? 0 : e.getBeginLine();
        }
    }

    /**
     * What a template may not do because no review of the pull request could see its effect:
     * read the clock of the machine that builds (`.now`, which -Dbuild.now does not set: a page
     * set to change on a date passes the pull request's build and its tests, then changes in a
     * later build, unreviewed; an attacker's trial), or run a string as an expression (`?eval`,
     * which could make `.now`). A string made a template (`?interpret`) is read as it is entered.
     * Found in FreeMarker's own parse of the template; thrown with the line.
     */
    static final class Unreviewable extends RuntimeException {
        final String template;
        final int line;

        private Unreviewable(Template t, int line, String message) {
            super(message, null, false, false);
            this.template = t.getSourceName();
            this.line = line;
        }

        /** The templates read already (FreeMarker makes new ones for each bake: forgotten with it). */
        private static final java.util.Set<Template> READ = java.util.Collections.synchronizedSet(
                java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));
        /**
         * FreeMarker keeps the operands of its parsed expressions behind package-private methods
         * and offers no public visitor of them (the elements' own tree is public): read through
         * these, of the pinned FreeMarker 2.3.34 (TemplateSafetyTest proves each case is found).
         */
        private static final java.lang.reflect.Method COUNT;
        private static final java.lang.reflect.Method VALUE;

        static {
            try {
                COUNT = freemarker.core.TemplateObject.class.getDeclaredMethod("getParameterCount");
                VALUE = freemarker.core.TemplateObject.class.getDeclaredMethod("getParameterValue", int.class);
                COUNT.setAccessible(true);
                VALUE.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("deprecation") // getRootTreeNode: FreeMarker's public way to the elements' tree
        static void check(Template t) {
            if (!READ.add(t)) {
                return;
            }
            java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
            todo.push(t.getRootTreeNode());
            try {
                while (!todo.isEmpty()) {
                    if (!(todo.pop() instanceof freemarker.core.TemplateObject o)) {
                        continue;
                    }
                    String kind = o.getClass().getSimpleName();
                    if (kind.equals("BuiltinVariable") && o.getCanonicalForm().equals(".now")) {
                        throw new Unreviewable(t, o.getBeginLine(), "`.now` reads the clock of the machine that builds, which -Dbuild.now does"
                                + " not set: the page would change with the hour, unreviewed");
                    }
                    if (kind.equals("evalBI")) {
                        throw new Unreviewable(t, o.getBeginLine(), "`?eval` runs a string as an expression, which a review cannot read");
                    }
                    for (int i = (int) COUNT.invoke(o) - 1; i >= 0; i--) {
                        Object operand = VALUE.invoke(o, i);
                        if (operand != null) {
                            todo.push(operand);
                        }
                    }
                    if (o instanceof freemarker.core.TemplateElement e) {
                        for (int i = e.getChildCount() - 1; i >= 0; i--) {
                            todo.push(e.getChildAt(i));
                        }
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("FreeMarker's parsed template could not be read", e);
            }
        }
    }

    /** Thrown in a page's thread at its next element once the bake has stopped it. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /**
     * The most elements (counted by their {@code <}) one page may have: the output check parses
     * every page back, and each element costs memory and time there (a template writing a
     * million links held a build for minutes at gigabytes). No real page comes near; pages under
     * a million characters are not even counted.
     */
    static final int MAX_TAGS = 250_000;
    private static final int COUNTED_FROM = 1 << 20;

    /** Thrown when a page grows past {@link #MAX_PAGE} characters or {@link #MAX_TAGS} elements; the message says which. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * A page's text, refused past {@link #MAX_PAGE} characters, or when the bake's pages together
     * pass their limit (tallied every 64 K characters), and, unlike StringWriter, not synchronized.
     */
    private final class Bounded extends Writer {
        final StringBuilder text = new StringBuilder(16 * 1024);

        /** How much of the text has been counted for elements, and how many it has. */
        private int counted;
        private int tags;

        @Override
        public void write(char[] chars, int off, int len) {
            room(len);
            text.append(chars, off, len);
            count();
        }

        @Override
        public void write(String str, int off, int len) {
            room(len);
            text.append(str, off, off + len);
            count();
        }

        @Override
        public void write(int c) {
            room(1);
            text.append((char) c);
            count();
        }

        /** How much of the text has been added to the bake's total. */
        private int tallied;

        private void room(int len) {
            if (len > MAX_PAGE - text.length()) {
                throw new TooLarge("the page grew past " + MAX_PAGE / (1024 * 1024) + " million characters here");
            }
            if (text.length() - tallied >= 1 << 16) {
                tally();
            }
        }

        void tally() {
            long total = written.addAndGet(text.length() - tallied);
            tallied = text.length();
            if (total > siteLimit) {
                throw new TooLarge("the pages of this bake grew past " + siteLimit / 1_000_000 + " million characters here (at most "
                        + PER_PAGE / 1024 + " KB a page and " + siteBase / (1024 * 1024) + " MB more)");
            }
        }

        private void count() {
            if (text.length() < COUNTED_FROM) {
                return;
            }
            for (int i = counted; i < text.length(); i++) {
                if (text.charAt(i) == '<') {
                    tags++;
                }
            }
            counted = text.length();
            if (tags > MAX_TAGS) {
                throw new TooLarge("the page has more than " + MAX_TAGS + " elements here");
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
