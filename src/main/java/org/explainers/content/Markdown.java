package org.explainers.content;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.PegdownExtensions;
import com.vladsch.flexmark.profile.pegdown.PegdownOptionsAdapter;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import org.jbake.app.configuration.JBakeConfiguration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Flexmark, set up from {@code markdown.extensions} in jbake.properties (JBake's pegdown
 * names), as JBake's own Markdown engine sets it up. Parser and renderer are immutable and
 * shared by every thread.
 */
public final class Markdown {

    private final Parser parser;
    private final HtmlRenderer renderer;
    /** The extensions as pegdown's bit set: part of every cached body's key. */
    public final int extensions;

    private Markdown(int extensions) {
        this.extensions = extensions;
        // Flexmark drops javascript: links silently; the allowlist judges every address instead,
        // so that the editor is told (see check.HtmlPolicy).
        DataHolder options = PegdownOptionsAdapter.flexmarkOptions(extensions).toMutable()
                .set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)").toImmutable();
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).nodeRendererFactory(o -> new PlainText()).build();
    }

    /**
     * Flexmark's rendering of text ({@code CoreNodeRenderer}: escaped, after un-escaping and
     * normalising line ends), without the two passes that change nothing in text that has no
     * {@code &}, backslash or carriage return, as most prose has not: each copied the whole text
     * a character at a time, ~6% of a large site's first build. Other text goes Flexmark's way.
     */
    private static final class PlainText implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(com.vladsch.flexmark.ast.Text.class, (node, context, html) -> {
                String text = node.getChars().toString();
                if (text.indexOf('&') < 0 && text.indexOf('\\') < 0 && text.indexOf('\r') < 0) {
                    html.text(text);
                } else {
                    html.text(Escaping.normalizeEOL(node.getChars().unescape()));
                }
            }));
        }
    }

    /** @throws IllegalArgumentException naming an extension JBake does not know */
    public static Markdown of(JBakeConfiguration config) {
        int extensions = PegdownExtensions.NONE;
        for (String name : config.getMarkdownExtensions()) {
            boolean remove = name.startsWith("-");
            String n = name.replaceFirst("^[-+]", "").strip();
            try {
                int bit = PegdownExtensions.class.getField(n).getInt(null);
                extensions = remove ? extensions & ~bit : extensions | bit;
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("unknown markdown.extensions entry `" + n + "` in jbake.properties");
            }
        }
        return new Markdown(extensions);
    }

    /**
     * Parses a body. Flexmark reads its input a character at a time; it gets an array, not a
     * String: a String with any character beyond Latin-1 (a curly quote) is stored as UTF-16,
     * and each read then goes through a bounds-checked call the quick JIT compiler does not
     * inline (about 6% of a large bake).
     */
    public Document parse(List<String> lines) {
        return parser.parse(CharSubSequence.of(String.join("\n", lines) + "\n"));
    }

    public String render(Document document) {
        return renderer.render(document);
    }

    /**
     * How deeply block quotes and lists sit inside each other in a parsed body, and the first
     * line (0-based) where they go deeper than {@code limit}.
     */
    public record Depth(int depth, int line) {
    }

    public static Depth depth(Document document, int limit) {
        int max = 0;
        int line = Integer.MAX_VALUE;
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{document, 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Node node = (Node) top[0];
            int depth = (Integer) top[1] + (node instanceof BlockQuote || node instanceof ListBlock ? 1 : 0);
            max = Math.max(max, depth);
            if (depth > limit) {
                line = Math.min(line, node.getStartLineNumber());
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                stack.push(new Object[]{child, depth});
            }
        }
        return new Depth(max, line);
    }
}
