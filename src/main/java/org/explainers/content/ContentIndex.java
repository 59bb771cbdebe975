package org.explainers.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything the build knows about {@code content/} before JBake runs: every article and
 * section with its header, the topic vocabulary, and every problem found on the way.
 * Read once per bake; the checker reports its problems and the Markdown engine takes the
 * navigation (previous/next, parent, related) from it instead of querying JBake's database.
 */
public final class ContentIndex {

    public static final String ARTICLES = "articles";
    static final Pattern FILE_SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Files JBake copies as they are (images and downloads referenced from the text). */
    /** Editors' backup and swap files and system folder files (Emacs, Vim, JetBrains, Windows, macOS). */
    private static final Pattern JUNK = Pattern.compile(".*~|#.*#|.*\\.(swp|swo|tmp|bak|orig)|.*___jb_(tmp|old)___|Thumbs\\.db|desktop\\.ini|Icon\r", Pattern.CASE_INSENSITIVE);
    static final Set<String> MEDIA = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "pdf", "csv");

    static final Set<String> COMMON_REQUIRED = Set.of("title", "type", "date", "status", "summary");
    static final Set<String> ARTICLE_KEYS = Set.of("title", "type", "date", "updated", "status", "summary", "author");
    static final Set<String> SECTION_KEYS = Set.of("title", "type", "article", "order", "level", "date", "updated",
            "status", "topics", "summary");
    static final Set<String> SECTION_REQUIRED = Set.of("article", "order", "topics");
    /** Ids the article page already uses: a section may not take one as its #anchor. */
    static final Set<String> RESERVED_IDS = Set.of("main", "contents", "toc-title", "search-q", "search-status",
            "search-results", "related-title", "topics-title", "latest-title");

    /** An article: {@code content/articles/<slug>/index.md}. */
    public static final class Article {
        public final String slug;
        /** Null until the article's index.md is read (its sections may come first). */
        public String source;
        public FrontMatter header;
        public final List<Section> sections = new ArrayList<>();
        LocalDate date;
        int rank;

        Article(String slug, String source, FrontMatter header) {
            this.slug = slug;
            this.source = source;
            this.header = header;
        }

        public String title() {
            return header.get("title");
        }

        public String uri() {
            return ARTICLES + "/" + slug + "/index.html";
        }

        public boolean published() {
            return "published".equals(header.get("status"));
        }

        /** The published sections in article order. */
        public List<Section> publishedSections() {
            return sections.stream().filter(Section::published).toList();
        }

        public LocalDate date() {
            return date;
        }
    }

    /** One section of an article: {@code content/articles/<article>/<nn>-<slug>.md}. */
    public static final class Section {
        public final Article article;
        public final String source;
        public final String anchor;
        public final FrontMatter header;
        public final List<String> topics = new ArrayList<>();
        int order = Integer.MAX_VALUE;
        int level = 1;

        Section(Article article, String source, String anchor, FrontMatter header) {
            this.article = article;
            this.source = source;
            this.anchor = anchor;
            this.header = header;
        }

        public String title() {
            return header.get("title");
        }

        public String summary() {
            return header.get("summary");
        }

        public int order() {
            return order;
        }

        public int level() {
            return level;
        }

        public String uri() {
            return source.substring(0, source.length() - 3) + ".html";
        }

        public boolean published() {
            return "published".equals(header.get("status")) && article.published();
        }

        /** Marked as a draft, itself or through its article (an invalid status is neither). */
        boolean draft() {
            return "draft".equals(header.get("status")) || article.header != null && "draft".equals(article.header.get("status"));
        }

        /** Sorts sections across articles in reading order: article rank, then order. */
        public String sortKey() {
            return String.format(Locale.ROOT, "%06d-%06d", article.rank, order);
        }
    }

    private final Path contentDir;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Article> articles = new TreeMap<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();
    /** Body text of every Markdown file, kept only until the body checks ran. */
    private final Map<String, Body> bodies = new LinkedHashMap<>();
    private final Set<String> mediaFiles = new LinkedHashSet<>();
    /** Markdown files that could not be decoded: their pages count as present for links. */
    private final Set<String> unreadable = new LinkedHashSet<>();
    private Vocabulary vocabulary;
    /** The vocabulary could not be read: sections' topics are not reported one by one as unknown. */
    private boolean topicsUnchecked;

    record Body(String source, List<String> lines, int firstLine) {
    }

    private ContentIndex(Path contentDir) {
        this.contentDir = contentDir;
    }

    /** Reads and checks the whole content folder. */
    public static ContentIndex load(Path contentDir) {
        ContentIndex index = new ContentIndex(contentDir.toAbsolutePath().normalize());
        index.read();
        return index;
    }

    public Path contentDir() {
        return contentDir;
    }

    public List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        Collections.sort(sorted);
        return sorted;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> !p.warning());
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Articles newest first (then by slug): the order of the home page and of topic pages. */
    public List<Article> articles() {
        List<Article> list = new ArrayList<>(articles.values());
        list.sort(ARTICLE_ORDER);
        return list;
    }

    public List<Article> publishedArticles() {
        return articles().stream().filter(Article::published).toList();
    }

    /** By source path relative to the content folder, e.g. {@code articles/a/01-b.md}. */
    public Section section(String source) {
        return sections.get(source);
    }

    public Article article(String source) {
        String[] parts = source.split("/");
        Article a = parts.length == 3 ? articles.get(parts[1]) : null;
        return a != null && source.equals(a.source) ? a : null;
    }

    public List<Section> publishedSections() {
        List<Section> list = new ArrayList<>();
        for (Article a : publishedArticles()) {
            list.addAll(a.publishedSections());
        }
        return list;
    }

    static final Comparator<Article> ARTICLE_ORDER = Comparator
            .comparing((Article a) -> a.date == null ? LocalDate.MIN : a.date).reversed()
            .thenComparing(a -> a.slug);

    // ------------------------------------------------------------------ reading

    private String display(String source) {
        return "content/" + source;
    }

    private void read() {
        if (!Files.isDirectory(contentDir)) {
            problems.add(Problem.error("content", 0, "the content folder is missing", "create content/"));
            vocabulary = Vocabulary.parse("content/" + Vocabulary.FILE, "[]", new ArrayList<>());
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(contentDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Reading, decoding and parsing the headers is most of the check: done on every core,
        // in file order; everything that compares files with each other follows in order.
        Map<Path, Read> read = new HashMap<>();
        files.parallelStream().map(this::read).toList().forEach(r -> read.put(r.file(), r));
        String vocabularyText = null;
        boolean vocabularyFound = false;
        for (Path file : files) {
            String source = contentDir.relativize(file).toString().replace('\\', '/');
            String name = file.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // hidden files (.jbakeignore, .gitkeep) are not content; JBake skips them too
            }
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            if (source.equals(Vocabulary.FILE)) {
                vocabularyFound = true;
                vocabularyText = text(read.get(file));
            } else if (ext.equals("md")) {
                Read r = read.get(file);
                if (text(r) != null) {
                    readMarkdown(source, r.lines(), r.header());
                } else {
                    unreadable.add(source.substring(0, source.length() - 3) + ".html");
                }
            } else if (MEDIA.contains(ext.toLowerCase(Locale.ROOT)) && !source.startsWith("_data/")) {
                mediaFiles.add(source);
            } else if (JUNK.matcher(name).matches()) {
                // An editor's backup or an operating system's folder file: it would be copied into
                // the site like an image (a backup of a draft, published).
                problems.add(Problem.error(display(source), 0, "`" + name + "` is an editor's backup or a system file, not content",
                        "delete it; .gitignore already keeps such files out of the repository"));
            } else {
                problems.add(Problem.error(display(source), 0, "unknown kind of content file ." + ext,
                        "content files are Markdown (.md); images and downloads (" + String.join(", ", new java.util.TreeSet<>(MEDIA))
                                + ") may sit beside them; move anything else out of content/"));
            }
        }
        if (vocabularyText == null) {
            // Missing, or unreadable (its own message says why): no topic can be checked.
            if (!vocabularyFound) {
                problems.add(Problem.error(display(Vocabulary.FILE), 0, "the topic vocabulary is missing",
                        "create content/" + Vocabulary.FILE + " listing every topic"));
            }
            topicsUnchecked = true;
        }
        vocabulary = Vocabulary.parse(display(Vocabulary.FILE), vocabularyText == null ? "[]" : vocabularyText, problems);
        linkSections();
        checkOutputs();
        checkTopics();
        new BodyChecker(this).check(bodies.values(), problems);
        bodies.clear();
    }

    /**
     * A file as read: its text (for Markdown only its lines and header), or the problem that
     * stopped the reading. Made without touching the index, so files can be read side by side.
     */
    private record Read(Path file, String text, Problem problem, List<String> lines, FrontMatter header) {
    }

    /** The text of a read file, or null after recording why there is none. */
    private String text(Read r) {
        if (r.problem() != null) {
            problems.add(r.problem());
        }
        return r.text();
    }

    private Read read(Path file) {
        String source = contentDir.relativize(file).toString().replace('\\', '/');
        if (file.getFileName().toString().endsWith(".md") || source.equals(Vocabulary.FILE)) {
            Object text = readText(source, file);
            if (text instanceof Problem p) {
                return new Read(file, null, p, null, null);
            }
            if (source.endsWith(".md")) {
                // Only the lines are kept: at 10,000 sections the text twice over is 100 MB more.
                List<String> lines = ((String) text).lines().toList();
                return new Read(file, "", null, lines, FrontMatter.parse(display(source), lines));
            }
            return new Read(file, (String) text, null, null, null);
        }
        return new Read(file, null, null, null, null);
    }

    /** Reads a file as strict UTF-8 without a byte-order mark: its text, or the {@link Problem}. */
    private Object readText(String source, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Problem.error(display(source), 0, "cannot be read: " + e.getMessage(), "check the file's permissions");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return Problem.error(display(source), 1, "the file starts with a byte-order mark", "save it as UTF-8 without BOM");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.isBlank()) {
                return Problem.error(display(source), 0, "the file is empty", "write a header and text, or delete the file");
            }
            return text;
        } catch (CharacterCodingException e) {
            return Problem.error(display(source), firstBadLine(bytes), "the file is not UTF-8", "save it with UTF-8 encoding");
        }
    }

    /** The 1-based line holding the first byte sequence that is not UTF-8. */
    private static int firstBadLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    private void readMarkdown(String source, List<String> lines, FrontMatter header) {
        problems.addAll(header.problems());
        String[] parts = source.split("/");
        if (parts.length != 3 || !parts[0].equals(ARTICLES)) {
            problems.add(Problem.error(display(source), 0, "a content file outside an article folder",
                    "put it in content/articles/<article-slug>/ (index.md for the article, <nn>-<slug>.md for a section)"));
            return;
        }
        String folder = parts[1];
        String file = parts[2].substring(0, parts[2].length() - 3);
        if (!FILE_SLUG.matcher(folder).matches()) {
            problems.add(Problem.error(display(source), 0, "the article folder `" + folder + "` is not a slug",
                    "rename it to `" + Text.slugify(folder) + "` (lowercase letters, digits, hyphens)"));
            return;
        }
        if (!FILE_SLUG.matcher(file).matches()) {
            problems.add(Problem.error(display(source), 0, "the file name `" + parts[2] + "` is not a slug",
                    "rename it to `" + Text.slugify(file) + ".md` (lowercase letters, digits, hyphens)"));
            return;
        }
        if (header.bodyStart() < 0) {
            // Reported above; links to the page are not reported again as links to nothing.
            unreadable.add(source.substring(0, source.length() - 3) + ".html");
            return;
        }
        bodies.put(source, new Body(source, lines.subList(header.bodyStart(), lines.size()), header.bodyStart() + 1));
        String type = header.get("type");
        boolean isIndex = file.equals("index");
        if (isIndex && !"article".equals(type) || !isIndex && "article".equals(type)) {
            Integer line = header.fields().containsKey("type") ? header.fields().get("type").line() : 1;
            problems.add(Problem.error(display(source), line, isIndex
                    ? "an article's index.md must have `type: article`" : "only index.md may have `type: article`",
                    isIndex ? "set `type: article`" : "set `type: section`, or rename the file to index.md"));
        }
        if (isIndex) {
            Article article = articles.computeIfAbsent(folder, f -> new Article(f, null, null));
            article.source = source;
            article.header = header;
            checkHeader(source, header, ARTICLE_KEYS, Set.of());
            article.date = parseDates(source, header);
        } else {
            String anchor = file.replaceFirst("^[0-9]+-", "");
            Article article = articles.computeIfAbsent(folder, f -> new Article(f, null, null));
            Section section = new Section(article, source, anchor, header);
            sections.put(source, section);
            article.sections.add(section);
            checkHeader(source, header, SECTION_KEYS, SECTION_REQUIRED);
            parseDates(source, header);
            FrontMatter.Field articleField = header.fields().get("article");
            if (articleField != null && !articleField.value().isEmpty() && !articleField.value().equals(folder)) {
                problems.add(Problem.error(display(source), articleField.line(), "`article: " + articleField.value()
                        + "` does not match the folder `" + folder + "`", "set `article: " + folder + "`"));
            }
            section.order = parseInt(source, header, "order", Integer.MAX_VALUE, 1, 9999);
            section.level = parseInt(source, header, "level", 1, 1, 2);
            section.topics.addAll(topicsOf(header));
        }
    }

    /** A section header's topics: a list, or one line separated by commas. */
    public static List<String> topicsOf(FrontMatter header) {
        FrontMatter.Field topics = header.fields().get("topics");
        if (topics == null) {
            return List.of();
        }
        return topics.isList() ? topics.list()
                : Stream.of(topics.value().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void checkHeader(String source, FrontMatter header, Set<String> allowed, Set<String> required) {
        String path = display(source);
        for (FrontMatter.Field f : header.fields().values()) {
            if (!allowed.contains(f.key())) {
                String hint = f.key().equals("tags") ? "; did you mean `topics`?" : Text.didYouMean(f.key(), allowed);
                problems.add(Problem.error(path, f.line(), "unknown header key `" + f.key() + "`",
                        "use one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + hint));
            } else if (f.value().isBlank() && !f.key().equals("topics")) {
                problems.add(Problem.error(path, f.line(), "`" + f.key() + "` is empty", "give `" + f.key() + "` a value"));
            }
        }
        Set<String> needed = new java.util.TreeSet<>(COMMON_REQUIRED);
        needed.addAll(required);
        for (String key : needed) {
            boolean misnamed = key.equals("topics") && header.fields().containsKey("tags"); // its message says "did you mean `topics`?"
            if (!header.fields().containsKey(key) && !header.rejected(key) && !misnamed) {
                problems.add(Problem.error(path, 1, "the header has no `" + key + "`", "add a `" + key + ": ...` line"));
            }
        }
        FrontMatter.Field status = header.fields().get("status");
        if (status != null && !status.value().isBlank() && !Set.of("published", "draft").contains(status.value())) {
            problems.add(Problem.error(path, status.line(), "status `" + status.value() + "` is not valid",
                    "use `published` or `draft`" + Text.didYouMean(status.value(), List.of("published", "draft"))));
        }
        FrontMatter.Field type = header.fields().get("type");
        if (type != null && !type.value().isBlank() && !Set.of("article", "section").contains(type.value())) {
            problems.add(Problem.error(path, type.line(), "type `" + type.value() + "` is not valid",
                    "use `section` (or `article` in index.md)"));
        }
        FrontMatter.Field topics = header.fields().get("topics");
        if (topics != null && topics.value().isBlank()) {
            problems.add(Problem.error(path, topics.line(), "`topics` is empty",
                    "tag the section with at least one topic from content/" + Vocabulary.FILE));
        }
    }

    /** `date`, checked; `updated` too, which cannot come before it. */
    private LocalDate parseDates(String source, FrontMatter header) {
        LocalDate date = parseDate(source, header, "date");
        LocalDate updated = parseDate(source, header, "updated");
        if (date != null && updated != null && updated.isBefore(date)) {
            problems.add(Problem.error(display(source), header.fields().get("updated").line(),
                    "`updated: " + updated + "` is before `date: " + date + "`",
                    "`updated` is when the text last changed after it was published: a later date, or no `updated` line"));
        }
        return date;
    }

    private LocalDate parseDate(String source, FrontMatter header, String key) {
        FrontMatter.Field f = header.fields().get(key);
        if (f == null || f.value().isBlank()) {
            return null;
        }
        try {
            if (!f.value().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", f.value(), 0);
            }
            return LocalDate.parse(f.value());
        } catch (DateTimeParseException e) {
            problems.add(Problem.error(display(source), f.line(), "`" + key + ": " + f.value() + "` is not a valid date",
                    "write the date as YYYY-MM-DD, e.g. 2026-11-20"));
            return null;
        }
    }

    private int parseInt(String source, FrontMatter header, String key, int missing, int min, int max) {
        FrontMatter.Field f = header.fields().get(key);
        if (f == null || f.value().isBlank()) {
            return missing;
        }
        try {
            int v = Integer.parseInt(f.value());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(Problem.error(display(source), f.line(), "`" + key + ": " + f.value() + "` is not a whole number from "
                    + min + " to " + max, "write a number, e.g. `" + key + ": " + min + "`"));
            return missing;
        }
    }

    /** Puts sections in article order and checks what depends on the whole article. */
    private void linkSections() {
        for (Article article : articles.values()) {
            if (article.source == null) {
                Section first = article.sections.get(0);
                problems.add(Problem.error(display(first.source), 0, "the article folder `" + article.slug
                        + "` has no index.md", "add content/articles/" + article.slug + "/index.md with `type: article`"));
                continue;
            }
            article.sections.sort(Comparator.comparingInt((Section s) -> s.order).thenComparing(s -> s.source));
            Map<Integer, Section> byOrder = new HashMap<>();
            Map<String, Section> byAnchor = new HashMap<>();
            for (Section s : article.sections) {
                if (s.order != Integer.MAX_VALUE) {
                    Section other = byOrder.putIfAbsent(s.order, s);
                    if (other != null) {
                        problems.add(Problem.error(display(s.source), s.header.fields().get("order").line(), "`order: " + s.order
                                + "` is also used by " + display(other.source), "give each section of an article its own order"));
                    }
                }
                if (RESERVED_IDS.contains(s.anchor)) {
                    problems.add(Problem.error(display(s.source), 0, "the section name `" + s.anchor
                            + "` is reserved for the page itself (#" + s.anchor + ")", "rename the file, e.g. to `"
                            + s.source.substring(s.source.lastIndexOf('/') + 1).replace(s.anchor + ".md", s.anchor + "-section.md") + "`"));
                }
                Section twin = byAnchor.putIfAbsent(s.anchor, s);
                if (twin != null) {
                    problems.add(Problem.error(display(s.source), 0, "the section name `" + s.anchor + "` is also used by "
                            + display(twin.source) + " (both would get the same #anchor on the article page)",
                            "rename one of the files"));
                }
            }
            List<Section> published = article.publishedSections();
            if (!published.isEmpty() && published.get(0).level != 1) {
                Section s = published.get(0);
                FrontMatter.Field level = s.header.fields().get("level");
                problems.add(Problem.error(display(s.source), level == null ? 1 : level.line(),
                        "the first section of an article is a sub-section (`level: 2`)", "make it `level: 1`"));
            }
            if (article.published() && published.isEmpty()) {
                problems.add(Problem.warning(display(article.source), 0, "the article has no published section",
                        "add a section, or set the article to `status: draft`"));
            }
        }
        List<Article> ordered = articles();
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).rank = i;
        }
    }

    /** Two sources must not write the same file, even on a case-insensitive disk or host. */
    private void checkOutputs() {
        Map<String, String> outputs = new HashMap<>();
        List<String> sources = new ArrayList<>();
        for (Article a : articles.values()) {
            if (a.source != null) {
                sources.add(a.source);
            }
            a.sections.forEach(s -> sources.add(s.source));
        }
        sources.addAll(mediaFiles);
        Collections.sort(sources);
        for (String source : sources) {
            String output = source.endsWith(".md") ? source.substring(0, source.length() - 3) + ".html" : source;
            String other = outputs.putIfAbsent(output.toLowerCase(Locale.ROOT), source);
            if (other != null) {
                problems.add(Problem.error(display(source), 0, "would write the same file as " + display(other)
                        + " (" + output + ")", "rename one of them"));
            }
        }
    }

    private void checkTopics() {
        Map<String, Integer> uses = new HashMap<>();
        for (Section s : sections.values()) {
            FrontMatter.Field field = s.header.fields().get("topics");
            int line = field == null ? 1 : field.line();
            Set<String> seen = new LinkedHashSet<>();
            for (String topic : s.topics) {
                if (!seen.add(topic)) {
                    problems.add(Problem.error(display(s.source), line, "topic `" + topic + "` is listed twice",
                            "list each topic once"));
                } else if (vocabulary.get(topic) == null && !topicsUnchecked) {
                    String near = Text.closest(topic, vocabulary.slugs());
                    problems.add(Problem.error(display(s.source), line, "unknown topic `" + topic + "`",
                            near != null ? "did you mean `" + near + "`? Otherwise add it to content/" + Vocabulary.FILE
                                    : "use a topic from content/" + Vocabulary.FILE + " or add it there"));
                } else {
                    uses.merge(topic, 1, Integer::sum);
                }
            }
        }
        for (Vocabulary.Topic t : vocabulary.topics().values()) {
            if (!uses.containsKey(t.slug())) {
                problems.add(Problem.warning(display(Vocabulary.FILE), t.line(), "no section uses topic `" + t.slug() + "`",
                        "tag a section with it, or remove it from the vocabulary"));
            }
        }
    }

    // ------------------------------------------------------------------ what the site will contain

    /** Media files (relative to content/) that JBake copies into the site. */
    Set<String> mediaFiles() {
        return mediaFiles;
    }

    Set<String> unreadablePages() {
        return unreadable;
    }

    Map<String, Section> sectionsBySource() {
        return sections;
    }

    Map<String, Article> articlesBySlug() {
        return articles;
    }
}
