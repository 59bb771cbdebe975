package org.explainers.bake;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
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
 * the machine's locale or time zone.
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

    /** Renders a template with the given data. */
    String render(String template, Map<String, Object> data) throws IOException, TemplateException {
        Template t = freemarker.getTemplate(template);
        StringWriter out = new StringWriter(16 * 1024);
        t.process(data, out);
        return out.toString();
    }
}
