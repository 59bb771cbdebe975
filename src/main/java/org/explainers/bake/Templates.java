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
        freemarker.setTemplateLoader(new FileTemplateLoader(folder.toFile(), false));
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
        freemarker.setNumberFormat("computer");
        freemarker.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE); // one bake, read once
    }

    /** The most characters one page may have: a loop over a huge range is stopped long before the memory is full. */
    static final int MAX_PAGE = 32 * 1024 * 1024;

    /** Renders a template with the given data, as {@code run}. */
    String render(String template, Map<String, Object> data, Run run) throws IOException, TemplateException {
        Template t = freemarker.getTemplate(template);
        Bounded out = new Bounded();
        Environment env = t.createProcessingEnvironment(data, out);
        env.setTemplateProcessingTracer(run);
        env.process();
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

    /** A page's text, refused past {@link #MAX_PAGE} characters (and, unlike StringWriter, not synchronized). */
    private static final class Bounded extends Writer {
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

        private void room(int len) {
            if (len > MAX_PAGE - text.length()) {
                throw new TooLarge("the page grew past " + MAX_PAGE / (1024 * 1024) + " million characters here");
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
