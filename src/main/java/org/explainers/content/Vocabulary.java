package org.explainers.content;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The controlled topic vocabulary, {@code content/_data/topics.yml}: slug, display name, description. */
public final class Vocabulary {

    public static final String FILE = "_data/topics.yml";
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KEYS = Set.of("slug", "name", "description");

    public record Topic(String slug, String name, String description, int line) {
    }

    private final Map<String, Topic> topics;

    private Vocabulary(Map<String, Topic> topics) {
        this.topics = topics;
    }

    /** Topics in file order, by slug. */
    public Map<String, Topic> topics() {
        return topics;
    }

    public Topic get(String slug) {
        return topics.get(slug);
    }

    /** Parses the vocabulary; every problem goes to {@code problems}. */
    public static Vocabulary parse(String path, String text, List<Problem> problems) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        Node root;
        try {
            root = new Yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            problems.add(Problem.error(path, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem(),
                    "each topic is `- slug: ...` followed by indented `name: ...` and `description: ...` lines"));
            return new Vocabulary(topics);
        }
        if (!(root instanceof SequenceNode seq)) {
            problems.add(Problem.error(path, 1, "the vocabulary is not a list of topics",
                    "start each topic with `- slug: ...`"));
            return new Vocabulary(topics);
        }
        Map<String, String> lowerCase = new HashMap<>();
        for (Node item : seq.getValue()) {
            int line = item.getStartMark().getLine() + 1;
            if (!(item instanceof MappingNode map)) {
                problems.add(Problem.error(path, line, "a topic is not a `slug/name/description` entry",
                        "write `- slug: ...` with indented `name:` and `description:` lines"));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                int keyLine = t.getKeyNode().getStartMark().getLine() + 1;
                if (!KEYS.contains(key)) {
                    problems.add(Problem.error(path, keyLine, "unknown key `" + key + "` in a topic",
                            "a topic has only slug, name and description" + Text.didYouMean(key, KEYS)));
                } else if (!(t.getValueNode() instanceof ScalarNode v) || v.getValue().isBlank()) {
                    problems.add(Problem.error(path, keyLine, "`" + key + "` is empty", "give the topic a " + key));
                } else {
                    values.put(key, v.getValue().strip());
                }
            }
            String slug = values.get("slug");
            for (String key : KEYS) {
                if (!values.containsKey(key) && map.getValue().stream().noneMatch(t ->
                        t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))) {
                    problems.add(Problem.error(path, line, "topic " + (slug == null ? "" : "`" + slug + "` ")
                            + "has no `" + key + "`", "add an indented `" + key + ": ...` line"));
                }
            }
            if (slug == null) {
                continue;
            }
            String other = lowerCase.put(slug.toLowerCase(Locale.ROOT), slug);
            if (other != null) {
                problems.add(Problem.error(path, line, "topic `" + slug + "` differs from `" + other
                        + "` only by case", "merge the two topics; slugs are lowercase"));
                continue;
            }
            if (!SLUG.matcher(slug).matches()) {
                problems.add(Problem.error(path, line, "topic slug `" + slug + "` is not a slug",
                        "use lowercase letters, digits and single hyphens, e.g. `" + Text.slugify(slug) + "`"));
                continue;
            }
            Topic previous = topics.get(slug);
            if (previous != null) {
                problems.add(Problem.error(path, line, "topic `" + slug + "` is defined twice (first on line "
                        + previous.line() + ")", "keep one entry"));
                continue;
            }
            topics.put(slug, new Topic(slug, values.getOrDefault("name", slug),
                    values.getOrDefault("description", ""), line));
        }
        return new Vocabulary(topics);
    }

    /** All slugs, for suggestions. */
    public List<String> slugs() {
        return new ArrayList<>(topics.keySet());
    }
}
