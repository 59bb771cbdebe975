package org.explainers.content;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every file under the input folders ({@code content/}, {@code templates/}, {@code assets/}),
 * found without following a symbolic link. A link could publish any file of the machine (the
 * checkout's credentials, /etc/passwd), and two links can make a walk recurse forever, so any
 * link is an error and nothing else reads the folders before this walk found none.
 */
public final class Inputs {

    /** Editors' backup and swap files and system folder files (Emacs, Vim, JetBrains, Windows, macOS). */
    private static final Pattern JUNK = Pattern.compile(
            ".*~|#.*#|.*\\.(swp|swo|tmp|bak|orig)|.*___jb_(tmp|old)___|Thumbs\\.db|desktop\\.ini|Icon\r", Pattern.CASE_INSENSITIVE);
    /** What assets/ may hold: the site's style, scripts, fonts and images. */
    static final Set<String> ASSET_TYPES = Set.of("css", "js", "png", "jpg", "jpeg", "gif", "ico", "woff", "woff2");
    /** Media files larger than this are not read (an image is decoded to learn its size). */
    public static final long MAX_MEDIA_BYTES = 20L * 1024 * 1024;
    /** An image past this is published, with a warning. */
    static final long HEAVY_IMAGE_BYTES = 2L * 1024 * 1024;

    /** Markdown files, relative to content/ with forward slashes, sorted. */
    public final List<String> markdown = new ArrayList<>();
    /** Each Markdown file's stamp, as the walk saw it. */
    public final Map<String, Stamp> stamps = new java.util.HashMap<>();
    /** Vocabulary files (content/_data/*.yml), relative to content/. */
    public final List<String> data = new ArrayList<>();
    /** Images and downloads, relative to content/. */
    public final List<String> media = new ArrayList<>();
    /** Files under content/ refused here (a name, a kind, a place or a size), relative to content/: a link to one is told its problem, not that it is missing. */
    public final java.util.Set<String> refused = new java.util.TreeSet<>();
    /** Templates, relative to templates/. */
    public final List<String> templates = new ArrayList<>();
    /** Files of assets/, relative to it. */
    public final List<String> assets = new ArrayList<>();
    /** Files named as JBake's ignore file (.jbakeignore): the crawl skips their folders. */
    public final List<String> ignoreFiles = new ArrayList<>();
    private String ignoreName = ".jbakeignore";
    /** Whether a link or an unreadable folder was found: then no other part may walk the folders. */
    public boolean unsafe;

    /** Walks the three folders, reporting links, unreadable entries and files that do not belong. */
    public static Inputs scan(Project project, Problems problems) {
        Inputs inputs = new Inputs();
        if (project.jbake.getIgnoreFileName() != null) {
            inputs.ignoreName = project.jbake.getIgnoreFileName();
        }
        inputs.walk(project.content, "content/", problems, inputs::contentFile);
        inputs.walk(project.templates, "templates/", problems, (rel, p, stamp) -> inputs.templates.add(rel));
        inputs.walk(project.assets, "assets/", problems, (rel, p, stamp) -> inputs.assetFile(project.assets, rel, p, stamp));
        for (List<String> list : List.of(inputs.markdown, inputs.data, inputs.media, inputs.templates, inputs.assets, inputs.ignoreFiles)) {
            Collections.sort(list);
        }
        // Published side by side, two assets differing only in capitals are one file on a disk or host that ignores them: which
        // one readers get depends on the copy (an attacker's trial: `ICON.PNG` beside the reviewed `icon.png`). Content's are Site's.
        Map<String, String> folded = new java.util.HashMap<>();
        for (String a : inputs.assets) {
            String other = folded.putIfAbsent(Text.caseless(a), a);
            if (other != null) {
                String blamed = a.equals(a.toLowerCase(Locale.ROOT)) ? other : a; // the one with capitals, most likely the newcomer
                problems.error("assets/" + blamed, 0, "differs from assets/" + (blamed.equals(a) ? other : a) + " only in capitals: on a disk or"
                        + " host that ignores capitals, one would replace the other", "rename or delete one of them");
                inputs.unsafe = true;
            }
        }
        return inputs;
    }

    private interface FileHandler {
        void file(String relative, Problems problems, Stamp stamp);
    }

    /** Each folder's entries, depth first, a link never followed; each entry is looked at once (its stamp comes with it). */
    private void walk(Path root, String prefix, Problems problems, FileHandler handler) {
        if (!Files.isDirectory(root)) {
            return; // Project reported it
        }
        // Each folder with its path relative to root ("" or ending in /).
        java.util.ArrayDeque<Map.Entry<Path, String>> folders = new java.util.ArrayDeque<>(List.of(Map.entry(root, "")));
        while (!folders.isEmpty()) {
            Map.Entry<Path, String> folder = folders.pop();
            Path dir = folder.getKey();
            String dirRel = folder.getValue();
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(entries::add);
            } catch (IOException | DirectoryIteratorException e) {
                unreadable(dirRel.isEmpty() ? "" : dirRel.substring(0, dirRel.length() - 1), prefix, e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e, problems);
                continue;
            }
            for (Path entry : entries) {
                String rel = dirRel + entry.getFileName();
                Stamp.Look look;
                try {
                    look = Stamp.look(entry);
                } catch (IOException e) {
                    unreadable(rel, prefix, e, problems);
                    continue;
                }
                switch (look.kind()) {
                    case FOLDER -> folders.push(Map.entry(entry, rel + "/"));
                    case FILE -> {
                        if (entry.getFileName().toString().equalsIgnoreCase(".gitattributes")) {
                            // Git reads it for the files beside it: `-diff` or `linguist-generated` hides their changes from the pull
                            // request's reviewer, `filter`/`working-tree-encoding` makes the checkout differ from what was reviewed
                            // (an attacker's trial). Not content, so not a warning.
                            problems.error(prefix + rel, 0, "a `.gitattributes` file changes how Git shows and checks out the files beside it"
                                    + " (it can hide their changes from the pull request's review)", "delete it; the repository's attributes are in"
                                    + " the top folder's .gitattributes, which a maintainer reviews");
                        } else {
                            handler.file(rel, problems, look.stamp());
                        }
                    }
                    case LINK -> {
                        unsafe = true;
                        String target;
                        try {
                            target = Files.readSymbolicLink(entry).toString();
                        } catch (IOException e) {
                            target = "?";
                        }
                        problems.error(prefix + rel, 0, "is a symbolic link (to " + target + "); the build never follows links",
                                "replace the link with the file or folder itself");
                    }
                    case OTHER -> problems.error(prefix + rel, 0, "is not a regular file (a device, pipe or socket)", "remove it");
                }
            }
        }
    }

    private void unreadable(String rel, String prefix, IOException e, Problems problems) {
        unsafe = true;
        problems.error(prefix + rel, 0, "cannot be read" + (e instanceof AccessDeniedException ? ": permission denied" : ": " + e.getMessage()),
                "check its permissions (the build must be able to read every file and folder)");
    }

    private static final String RENAME = "rename it with letters, digits, - and _ (e.g. `chart-2026-11-28.png`), and the links to it";

    /** "the file is 300 MB; a file may have at most 20 MB". */
    private static String tooLarge(Stamp stamp, String what) {
        // Rounded up to a tenth: 21,000,000 bytes is 20.1 MB, not "20.0 MB; at most 20 MB" (a reviewer).
        return String.format(Locale.ROOT, "the file is %.1f MB; %s may have at most %d MB", Math.ceil(stamp.size() * 10.0 / (1024 * 1024)) / 10, what,
                MAX_MEDIA_BYTES / (1024 * 1024));
    }

    /** A content file refused: its problem, and a note that it is there (see {@link #refused}). */
    private void refuse(Problems problems, String rel, String message, String fix) {
        refused.add(rel);
        problems.error("content/" + rel, 0, message, fix);
    }

    private void contentFile(String rel, Problems problems, Stamp stamp) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String path = "content/" + rel;
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String badName = nameProblem(rel);
        if (name.equalsIgnoreCase(ignoreName)) {
            ignoreFiles.add(rel);
        }
        // No name ending in .md can be junk; asking the pattern about 10,000 texts was most of the walk's own time.
        if (!ext.equals("md") && JUNK.matcher(name).matches()) {
            // Skipped, never read or published (it would be copied like an image: a draft's backup,
            // published); a warning, not an error, so that an editor's autosave does not stop the preview.
            problems.warning(path, 0, "`" + name + "` is an editor's backup or a system file: it is skipped, not published",
                    "delete it when you are done; .gitignore keeps such files out of the repository");
        } else if (isHidden(rel)) {
            return; // .gitkeep and such: not content, never read
        } else if (badName != null) {
            refuse(problems, rel, badName, RENAME);
        } else if (rel.startsWith(Schema.DATA + "/")) {
            if (Schema.VOCABULARIES.stream().anyMatch(v -> v.file().equals(rel))) {
                data.add(rel);
            } else {
                refuse(problems, rel, "unknown data file", "content/" + Schema.DATA + "/ holds "
                        + String.join(" and ", Schema.VOCABULARIES.stream().map(Vocabulary.Spec::file).toList()) + " only");
            }
        } else if (ext.equals("md") && !name.endsWith(".md")) {
            // JBake reads `.md` only: `.MD` would be skipped by its crawl, with nothing to say why.
            refuse(problems, rel, "the extension is `" + name.substring(name.lastIndexOf('.')) + "`; texts end in `.md`, in lower case",
                    "rename it to `" + Text.slugify(name.substring(0, name.lastIndexOf('.'))) + ".md`"); // a name the next build takes too (an editor's trial)
        } else if (ext.equals("md")) {
            markdown.add(rel);
            stamps.put(rel, stamp);
        } else if (ext.equals("svg")) {
            refuse(problems, rel, "SVG images can run script when opened on their own, so the site publishes none",
                    "export the image as PNG and use that file");
        } else if (Schema.MEDIA.contains(ext) && !rel.startsWith(Schema.ARTICLES + "/") && !rel.startsWith(Schema.PAGES + "/")) {
            // Published at the same path: elsewhere, it could land on an asset (images/) or a file the build makes.
            refuse(problems, rel, "an image or download outside content/" + Schema.ARTICLES + "/ and content/" + Schema.PAGES + "/",
                    "put it beside the text that shows it");
        } else if (Schema.MEDIA.contains(ext) && name.contains(" ")) {
            // A text's address cannot hold a space (%20 is refused: one file, one way to write it), nor can a srcset.
            refuse(problems, rel, "the name holds a space, which a link or an image in a text cannot write",
                    "rename it with hyphens: `" + name.replace(' ', '-') + "`");
        } else if (Schema.IMAGES.contains(ext) && isVariantName(name)) {
            refuse(problems, rel, "the name is that of a smaller copy the build makes of an image (`map.480w.png` of `map.png`)",
                    "rename it without the `.<width>w` before its extension");
        } else if (Schema.MEDIA.contains(ext)) {
            if (stamp.size() > MAX_MEDIA_BYTES) {
                refuse(problems, rel, tooLarge(stamp, "a file"), "make it smaller (an image for the web is rarely over 1 MB)");
            } else {
                if (Schema.IMAGES.contains(ext) && stamp.size() > HEAVY_IMAGE_BYTES) {
                    // Published as it is, and the largest screens load it: a phone on a slow network waits for it.
                    problems.warning(path, 0, "the image is " + String.format(Locale.ROOT, "%.1f", stamp.size() / (1024.0 * 1024)) + " MB; readers"
                                    + " on large screens download all of it", "export it at most 2,000 pixels wide (JPEG for photographs):"
                                    + " an image for the web is rarely over 1 MB");
                }
                media.add(rel);
            }
        } else {
            // An image in a format the site does not publish (a phone's HEIC, a WebP saved from a browser): export it as the site's own.
            boolean image = Set.of("webp", "avif", "heic", "heif", "tif", "tiff", "bmp", "jxl").contains(ext);
            // Markdown by another of its extensions (an editor's trial: `.markdown` was told to move out of content/).
            boolean markdownText = Set.of("markdown", "mdown", "mkd", "mkdn", "mdwn").contains(ext);
            refuse(problems, rel, image ? "." + ext + " is an image format the site does not publish"
                            : "unknown kind of content file" + (ext.isEmpty() ? "" : " ." + ext),
                    image ? "export it as PNG (drawings, charts) or JPEG (photographs) and show that file"
                            : markdownText ? "a text is Markdown ending in `.md`: rename it to `" + name.substring(0, name.lastIndexOf('.')) + ".md`"
                            : "content files are Markdown (.md); images and downloads (" + String.join(", ", new java.util.TreeSet<>(Schema.MEDIA))
                            + ") may sit beside them; move anything else out of content/");
        }
    }

    private void assetFile(Path assetsDir, String rel, Problems problems, Stamp stamp) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String badName = nameProblem(rel);
        String place = name.equals(".gitkeep") ? null : assetPlaceProblem(rel, ext);
        if (JUNK.matcher(name).matches() || isHidden(rel) && !name.equals(".gitkeep")) {
            // The hidden folder it is in (`.well-known/security.txt`), its own name not hidden.
            String hidden = name.startsWith(".") ? null : java.util.Arrays.stream(rel.split("/")).filter(p -> p.startsWith(".")).findFirst().orElse(null);
            if (hidden != null && !JUNK.matcher(name).matches()) {
                problems.warning("assets/" + rel, 0, "`" + name + "` is inside the hidden folder `" + hidden + "`: it is skipped, not published",
                        "a host's own files, such as .well-known/security.txt, go in its configuration (README, Publishing); delete it here");
            } else {
                problems.warning("assets/" + rel, 0, "`" + name + "` is a backup, hidden or system file: it is skipped, not published", "delete it");
            }
        } else if (ext.equals("svg")) {
            problems.error("assets/" + rel, 0, "SVG images can run script when opened on their own, so the site publishes none",
                    "export the image as PNG and use that file");
        } else if (!ASSET_TYPES.contains(ext) && !name.equals(".gitkeep")) {
            problems.error("assets/" + rel, 0, "unknown kind of asset" + (ext.isEmpty() ? "" : " ." + ext),
                    "assets/ holds the site's " + String.join(", ", new java.util.TreeSet<>(ASSET_TYPES)) + " files");
        } else if (place != null) {
            problems.error("assets/" + rel, 0, place, ext.equals("js") ? "move it to assets/js/ (a maintainer reviews it there)"
                    : ext.equals("css") ? "move it to assets/css/ (a maintainer reviews it there)"
                    : FONT_TYPES.contains(ext) ? "move it to assets/fonts/ (a maintainer reviews it there)"
                    : ext.equals("ico") ? "export it as PNG for assets/images/; the site's own icon is assets/favicon.ico"
                    : "move it to assets/images/; only the site's icons (favicon.ico, icon.png), named in small letters, sit at the top of assets/");
        } else if (!name.equals(".gitkeep") && badName != null) {
            problems.error("assets/" + rel, 0, badName, RENAME);
        } else if (stamp.size() > MAX_MEDIA_BYTES) {
            // Copied into every build's folder and to every host: as content's files, bounded.
            problems.error("assets/" + rel, 0, tooLarge(stamp, "an asset"), "make it smaller (a font or an icon is rarely over 1 MB)");
        } else if (SIGNATURES.containsKey(ext) && !startsAsItsKind(assetsDir.resolve(rel), ext)) {
            // A web page named as a font or an icon, which a browser opening the file from disk shows as a page (an attacker's trial).
            problems.error("assets/" + rel, 0, "its bytes are not a ." + ext + " file's", "export the " + (ext.equals("ico") ? "icon" : "font") + " again as ." + ext);
        } else if (!name.equals(".gitkeep")) {
            assets.add(rel);
        }
    }

    /** The first bytes of a font or an icon: WOFF's and WOFF2's signatures, an ICO's reserved 0 and type 1. */
    private static final Map<String, byte[]> SIGNATURES = Map.of("woff", new byte[]{'w', 'O', 'F', 'F'}, "woff2", new byte[]{'w', 'O', 'F', '2'},
            "ico", new byte[]{0, 0, 1, 0});

    /** A PNG's signature's first bytes: many icon makers write favicon.ico as a PNG, which browsers show. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static boolean startsAsItsKind(Path file, String ext) {
        byte[] expected = SIGNATURES.get(ext);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            byte[] first = in.readNBytes(expected.length);
            return java.util.Arrays.equals(first, expected) || ext.equals("ico") && java.util.Arrays.equals(first, PNG);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Why an asset may not sit where it is, or null. Assets are published at the site's root, so
     * one in another folder could replace a file the build makes (search/index.js, which pages
     * load as a script; an article's image): they live in folders the build never writes to, and
     * scripts and styles in the two that need a maintainer's review (.github/CODEOWNERS).
     */
    static String assetPlaceProblem(String rel, String ext) {
        String folder = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
        if (ext.equals("js") && !folder.equals("js") || ext.equals("css") && !folder.equals("css")) {
            return "a script or style sheet outside assets/js/ and assets/css/, the folders a maintainer reviews";
        }
        if (folder.isEmpty() ? !Set.of("png", "ico").contains(ext) : !ASSET_FOLDERS.contains(folder)) {
            return "an asset in assets/" + (folder.isEmpty() ? "" : folder + "/") + ", where it could replace a file the build makes";
        }
        // Fonts and the site's icons sit where a maintainer reviews them, by names CODEOWNERS' patterns match (an attacker's trial:
        // a font in assets/images/ and `ICON.PNG` at the top needed no review).
        if (FONT_TYPES.contains(ext) != folder.equals("fonts")) {
            return folder.equals("fonts") ? "a file other than a font in assets/fonts/" : "a font outside assets/fonts/, the folder a maintainer reviews";
        }
        if (ext.equals("ico") && !folder.isEmpty() || folder.isEmpty() && !rel.equals(rel.toLowerCase(Locale.ROOT))) {
            return "a site icon other than those at the top of assets/, in small letters, which a maintainer reviews";
        }
        return null;
    }

    /** The kinds of font an asset may be, in assets/fonts/ only. */
    static final Set<String> FONT_TYPES = Set.of("woff", "woff2");

    /** The folders of assets/ (see {@link #assetPlaceProblem}). */
    static final Set<String> ASSET_FOLDERS = Set.of("js", "css", "fonts", "images");

    /** Whether an image's name is like its copies' (Images#variant): `map.480w.png`. */
    static boolean isVariantName(String name) {
        String base = name.substring(0, name.lastIndexOf('.'));
        String last = base.substring(base.lastIndexOf('.') + 1);
        // Capitals aside (`map.480W.png` is the copy's file on a disk that ignores them), ASCII digits.
        return base.contains(".") && last.length() > 1 && (last.endsWith("w") || last.endsWith("W"))
                && last.chars().limit(last.length() - 1).allMatch(c -> c >= '0' && c <= '9');
    }

    /** Bytes a file or folder name may have: file systems allow 255, and the build adds to some (.html, .480w). */
    public static final int MAX_NAME = 150;
    /**
     * Characters a path under content/ or assets/ may have: Linux allows 4,096 bytes, Windows 260
     * by default; the build's folders add theirs (an attacker's trial: 4,075 bytes passed the check,
     * and the bake failed writing the page, blaming target/site).
     */
    public static final int MAX_PATH = 400;

    /**
     * Why a path (relative, with /) cannot name a published file, or null: a part too long for
     * the names the build makes of it, or a character that addresses, HTML or a log line would
     * read as something else (a quote, `?`, `#`, `%`, `<`, `>`, a backslash or backtick, a
     * control, non-character or bidirectional one).
     */
    public static String nameProblem(String path) {
        return nameProblem(path, MAX_NAME);
    }

    /** As {@link #nameProblem(String)}, with parts of at most {@code maxBytes}. */
    public static String nameProblem(String path, int maxBytes) {
        // One pass over the characters: a site's 10,000 names, each split, encoded, normalised
        // and streamed, took ~0.1 s of every build. A name of plain ASCII needs no more.
        int partBytes = 0;
        int partStart = 0;
        boolean ascii = true;
        int bad = -1;
        for (int i = 0; i < path.length(); i += Character.charCount(path.codePointAt(i))) {
            int c = path.codePointAt(i);
            if (c == '/') {
                String tooLong = partProblem(path, partStart, i, partBytes, maxBytes);
                if (tooLong != null) {
                    return tooLong;
                }
                partStart = i + 1;
                partBytes = 0;
                continue;
            }
            // UTF-8's length; a lone surrogate is written as `?`, as String.getBytes does
            partBytes += c < 0x80 || Character.isSurrogate((char) c) && c <= 0xFFFF ? 1 : c < 0x800 ? 2 : c <= 0xFFFF ? 3 : 4;
            ascii &= c < 0x80;
            if (bad < 0 && (!SourceText.allowed(c) || c == '\t' || c == 0xFFFD || "\"#%?<>\\`:*|".indexOf(c) >= 0)) {
                bad = c;
            }
        }
        String tooLong = partProblem(path, partStart, path.length(), partBytes, maxBytes);
        if (tooLong != null) {
            return tooLong;
        }
        if (!ascii && !java.text.Normalizer.isNormalized(path, java.text.Normalizer.Form.NFC)) {
            // As macOS may save it: é as e and an accent. A link typed with é is another name, and web servers do not mend it.
            return "the name stores an accented letter as a letter and a separate accent, so a link typed with it does not find the file";
        }
        if (bad == 0xFFFD) {
            // Bytes that are not UTF-8 (Git carries any): Java reads each as U+FFFD, and no path made from that finds the file again.
            return "the name has bytes that are not UTF-8 text (shown as \uFFFD), so no address can name the file";
        }
        if (bad == ':' || bad == '*' || bad == '|') {
            // An editor on Windows could not check the file out; `time:line.png` in a page is an address with a scheme (an attacker's trial).
            return "the name holds `" + (char) bad + "`, which Windows does not allow in a file's name" + (bad == ':' ? " and an address reads as a scheme's end" : "");
        }
        if (path.length() > MAX_PATH) {
            return "the path is " + path.length() + " characters long; at most " + MAX_PATH + " are allowed, so that the pages made from it fit a disk's limits";
        }
        if (bad >= 0) {
            return String.format(Locale.ROOT, "the name holds %s, which an address or a page would read as something else",
                    bad > ' ' && bad < 0x7F ? "`" + (char) bad + "`" : String.format(Locale.ROOT, "the character U+%04X", bad));
        }
        String program = program(path.substring(partStart));
        if (program != null) {
            // Apache runs a file whose name has a handler's extension anywhere in it (`chart.php.png`, with text in its
            // metadata): on shared hosting, the site's image would be a program (an attacker's trial).
            return "the name holds `." + program + "` before its extension, which some web servers (Apache's AddHandler) run as a program";
        }
        return null;
    }

    /**
     * Extensions web servers commonly hand to a program (PHP, CGI, server-side includes, ASP, JSP), or
     * whose file says itself how to serve it (Debian's Apache maps `.var` to type maps, whose
     * headers make a CSV a page of the site: an attacker's trial; `.asis`).
     * Not .pl or .py, which Apache runs only where a site says so, and which name languages too
     * (`report.pl.pdf`, the Polish edition).
     */
    private static final Set<String> PROGRAMS = Set.of("php", "php3", "php4", "php5", "php7", "php8", "phtml", "pht", "phar", "phps", "cgi",
            "fcgi", "shtml", "shtm", "stm", "asp", "aspx", "jsp", "jspx", "var", "asis");

    /** An extension of {@link #PROGRAMS} inside a file's name (before its own extension), or null. */
    private static String program(String name) {
        int first = name.indexOf('.');
        int last = name.lastIndexOf('.');
        if (first < 0 || first == last) {
            return null; // most names: one extension
        }
        for (String part : name.substring(first + 1, last).split("\\.")) {
            if (PROGRAMS.contains(part.toLowerCase(Locale.ROOT))) {
                return part;
            }
        }
        return null;
    }

    /** Why one part of a path (a folder's or the file's name) cannot be kept, or null. */
    private static String partProblem(String path, int start, int end, int bytes, int maxBytes) {
        if (bytes > maxBytes) {
            return "the name `" + path.substring(start, start + 40) + "…` has " + bytes + " bytes; a name may have at most " + maxBytes;
        }
        // Windows keeps these names for devices, with any extension, and drops a final dot or space:
        // an editor on Windows could not check the repository out.
        int dot = path.indexOf('.', start);
        int baseEnd = dot < 0 || dot > end ? end : dot;
        if (baseEnd - start >= 3 && baseEnd - start <= 7) {
            String base = path.substring(start, baseEnd).toLowerCase(Locale.ROOT);
            if (WINDOWS_DEVICES.contains(base) || base.length() == 4 && (base.startsWith("com") || base.startsWith("lpt"))
                    && base.charAt(3) >= '1' && base.charAt(3) <= '9') {
                return "the name `" + path.substring(start, end) + "` is one Windows keeps for a device, so the file cannot be checked out there";
            }
        }
        boolean step = end - start <= 2 && path.substring(start, end).chars().allMatch(c -> c == '.'); // `..` in a relative `moved_from`
        if (end > start && !step && (path.charAt(end - 1) == '.' || path.charAt(end - 1) == ' ')) {
            return "the name `" + path.substring(start, end) + "` ends in a dot or a space, which Windows drops, so the file cannot be checked out there";
        }
        return null;
    }

    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "conin$", "conout$");

    /** Whether a part of the path starts with a dot. */
    private static boolean isHidden(String rel) {
        return rel.startsWith(".") || rel.contains("/.");
    }
}
