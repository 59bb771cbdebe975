package org.explainers.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Adds synthetic articles to a copy of the project, for the benchmark ({@code bench/run}) and
 * for the tests of a large site.
 *
 * <p>Deterministic for a seed: {@code sections} sections in articles of 50 (the last one
 * shorter), 3-5 paragraphs of 150-250 words each, built from the sentences of the project's
 * own articles; 1-3 topics per section drawn from {@code content/_data/topics.yml}; mostly
 * level-1 sections with some sub-sections; dates spread over the years with two articles per
 * day (equal dates exercise the tie order); some sections updated later, a few drafts; every
 * article signed by the first author of {@code content/_data/authors.yml}.
 *
 * <pre>java -cp ... org.explainers.bench.SyntheticContent PROJECT_DIR SECTIONS [SEED]</pre>
 */
public final class SyntheticContent {

    public static final int SECTIONS_PER_ARTICLE = 50;
    private static final Pattern TOPIC = Pattern.compile("^- slug:\\s*(\\S+)", Pattern.MULTILINE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u201d])\\s+(?=[A-Z\u201c])");

    private SyntheticContent() {
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args[0]);
        int sections = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        int articles = generate(project, sections, seed);
        System.out.println("added " + sections + " sections in " + articles + " articles to " + project.resolve("content"));
    }

    /** Writes the synthetic articles under {@code project/content/articles/}; returns how many. */
    public static int generate(Path project, int sections, long seed) throws IOException {
        Path content = project.resolve("content");
        List<String> topics = slugs(content.resolve("_data/topics.yml"));
        String author = slugs(content.resolve("_data/authors.yml")).get(0);
        List<String> sentences = sentences(content.resolve("articles"));
        List<String> words = words(sentences);
        Random random = new Random(seed);
        LocalDate base = LocalDate.of(2021, 1, 4);
        int articles = (sections + SECTIONS_PER_ARTICLE - 1) / SECTIONS_PER_ARTICLE;
        for (int a = 0; a < articles; a++) {
            int count = Math.min(SECTIONS_PER_ARTICLE, sections - a * SECTIONS_PER_ARTICLE);
            String title = title(random, words, 6 + random.nextInt(5));
            String slug = String.format("bench-%05d-%s", a + 1, slug(title, 3));
            LocalDate date = base.plusDays(a / 2); // two articles per day: equal dates on purpose
            Path dir = content.resolve("articles").resolve(slug);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("index.md"), "---\n"
                    + "title: \"" + title + "\"\n"
                    + "type: article\n"
                    + "date: " + date + "\n"
                    + "status: published\n"
                    + "authors: [" + author + "]\n"
                    + "summary: " + quoted(summary(random, sentences)) + "\n"
                    + "---\n\n"
                    + paragraph(random, sentences) + "\n", StandardCharsets.UTF_8);
            for (int s = 1; s <= count; s++) {
                String sectionTitle = title(random, words, 3 + random.nextInt(4));
                String file = String.format("%02d-%s-%d.md", s, slug(sectionTitle, 3), s);
                Set<String> chosen = new LinkedHashSet<>();
                int n = 1 + random.nextInt(3);
                while (chosen.size() < n) {
                    chosen.add(topics.get(random.nextInt(topics.size())));
                }
                int level = s > 1 && random.nextInt(4) == 0 ? 2 : 1;
                boolean draft = s > 1 && random.nextInt(40) == 0;
                StringBuilder md = new StringBuilder("---\n")
                        .append("title: \"").append(sectionTitle).append("\"\n")
                        .append("type: section\n")
                        .append("article: ").append(slug).append('\n')
                        .append("order: ").append(s).append('\n')
                        .append("level: ").append(level).append('\n')
                        .append("date: ").append(date).append('\n');
                if (random.nextInt(5) == 0) {
                    md.append("updated: ").append(date.plusDays(1 + random.nextInt(300))).append('\n');
                }
                md.append("status: ").append(draft ? "draft" : "published").append('\n')
                        .append("topics: [").append(String.join(", ", chosen)).append("]\n")
                        .append("summary: ").append(quoted(summary(random, sentences))).append('\n')
                        .append("---\n\n");
                int paragraphs = 3 + random.nextInt(3);
                for (int p = 0; p < paragraphs; p++) {
                    md.append(paragraph(random, sentences)).append("\n\n");
                }
                Files.writeString(dir.resolve(file), md.toString().stripTrailing() + "\n", StandardCharsets.UTF_8);
            }
        }
        return articles;
    }

    private static List<String> slugs(Path vocabulary) throws IOException {
        List<String> slugs = new ArrayList<>();
        Matcher m = TOPIC.matcher(Files.readString(vocabulary, StandardCharsets.UTF_8));
        while (m.find()) {
            slugs.add(m.group(1));
        }
        if (slugs.isEmpty()) {
            throw new IllegalStateException("no topics in " + vocabulary);
        }
        return slugs;
    }

    /** Plain-prose sentences of the project's own sections (no headings, lists, links or markup). */
    private static List<String> sentences(Path articles) throws IOException {
        List<String> sentences = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(articles)) {
            files = walk.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/bench-")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int end = text.indexOf("\n---", 3);
            String body = end < 0 ? text : text.substring(end + 4);
            for (String para : body.split("\n\\s*\n")) {
                String p = para.strip().replace('\n', ' ');
                if (p.isEmpty() || !Character.isLetter(p.charAt(0)) || p.matches(".*[\\[\\]<>`*_#|\\\\].*")) {
                    continue;
                }
                for (String s : SENTENCE_END.split(p)) {
                    if (s.length() > 30) {
                        sentences.add(s.strip());
                    }
                }
            }
        }
        if (sentences.size() < 10) {
            sentences.add("Negotiators on both sides say the talks will resume once the ceasefire holds.");
            sentences.add("The proposal leaves the most difficult questions about territory and security for later.");
        }
        return sentences;
    }

    private static List<String> words(List<String> sentences) {
        Set<String> words = new LinkedHashSet<>();
        for (String s : sentences) {
            for (String w : s.split("[^\\p{L}]+")) {
                if (w.length() > 4 && w.chars().allMatch(c -> c < 128)) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(words);
    }

    private static String paragraph(Random random, List<String> sentences) {
        int target = 150 + random.nextInt(101);
        StringBuilder p = new StringBuilder();
        int words = 0;
        while (words < target) {
            String s = sentences.get(random.nextInt(sentences.size()));
            p.append(p.length() > 0 ? " " : "").append(s);
            words += s.split("\\s+").length;
        }
        return p.toString();
    }

    private static String summary(Random random, List<String> sentences) {
        String s = sentences.get(random.nextInt(sentences.size()));
        return s.length() > 220 ? s.substring(0, s.lastIndexOf(' ', 200)) + "." : s;
    }

    /** A YAML double-quoted string. */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String title(Random random, List<String> words, int n) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = words.get(random.nextInt(words.size()));
            t.append(i > 0 ? " " : "").append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return t.toString();
    }

    private static String slug(String title, int words) {
        String[] parts = title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts.length && i < words; i++) {
            if (!parts[i].isEmpty()) {
                s.append(s.length() > 0 ? "-" : "").append(parts[i]);
            }
        }
        return s.toString();
    }
}
