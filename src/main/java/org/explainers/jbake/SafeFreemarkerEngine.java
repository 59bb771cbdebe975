package org.explainers.jbake;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleDate;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleSequence;
import freemarker.template.Template;
import freemarker.core.TemplateClassResolver;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.ModelAttributes;
import org.jbake.template.AbstractTemplateEngine;
import org.jbake.template.NoModelExtractorException;
import org.jbake.template.RenderingException;
import org.jbake.template.TemplateEngineAdapter;
import org.jbake.template.model.TemplateModel;
import org.jbake.util.DataFileUtil;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Freemarker for {@code .ftlh} (HTML) and {@code .ftlx} (XML) templates, with the output
 * format's auto-escaping on, so no header value can inject markup: only values marked
 * {@code ?no_esc} (the rendered Markdown body) are inserted as they are.
 *
 * <p>Unlike JBake's own Freemarker engine it also locks templates away from Java: no
 * {@code ?new} of any class, no {@code ?api}, and no raw {@code db} object. Templates see the
 * same model as with JBake (content, config, tags, published_*, data.get(...)).
 */
public class SafeFreemarkerEngine extends AbstractTemplateEngine {

    private final Configuration freemarker;

    public SafeFreemarkerEngine(JBakeConfiguration config, ContentStore db) {
        super(config, db);
        freemarker = new Configuration(Configuration.VERSION_2_3_33);
        try {
            freemarker.setDirectoryForTemplateLoading(config.getTemplateFolder());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read templates from " + config.getTemplateFolder(), e);
        }
        freemarker.setDefaultEncoding(config.getTemplateEncoding());
        freemarker.setOutputEncoding(config.getOutputEncoding());
        freemarker.setRecognizeStandardFileExtensions(true); // .ftlh = HTML escaping, .ftlx = XML escaping
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        // Output must not depend on the machine that bakes it.
        freemarker.setLocale(Locale.UK);
        freemarker.setTimeZone(TimeZone.getTimeZone("UTC"));
        freemarker.setNumberFormat("computer");
        freemarker.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        try {
            Template template = freemarker.getTemplate(templateName);
            // JBake's writer is an unbuffered OutputStreamWriter, and a template makes thousands
            // of small writes, each through the charset encoder (a fifth of rendering a page):
            // buffered, it encodes large chunks.
            Writer page = new BufferedWriter(writer, 32 * 1024);
            template.process(new Model(freemarker.getObjectWrapper(), model, db, config), page);
            page.flush(); // JBake closes its writer
        } catch (IOException | TemplateException e) {
            throw new RenderingException(e);
        }
    }

    /** JBake's lazily extracted model (published_posts, tags, ...) minus the raw database. */
    private static final class Model implements TemplateHashModel {
        private final ObjectWrapper wrapper;
        private final SimpleHash eager;
        private final ContentStore db;
        private final JBakeConfiguration config;

        Model(ObjectWrapper wrapper, TemplateModel eager, ContentStore db, JBakeConfiguration config) {
            this.wrapper = wrapper;
            this.eager = new SimpleHash(eager, wrapper);
            this.db = db;
            this.config = config;
        }

        @Override
        public freemarker.template.TemplateModel get(String key) throws TemplateModelException {
            if (key.equals(ModelAttributes.DB)) {
                return null;
            }
            if (key.equals(ModelAttributes.DATA)) {
                DataFileUtil data = new DataFileUtil(db, config.getDataFileDocType());
                return new SimpleHash(java.util.Map.of("get",
                        (TemplateMethodModelEx) args -> data.get(String.valueOf(args.get(0)))), wrapper);
            }
            if (!AbstractTemplateEngineAccess.extracts(key)) {
                // Most lookups (content, config, macros' names): answered without asking the
                // extractors, which would signal "not mine" with an exception each time.
                return eager.get(key);
            }
            try {
                return AbstractTemplateEngineAccess.extract(db, key, eager.toMap(), new TemplateEngineAdapter<>() {
                    @Override
                    public freemarker.template.TemplateModel adapt(String k, Object value) {
                        if (k.equals(ModelAttributes.PUBLISHED_DATE)) {
                            return new SimpleDate((Date) value, TemplateDateModel.UNKNOWN);
                        }
                        return new SimpleSequence((Collection<?>) value, wrapper);
                    }
                });
            } catch (NoModelExtractorException e) {
                return eager.get(key);
            }
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    /** Gives the nested model access to JBake's shared extractors. */
    private static final class AbstractTemplateEngineAccess extends AbstractTemplateEngine {
        private AbstractTemplateEngineAccess() {
            super(null, null);
        }

        static boolean extracts(String key) {
            return extractors.containsKey(key);
        }

        static freemarker.template.TemplateModel extract(ContentStore db, String key, java.util.Map<?, ?> model,
                                                         TemplateEngineAdapter<freemarker.template.TemplateModel> adapter)
                throws NoModelExtractorException {
            return extractors.extractAndTransform(db, key, model, adapter);
        }

        @Override
        public void renderDocument(TemplateModel model, String templateName, Writer writer) {
            throw new UnsupportedOperationException();
        }
    }
}
