package org.explainers.content;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.ParserEmulationProfile;
import com.vladsch.flexmark.parser.PegdownExtensions;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.profile.pegdown.PegdownOptionsAdapter;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import org.jbake.app.configuration.JBakeConfiguration;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        DataHolder options = options(extensions);
        // With an inline parser of its own, Flexmark leaves reading reference definitions to the caller.
        this.parser = Parser.builder(options).customInlineParserFactory(Inlines::new)
                .paragraphPreProcessorFactory(new ReferencePreProcessorFactory()).build();
        this.renderer = HtmlRenderer.builder(options).nodeRendererFactory(o -> new PlainText()).nodeRendererFactory(o -> new CellCode()).build();
    }

    /** Flexmark's options: JBake's pegdown extensions, with lists and links read as below. */
    static DataHolder options(int extensions) {
        com.vladsch.flexmark.util.data.MutableDataHolder options = PegdownOptionsAdapter.flexmarkOptions(extensions).toMutable();
        // Lists as GitHub reads them, where editors preview their changes: pegdown's profile nested
        // only at four spaces (`  - Child` joined its parent's list), ended a numbered list at a
        // bullet under an item, and took `1)` for text.
        ParserEmulationProfile.GITHUB_DOC.setIn(options);
        return options.set(Parser.LISTS_ORDERED_ITEM_DOT_ONLY, false)
                .set(Parser.LISTS_ITEM_TYPE_MISMATCH_TO_NEW_LIST, true) // `- a` then `1. b`: two lists, as on GitHub
                // Flexmark drops javascript: links silently; the allowlist judges every address instead,
                // so that the editor is told (see check.HtmlPolicy).
                .set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)")
                // A bullet list may follow a line of text without a blank line, as on GitHub (pegdown's
                // profile read "Suppliers:\n- Norway" as one paragraph).
                .set(Parser.LISTS_BULLET_ITEM_INTERRUPTS_PARAGRAPH, true)
                // A numbered list starts at its first number, as on GitHub: pegdown's profile numbered
                // `3. Cold` from 1, and a paragraph starting `1991. That was the year` lost its year.
                .set(Parser.LISTS_ORDERED_LIST_MANUAL_START, true)
                // The HTML writer takes text as given instead of examining each character for
                // leading spaces to trim (~5% of a large site's first build): with no indentation
                // set there are none outside code, where nothing is trimmed either way. The HTML
                // differs only in one line break before a footnote's `</li>`.
                .set(HtmlRenderer.FORMAT_FLAGS, com.vladsch.flexmark.util.sequence.LineAppendable.F_PASS_THROUGH).toImmutable();
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

    /**
     * Code in a table's cell, with `\|` written as `|`, as GitHub shows it (GFM's example 200):
     * the pipe must be escaped there to stay in its cell, and Flexmark 0.62.2 keeps the backslash
     * (vsch/flexmark-java#604). Other code goes Flexmark's way.
     */
    private static final class CellCode implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(com.vladsch.flexmark.ast.Code.class, (node, context, html) -> {
                String text = node.getText().toString();
                if (text.contains("\\|") && node.getAncestorOfType(com.vladsch.flexmark.ext.tables.TableCell.class) != null) {
                    html.withAttr().tag("code");
                    html.text(Escaping.collapseWhitespace(text.replace("\\|", "|"), true));
                    html.tag("/code");
                } else {
                    context.delegateRender();
                }
            }));
        }
    }

    /**
     * Flexmark's inline parser with two changes. Its matches ask the JDK's {@code Matcher} for
     * {@code toMatchResult()}, which on Java 17 copies the whole paragraph each time (JDK-8132995,
     * fixed in Java 20): a paragraph of backtick runs or unclosed links took minutes, growing with
     * the cube of its length; here a match copies nothing. And it tells a {@link Reader} thread
     * which paragraph it is reading, so a text that still takes too long is named at its line.
     * Raw HTML in a paragraph is looked for in the next {@link #MAX_TAG} characters only: each
     * `<!A` or `<?` without its `>` was looked for to the paragraph's end (an attacker's trial:
     * 100 KB of `a <!A ` took ~17 s, growing with the square of its length).
     */
    private static final class Inlines extends CommonmarkInlineParser {
        /** Longer than any tag or inline comment a text has (an embed code's frame is ~300 characters). */
        static final int MAX_TAG = 4096;

        Inlines(DataHolder options, BitSet special, BitSet delimiters, Map<Character, DelimiterProcessor> processors,
                LinkRefProcessorData references, List<InlineParserExtensionFactory> extensions) {
            super(options, special, delimiters, processors, references, extensions);
        }

        @Override
        public Matcher matcher(Pattern re) {
            if (re != myParsing.HTML_TAG || input.length() - index <= MAX_TAG) {
                return super.matcher(re);
            }
            Matcher m = re.matcher(input).region(index, index + MAX_TAG);
            if (!m.find()) {
                return null;
            }
            index = m.end();
            return m;
        }

        @Override
        public BasedSequence match(Pattern re) {
            Matcher m = matcher(re);
            return m == null ? null : input.subSequence(m.start(), m.end());
        }

        @Override
        public BasedSequence[] matchWithGroups(Pattern re) {
            Matcher m = matcher(re);
            if (m == null) {
                return null;
            }
            BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
            }
            return groups;
        }

        @Override
        public int preProcessBlock(Paragraph block, ParserState state) {
            reading(block.getChars());
            return super.preProcessBlock(block, state);
        }

        @Override
        public void parse(BasedSequence content, Node block) {
            reading(content);
            super.parse(content, block);
        }

        private static void reading(BasedSequence chars) {
            if (Thread.currentThread() instanceof Reader r) {
                r.at = chars.getStartOffset();
            }
        }
    }

    /**
     * A thread that parses texts, and says where in the current one it is: the offset of the
     * paragraph being read, in the text {@link #parse} was given (see {@link #line}).
     */
    public static final class Reader extends Thread {
        public volatile int at;

        public Reader(Runnable task, String name, long stack) {
            super(null, task, name, stack);
            setDaemon(true);
        }
    }

    /** The line (0-based) of an offset in the text that {@link #parse} made of these lines. */
    public static int line(List<String> lines, int offset) {
        int end = 0;
        for (int i = 0; i < lines.size(); i++) {
            end += lines.get(i).length() + 1;
            if (offset < end) {
                return i;
            }
        }
        return Math.max(0, lines.size() - 1);
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

    /**
     * The line (0-based) where the addresses and titles of a text's links and images, each
     * counted every time it is written out, pass {@code limit} characters; -1 when they do not.
     * A reference defined once with a long address and used a thousand times is written a
     * thousand times: 13 KB of Markdown made a 12 MB page.
     */
    public static int addressesPast(Document document, long limit) {
        long total = 0;
        for (Node node : document.getDescendants()) {
            if (node instanceof RefNode r) {
                Reference ref = r.getReferenceNode(document);
                total += ref == null ? 0 : ref.getUrl().length() + ref.getTitle().length();
            } else if (node instanceof LinkNodeBase link) {
                total += link.getUrl().length() + link.getTitle().length();
            }
            if (total > limit) {
                return node.getStartLineNumber();
            }
        }
        return -1;
    }

    public static Depth depth(Document document, int limit) {
        int max = 0;
        int first = Integer.MAX_VALUE; // the offset of the first node past the limit (its line found once, at the end)
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{document, 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Node node = (Node) top[0];
            int depth = (Integer) top[1] + (node instanceof BlockQuote || node instanceof ListBlock ? 1 : 0);
            max = Math.max(max, depth);
            if (depth > limit) {
                first = Math.min(first, node.getStartOffset());
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                stack.push(new Object[]{child, depth});
            }
        }
        return new Depth(max, first == Integer.MAX_VALUE ? Integer.MAX_VALUE : document.getLineNumber(first));
    }
}
