package org.explainers.content;

import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project being built: its folders, JBake's configuration ({@code jbake.properties}) and
 * the settings this site adds to it, each checked once. Everything else reads them from here.
 */
public final class Project {

    public final Path dir;
    public final DefaultJBakeConfiguration jbake;
    public final Path content;
    public final Path templates;
    public final Path assets;
    public final SiteAddress address;
    /** The site's time zone: dates without an offset are read in it, and shown in it. */
    public final ZoneId zone;
    /** Hosts whose pages may be embedded (iframes), e.g. a chart or video service; none by default. */
    public final Set<String> embedHosts;
    public final SitePaths paths;
    private final String settingsKey;

    private Project(Path dir, DefaultJBakeConfiguration jbake, SiteAddress address, ZoneId zone, Set<String> embedHosts) {
        this.dir = dir;
        this.jbake = jbake;
        this.content = dir.resolve(jbake.getContentFolderName());
        this.templates = dir.resolve(jbake.getTemplateFolderName());
        this.assets = dir.resolve(jbake.getAssetFolderName());
        this.address = address;
        this.zone = zone;
        this.embedHosts = embedHosts;
        this.paths = SitePaths.of(jbake);
        String key;
        try {
            key = Images.sha256(Files.readAllBytes(dir.resolve("jbake.properties")));
        } catch (IOException e) {
            key = "";
        }
        // Which template renders each kind of page, wherever JBake's configuration took it from
        // (custom.properties or a -D option override jbake.properties): pages are kept by this key.
        java.util.TreeMap<String, String> templates = new java.util.TreeMap<>();
        jbake.getKeys().forEachRemaining(k -> {
            if (k.startsWith("template.")) {
                templates.put(k, String.valueOf(jbake.get(k)));
            }
        });
        StringBuilder all = new StringBuilder(key);
        templates.forEach((k, v) -> all.append('\n').append(k.length()).append(':').append(k).append('=').append(v.length()).append(':').append(v));
        this.settingsKey = Images.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A fingerprint of jbake.properties and of the template each kind of page uses (wherever JBake
     * took that from): what is made from the settings (addresses, names, dates) is keyed by it.
     */
    public String settingsKey() {
        return settingsKey;
    }

    /**
     * Reads jbake.properties and checks the settings; returns null after reporting why the
     * project cannot be built.
     *
     * @param siteHost the deployment's address from the command line (empty is refused), or null for jbake.properties' own
     */
    public static Project open(Path dir, Path output, String siteHost, Problems problems) {
        Path project = dir.toAbsolutePath().normalize();
        if (!literal(project, problems)) {
            return null;
        }
        DefaultJBakeConfiguration jbake;
        try {
            jbake = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(project.toFile(), output.toFile(), true);
        } catch (RuntimeException e) {
            problems.error("jbake.properties", 0, "cannot be read: " + e.getMessage(), "check the file");
            return null;
        }
        // Commons Configuration replaces `${env:…}`, `${file:…}`, `${url:…}` in values with what the building machine
        // has (CVE-2022-33980's lookups): settings are taken as written, whatever got past the check above.
        jbake.getCompositeConfiguration().setInterpolator(null);
        Settings settings = new Settings(project);
        int before = problems.errors().size();
        settings.jbakeDefaults(jbake, problems);
        // The input folders are the project's own: `content.folder=.git` would publish the repository.
        settings.folder(jbake.getContentFolderName(), "content.folder", "content", problems);
        settings.folder(jbake.getTemplateFolderName(), "template.folder", "templates", problems);
        settings.folder(jbake.getAssetFolderName(), "asset.folder", "assets", problems);

        // JBake's names for the pages it knows: each is written where it says, so a name with a
        // folder or `..` in it would write (and a later build remove) a file outside the site.
        Set<String> taken = new TreeSet<>(RESERVED);
        settings.outputName(jbake.getIndexFileName(), "index.file", ".html", taken, problems);
        settings.outputName(jbake.getArchiveFileName(), "archive.file", ".html", taken, problems);
        settings.outputName(jbake.getError404FileName(), "error404.file", ".html", taken, problems);
        settings.outputName(jbake.getFeedFileName(), "feed.file", ".xml", taken, problems);
        settings.outputName(jbake.getSiteMapFileName(), "sitemap.file", ".xml", taken, problems);
        settings.outputName(jbake.getTagPathName(), "tag.path", "", taken, problems);
        // A large site's sitemap is split into <stem>-1.xml, <stem>-2.xml, …: no other page may have such a name.
        String sitemap = jbake.getSiteMapFileName().replaceFirst("\\.xml$", "");
        for (String key : List.of("index.file", "archive.file", "error404.file", "feed.file", "tag.path")) {
            String name = text(jbake.get(key));
            String stem = name == null ? "" : name.replaceFirst("\\.(html|xml)$", "");
            if (stem.startsWith(sitemap + "-") && !stem.substring(sitemap.length() + 1).isEmpty()
                    && stem.substring(sitemap.length() + 1).chars().allMatch(Character::isDigit)) {
                problems.error("jbake.properties", settings.line(key), key + "=" + name + " is the name of a part of a large site's sitemap",
                        "choose another name");
            }
        }

        boolean fromCommandLine = siteHost != null;
        String host = fromCommandLine ? siteHost : jbake.getSiteHost();
        SiteAddress address = null;
        try {
            address = SiteAddress.parse(host);
        } catch (IllegalArgumentException e) {
            if (fromCommandLine && host.isBlank()) {
                problems.error("-Dsite.host", 0, "is empty (was a variable not set?)",
                        "write the site's full address, e.g. -Dsite.host=https://example.org/explainers/, or leave -Dsite.host out for site.host in jbake.properties");
            } else if (fromCommandLine) {
                problems.error("-Dsite.host", 0, "`" + host + "` " + e.getMessage(),
                        "write the site's full address, e.g. -Dsite.host=https://example.org/explainers/");
            } else {
                problems.error("jbake.properties", settings.line("site.host"), "site.host=" + host + " " + e.getMessage(),
                        "write the site's full address, e.g. site.host=https://example.org/explainers/");
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        String zoneName = text(jbake.get("site.timezone"));
        if (zoneName != null && !zoneName.isBlank()) {
            try {
                zone = ZoneId.of(zoneName.strip());
            } catch (DateTimeException e) {
                problems.error("jbake.properties", settings.line("site.timezone"), "site.timezone=" + zoneName + " is not a time zone",
                        "write a zone such as Europe/London, America/New_York or UTC");
            }
        }
        String language = text(jbake.get("site.language"));
        String languageProblem = language == null || language.isBlank() ? null : Text.languageProblem(language.strip());
        if (languageProblem != null) {
            // Every page's <html lang>: a screen reader reads the site in the voice it names.
            problems.error("jbake.properties", settings.line("site.language"), "site.language=" + language + " is not a language tag" + languageProblem,
                    "write a code such as en, fr or pt-BR");
        }
        Set<String> embeds = new TreeSet<>();
        for (String h : list(jbake.get("embed.hosts"))) {
            String host1 = h.strip().toLowerCase(Locale.ROOT);
            if (host1.isEmpty()) {
                continue;
            }
            if (!host1.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                problems.error("jbake.properties", settings.line("embed.hosts"), "embed.hosts: `" + h.strip() + "` is not a host name",
                        "list host names only, e.g. embed.hosts=www.youtube-nocookie.com,datawrapper.dwcdn.net");
            } else {
                embeds.add(host1);
            }
        }
        String repository = text(jbake.get("site.repository"));
        if (repository != null && !repository.isBlank() && (Urls.linkProblem(repository) != null || !"https".equals(Urls.scheme(repository)))) {
            problems.error("jbake.properties", settings.line("site.repository"), "site.repository=" + repository + " is not an https:// address",
                    "write the repository's file address, e.g. https://github.com/<owner>/<repo>/blob/main");
        }
        if (problems.errors().size() > before) {
            return null;
        }
        return new Project(project, jbake, address, zone, embeds);
    }

    /** Names at the site's root that the build uses itself: content's folders, the search, the assets' folders, robots.txt. */
    private static final Set<String> RESERVED = Set.of("articles", "pages", "authors", "search", "js", "css", "fonts", "images", "robots");

    /** A setting as one string: JBake's configuration splits values on commas into lists. */
    public static String text(Object value) {
        if (value instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return value == null ? null : value.toString();
    }

    private static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            for (String s : value.toString().split(",")) {
                out.add(s);
            }
        }
        return out;
    }

    public String setting(String key) {
        return text(jbake.get(key));
    }

    /**
     * Whether the settings files (jbake.properties, and JBake's custom.properties beside it) are
     * free of `${`, which would put a value of the machine that builds into the site or its log:
     * an environment variable's (a token), a file's, a web address's (a request from the CI).
     */
    private static boolean literal(Path project, Problems problems) {
        boolean ok = true;
        if (Files.exists(project.resolve("custom.properties"), LinkOption.NOFOLLOW_LINKS)) {
            // JBake reads it before jbake.properties, and its settings win: the site's address, its embed hosts, its templates.
            problems.error("custom.properties", 0, "overrides the settings of jbake.properties (JBake reads it first)",
                    "put the settings in jbake.properties, which maintainers review, and delete custom.properties");
            ok = false;
        }
        if (Files.isSymbolicLink(project.resolve("jbake.properties"))) {
            // Read through, it would be any file of the machine that builds: its values on the site, its lines in messages.
            problems.error("jbake.properties", 0, "is a symbolic link (the build would read the file it names, wherever that is)",
                    "commit the settings file itself, not a link");
            return false;
        }
        for (String name : List.of("jbake.properties", "custom.properties")) {
            Path file = project.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                // As java.util.Properties reads it (ISO-8859-1): `$` and `{` are the same bytes in UTF-8.
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                Set<Integer> told = new TreeSet<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("${")) {
                        told.add(i + 1);
                    }
                }
                // And as the reader decodes it: `\u0024{`, `$\{` or `$\` at a line's end followed by `{` is `${` once read.
                java.util.Properties read = new java.util.Properties();
                try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    read.load(in);
                }
                for (String key : read.stringPropertyNames()) {
                    if ((key + read.getProperty(key)).contains("${")) {
                        int line = 0;
                        for (int i = 0; i < lines.size() && line == 0; i++) {
                            line = lines.get(i).stripLeading().startsWith(key) ? i + 1 : 0;
                        }
                        told.add(line);
                    }
                }
                for (int line : told) {
                    problems.error(name, line, "`${` starts a lookup that would put a value of the machine that builds (an environment"
                            + " variable, a file, a web address) into the setting" + (line > 0 && !lines.get(line - 1).contains("${")
                            ? " (written with an escape or over two lines, it is `${` once read)" : ""), "write the value itself");
                    ok = false;
                }
            } catch (IOException e) {
                problems.error(name, 0, "cannot be read: " + e.getMessage(), "check the file");
                ok = false;
            }
        }
        return ok;
    }

    /**
     * The settings jbake.properties may change: the site's own, and those of JBake's that are
     * checked here (with the templates' names, `template.<kind>.file`). Any other setting of
     * JBake's keeps its default, because JBake's Crawler acts on it: `output.extension=.htm`
     * (or `template.section.extension`) named pages so that the output check, which reads pages
     * by their .html, passed over them.
     */
    private static final Set<String> SETTINGS = Set.of("site.name", "site.description", "site.language", "site.host", "site.timezone",
            "site.repository", "embed.hosts", "content.folder", "template.folder", "asset.folder", "index.file", "archive.file",
            "error404.file", "feed.file", "sitemap.file", "tag.path", "markdown.extensions");

    /** jbake.properties, for the line a setting is on (its lines read once: each setting checked asks). */
    private static final class Settings {
        private final Path project;
        private final List<String> lines;

        Settings(Path project) {
            this.project = project;
            List<String> read;
            try {
                read = Files.readAllLines(project.resolve("jbake.properties"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                read = List.of(); // no line then
            }
            this.lines = read;
        }

        /** Refuses what jbake.properties sets beyond {@link #SETTINGS}, unless it is JBake's default value. */
        void jbakeDefaults(DefaultJBakeConfiguration jbake, Problems problems) {
            org.apache.commons.configuration2.CompositeConfiguration all = jbake.getCompositeConfiguration();
            // JBake layers jbake.properties over its default.properties (custom.properties is refused above).
            if (!Files.isRegularFile(project.resolve("jbake.properties")) || all.getNumberOfConfigurations() < 2) {
                return;
            }
            org.apache.commons.configuration2.Configuration file = all.getConfiguration(0);
            org.apache.commons.configuration2.Configuration defaults = all.getConfiguration(1);
            List<String> keys = new ArrayList<>();
            file.getKeys().forEachRemaining(keys::add);
            // Keys Commons Configuration takes as instructions and drops (`include`): read as java.util.Properties reads the file.
            java.util.Properties plain = new java.util.Properties();
            try (java.io.Reader in = Files.newBufferedReader(project.resolve("jbake.properties"), StandardCharsets.ISO_8859_1)) {
                plain.load(in);
            } catch (IOException | IllegalArgumentException e) {
                problems.error("jbake.properties", 0, "cannot be read: " + e.getMessage(), "check the file");
                return;
            }
            plain.stringPropertyNames().stream().filter(k -> !file.containsKey(k) && !keys.contains(k)).forEach(keys::add);
            keys.sort(java.util.Comparator.comparingInt(this::line).thenComparing(java.util.Comparator.naturalOrder()));
            for (String key : keys) {
                if (SETTINGS.contains(key) || (key.startsWith("template.") && key.endsWith(".file"))) {
                    continue;
                }
                String value = text(file.getProperty(key));
                if (!defaults.containsKey(key)) {
                    problems.error("jbake.properties", line(key), "`" + key + "` is not a setting of this site (a typo?); JBake would read some"
                            + " such names to rename or skip pages", "remove the line, or correct the name as jbake.properties' comments write it");
                } else if (!java.util.Objects.equals(value, text(defaults.getProperty(key)))) {
                    problems.error("jbake.properties", line(key), key + "=" + value + " changes a setting of JBake's that this build needs as"
                            + " JBake sets it (" + key + "=" + text(defaults.getProperty(key)) + "): it decides how pages are named, read or checked",
                            "remove the line");
                }
            }
        }

        int line(String key) {
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith(key) && l.substring(key.length()).strip().startsWith("=")) {
                    return i + 1;
                }
            }
            return 0;
        }

        /**
         * A page's (or the topics' folder's) name at the site's root: lower-case letters, digits
         * and hyphens, with its extension, and no name another page or folder of the site has
         * (an .html page's name without .html is its folder of older pages: archive/2026/11.html).
         */
        void outputName(String name, String key, String extension, Set<String> taken, Problems problems) {
            String stem = name.endsWith(extension) ? name.substring(0, name.length() - extension.length()) : null;
            String example = key.equals("tag.path") ? "topics" : key.replace(".file", "").replace("error404", "404") + extension;
            if (stem == null || !stem.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                problems.error("jbake.properties", line(key), key + "=" + name + " is not a " + (extension.isEmpty() ? "folder" : "file")
                        + " name at the site's root", "write a name of lower-case letters, digits and hyphens" + (extension.isEmpty()
                        ? "" : " ending in " + extension) + ", e.g. " + key + "=" + example);
            } else if (!taken.add(stem)) {
                problems.error("jbake.properties", line(key), key + "=" + name + " is a name the site already uses",
                        "choose another name, e.g. " + key + "=" + example);
            }
        }

        void folder(String name, String key, String expected, Problems problems) {
            if (!expected.equals(name)) {
                problems.error("jbake.properties", line(key), key + "=" + name + " is not the project's own " + expected + " folder",
                        "write " + key + "=" + expected + " (the input folders are content/, templates/ and assets/)");
                return;
            }
            Path p = project.resolve(name);
            if (Files.isSymbolicLink(p)) {
                problems.error(name + "/", 0, "is a symbolic link; the build never follows links", "make it a real folder");
            } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                problems.error(name + "/", 0, "the folder is missing", "create " + name + "/");
            }
        }
    }

    /**
     * The templates' folder on this machine, with a separator after it: a page showing it shows a
     * template's error message (FreeMarker's name the folder), and no text may show it
     * ({@link SourceText#showsFolder}).
     */
    public String machineFolder() {
        return templates.toString() + java.io.File.separator;
    }
}
