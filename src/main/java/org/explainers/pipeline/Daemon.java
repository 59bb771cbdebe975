package org.explainers.pipeline;

import org.explainers.content.Trees;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The build kept in a JVM of its own between builds, as Gradle's daemon is. Most of an edit's
 * build in a fresh JVM is the JVM's own work: loading some 5,000 classes, running them
 * interpreted, compiling them (at 10,000 sections one edit took ~2 s inside Maven, ~0.8 s in a
 * JVM that had built before; the real site 0.6 s and 0.05 s). The same code runs the same
 * build; only the JVM is kept.
 *
 * <p>A build that finds no daemon runs in Maven's JVM, as before, then starts one (its output
 * in target/daemon/log), which reads the project once and listens; later builds hand it their
 * command and print what it says. It listens on the loopback only, and it and its clients show
 * each other that they hold the token in target/daemon/address (readable by its owner only)
 * without sending it. A client whose
 * code, JVM, JVM options or environment differ from the daemon's builds in its own JVM and
 * starts a new daemon: the old one stops. One build at a time; a second waits.
 *
 * <p>It stops after {@link #IDLE} without a build, when target/daemon/address no longer names
 * it (`./mvnw clean`, a newer daemon), and after a build whose jobs ran past their limits (a
 * text's render cannot be stopped from outside; the next build gets a fresh JVM).
 */
final class Daemon {

    /** How long the JVM waits for the next build. */
    static final Duration IDLE = Duration.ofMinutes(15);
    /** How often it looks at the clock and its address file while idle. */
    private static final int LOOK_MILLIS = 2_000;
    /** How long a daemon may take to start before a client starts another. */
    private static final Duration START = Duration.ofSeconds(60);
    /** How long a connection has to send its whole request, and a daemon to acknowledge it. */
    private static final int HANDSHAKE_MILLIS = 3_000;
    /** The largest frame of output a client accepts (the build writes lines). */
    private static final int FRAME = 1 << 20;
    /** The environment the build and what it runs (Git, a JVM for PDFs) read: another value is another daemon. */
    private static final List<String> ENVIRONMENT = List.of("PATH", "HOME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "XDG_CONFIG_HOME",
            "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "MAVEN_OPTS");
    /** Where util-linux's setsid(1) is (Linux); elsewhere the daemon shares its starter's session. */
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
    /** Build servers that set no CI variable: nothing outlives their jobs either. */
    static final List<String> SERVERS = List.of("CI", "GITHUB_ACTIONS", "JENKINS_URL", "TEAMCITY_VERSION", "TF_BUILD", "CODEBUILD_BUILD_ID");

    private static final byte OUTPUT = 'o', END = 'e', STALE = 's', ACK = 'a';
    /** The builds' threads, and every thread they start: what is left running after a build is seen there. */
    private static final ThreadGroup BUILDS = new ThreadGroup("builds");

    /** How a build handed to the daemon ended: {@link Main.Failed}'s message when it failed. */
    record Reply(boolean ok, String summary) {
        static Reply of(Build.Result r) {
            return new Reply(r.ok(), r.summary());
        }
    }

    /** A daemon that went away during the build (killed, or out of memory): the client builds again itself. */
    static final Reply STOPPED = new Reply(false, "the kept build process stopped during the build");

    /** Where a daemon listens, and the token it answers to. */
    private record Address(int port, String token, long pid) {

        static Address read(Path dir) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(dir.resolve("address"), LinkOption.NOFOLLOW_LINKS)) {
                p.load(in);
                return new Address(Integer.parseInt(p.getProperty("port")), p.getProperty("token"), Long.parseLong(p.getProperty("pid")));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Written under a new name, then renamed over the last: never through a link someone left there. */
        void write(Path dir) throws IOException {
            Path tmp = Files.createTempFile(dir, "address", ".tmp");
            Files.writeString(tmp, "port=" + port + "\ntoken=" + token + "\npid=" + pid + "\n");
            Files.move(tmp, dir.resolve("address"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    // ---- the client: in Maven's JVM ----

    private final Path project;
    private final Path dir;
    private final List<String> jvm;
    private final List<Path> classpath;
    private final java.util.SortedMap<String, String> madeFor;
    private final String fingerprint;

    private Daemon(Path project, List<String> jvm, List<Path> classpath) {
        this.project = project;
        this.dir = project.resolve("target").resolve("daemon");
        this.jvm = jvm;
        this.classpath = classpath;
        this.madeFor = madeFor(jvm, classpath);
        this.fingerprint = fingerprint(madeFor);
    }

    /**
     * The project's kept build process as this JVM would start it; null when it cannot be
     * started from here, or when target/ or target/daemon/ is a link or another user's (a
     * pull request can commit a link there: nothing is written or read through it).
     */
    static Daemon of(Path project, PrintStream notes) {
        List<Path> classpath = classpath();
        if (classpath == null && Daemon.class.getClassLoader() instanceof URLClassLoader) {
            notes.println("      (no build process is kept for the next builds: a Java class path cannot name the build's code here,"
                    + " whose paths hold `" + java.io.File.pathSeparator + "`; a project folder without it gets one)");
            return null;
        }
        if (classpath == null || !Trees.ours(project.resolve("target")) || !Trees.ours(project.resolve("target").resolve("daemon"))) {
            return null;
        }
        // An agent or a debugger's port in Maven's JVM is not the build's to copy.
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-agentpath")
                        && !a.startsWith("-Xrunjdwp") && !a.startsWith("-Xdebug"))
                .toList();
        return new Daemon(project, jvm, classpath);
    }

    /**
     * Hands the command to the project's daemon and prints what it prints. Null when none
     * answers, or only one of other code (it stops): nothing was built, the caller builds.
     */
    Reply build(List<String> args, PrintStream out, PrintStream notes) {
        Address address = Address.read(dir);
        if (address == null) {
            return null;
        }
        try {
            Reply reply = isDaemon(address.pid(), project) ? ask(address, args, out, notes) : null;
            // Stale or gone: its address goes, unless a newer daemon wrote its own meanwhile.
            if (reply == null && address.equals(Address.read(dir))) {
                Files.deleteIfExists(dir.resolve("address"));
            }
            return reply;
        } catch (IOException e) {
            notes.println("      (the kept build process could not be used: " + e + "; building here)");
            return null;
        }
    }

    /** Stops the project's kept process, if one is listening: its address goes, and it stops within seconds. */
    static void stop(Path project, PrintStream out) {
        Path dir = project.resolve("target").resolve("daemon");
        if (!Trees.ours(project.resolve("target")) || !Trees.ours(dir)) {
            return; // not followed, as in of()
        }
        Address address = Address.read(dir);
        if (address != null && isDaemon(address.pid(), project)) {
            try {
                Files.deleteIfExists(dir.resolve("address"));
                out.println("      (stopped the kept build process, pid " + address.pid() + ")");
            } catch (IOException e) {
                out.println("      (the kept build process could not be stopped: " + e.getMessage() + ")");
            }
        }
    }

    /** Whether the process is a daemon of this project (when the system tells a process's arguments). */
    private static boolean isDaemon(long pid, Path project) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        // Another user's process (one that took a dead daemon's pid) is not this user's daemon, whatever its arguments.
        Optional<String> user = p.get().info().user();
        if (user.isPresent() && !user.get().equals(ProcessHandle.current().info().user().orElse(user.get()))) {
            return false;
        }
        Optional<String[]> arguments = p.get().info().arguments();
        return arguments.isEmpty() || List.of(arguments.get()).containsAll(List.of(Daemon.class.getName(), project.toString()));
    }

    /**
     * The command's reply, or null when the daemon is not there, not this code's, or does not
     * prove that it holds the token (nothing was built).
     */
    private Reply ask(Address address, List<String> args, PrintStream out, PrintStream notes) throws IOException {
        Lines lines = new Lines(out);
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        try (Socket socket = new Socket()) {
            DataInputStream in;
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.port()), HANDSHAKE_MILLIS);
                socket.setSoTimeout(HANDSHAKE_MILLIS);
                // Each side shows that it holds the token without sending it, the daemon first: whatever
                // listens at the port learns nothing of it, nor of the command (an attacker's trial took
                // the token, and a build's arguments, with a listener on a dead daemon's port).
                DataOutputStream request = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
                request.write(nonce);
                request.flush();
                in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
                byte[] theirs = new byte[32];
                byte[] proof = new byte[32];
                in.readFully(theirs);
                in.readFully(proof);
                if (!MessageDigest.isEqual(proof, proof(address.token(), DAEMON, nonce))) {
                    notes.println("      (target/daemon/address names a process that is not this project's build process; building here)");
                    return null;
                }
                request.write(proof(address.token(), CLIENT, theirs));
                request.writeUTF(fingerprint);
                request.writeInt(args.size());
                for (String arg : args) {
                    request.writeUTF(arg);
                }
                request.flush();
                int answer = in.read();
                if (answer == STALE) {
                    String differ = differences();
                    notes.println("      (the kept build process was made for " + (differ.isEmpty() ? "other code, another JDK or environment"
                            : "another build: they differ in " + differ) + "; it stops, and this build runs here)");
                }
                if (answer != ACK) {
                    return null;
                }
                if (in.read() == 1) {
                    notes.println("      (waiting for the build in progress in the kept build process)");
                }
                socket.setSoTimeout(0);
            } catch (IOException e) {
                return null;
            }
            while (true) {
                int kind = in.read();
                int length = kind == -1 ? -1 : in.readInt();
                if (kind != OUTPUT && kind != END || length < (kind == END ? 1 : 0) || length > FRAME) {
                    lines.flush();
                    return STOPPED;
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                if (kind == END) {
                    lines.flush();
                    return new Reply(bytes[0] == 1, new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8));
                }
                lines.write(bytes);
            }
        } catch (java.io.EOFException e) {
            lines.flush();
            return STOPPED;
        }
    }

    /** Who shows a proof: a daemon's is never taken for a client's, nor the other way round. */
    private static final byte DAEMON = 'd', CLIENT = 'c';

    /** HMAC-SHA256 of the other side's nonce under the token: each side shows it holds the token without sending it. */
    private static byte[] proof(String token, byte side, byte[] nonce) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(side);
            return mac.doFinal(nonce);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The daemon's output, printed line by line (a UTF-8 character is never split). */
    private static final class Lines {
        private final PrintStream out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        Lines(PrintStream out) {
            this.out = out;
        }

        void write(byte[] bytes) {
            for (byte b : bytes) {
                line.write(b);
                if (b == '\n') {
                    flush();
                }
            }
        }

        void flush() {
            if (line.size() > 0) {
                out.print(line.toString(StandardCharsets.UTF_8));
                out.flush();
                line.reset();
            }
        }
    }

    /**
     * Starts the project's daemon for the next builds, unless one is starting (target/daemon/starting
     * names it). It reads the project once (a check, which writes nothing) before it listens, so
     * that the next build finds its code compiled; until then builds run in Maven's JVM.
     */
    void start(PrintStream out) {
        try {
            ownerOnly(dir);
            Path starting = dir.resolve("starting");
            if (Files.isRegularFile(starting, LinkOption.NOFOLLOW_LINKS)) {
                long pid = Long.parseLong(new String(Files.readAllBytes(starting), StandardCharsets.US_ASCII).strip());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                        && Files.getLastModifiedTime(starting).toMillis() > System.currentTimeMillis() - START.toMillis()) {
                    return;
                }
            }
            List<String> command = new ArrayList<>();
            // In a session of its own where there is setsid(1): started from a terminal, it would be in
            // that terminal's process group, and closing the terminal (ssh -t, docker exec -it, an
            // editor's task) would hang it up, Ctrl+C there stop it. It serves later builds, not that terminal.
            SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(setsid -> command.add(setsid.toString()));
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
            command.add(Daemon.class.getName());
            command.add(project.toString());
            // Each daemon's few lines (a request that failed, why it stopped) follow the last one's, up to a point.
            Path log = dir.resolve("log");
            if (Files.isSymbolicLink(log) || Files.isRegularFile(log) && Files.size(log) > 1 << 20) {
                Files.delete(log);
            }
            Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            // The fingerprint (a digest of the environment too) goes by its input, not where `ps` shows it.
            try (OutputStream in = process.getOutputStream()) {
                in.write((fingerprint + "\n").getBytes(StandardCharsets.UTF_8));
            }
            // What it was made for, part by part, so that a later client can say in what it differs.
            Path parts = Files.createTempFile(dir, "made-for", ".tmp");
            Properties lines = new Properties();
            lines.putAll(madeFor);
            try (var w = Files.newBufferedWriter(parts)) {
                lines.store(w, null);
            }
            Files.move(parts, dir.resolve("made-for"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path mark = Files.createTempFile(dir, "starting", ".tmp");
            Files.writeString(mark, Long.toString(process.pid()));
            Files.move(mark, starting, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("      (started a build process, pid " + process.pid() + ", to make the next builds faster: it stops after "
                    + IDLE.toMinutes() + " idle minutes or ./mvnw clean; -Dbuild.daemon=off builds without one)");
        } catch (IOException | RuntimeException e) {
            out.println("      (no build process could be started for the next builds: " + e.getMessage() + ")");
        }
    }

    /**
     * This JVM's class path as the daemon is given it: Maven's exec:java loads the build from
     * a class loader of its own. Null when it cannot be given as one (a path holding the
     * separator, a class path that is not files).
     */
    private static List<Path> classpath() {
        if (!(Daemon.class.getClassLoader() instanceof URLClassLoader loader)) {
            return null;
        }
        List<Path> paths = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            try {
                Path p = Path.of(url.toURI());
                if (!url.getProtocol().equals("file") || p.toString().contains(java.io.File.pathSeparator)) {
                    return null;
                }
                paths.add(p);
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }
        return paths.isEmpty() ? null : List.copyOf(paths);
    }

    /**
     * What the daemon must share with its client, by name: the JDK, the JVM's options (but
     * Maven's own paths and its native-access switch: `mvn` and `./mvnw` build alike), the code
     * (each class path entry's files by size and time, in name order) and each variable of the
     * environment the build reads. Each part as the SHA-256 of its text, in name order.
     */
    private static java.util.SortedMap<String, String> madeFor(List<String> jvm, List<Path> classpath) {
        java.util.SortedMap<String, String> parts = new TreeMap<>();
        parts.put("the JDK", sha256(System.getProperty("java.home") + '\n' + System.getProperty("java.runtime.version")));
        parts.put("the JVM's options", sha256(String.join("\n", jvm.stream().filter(o -> !o.startsWith("-Dmaven.")
                && !o.startsWith("-Dclassworlds.") && !o.startsWith("-Dlibrary.jansi.") && !o.startsWith("--enable-native-access")).toList())));
        StringBuilder code = new StringBuilder();
        for (Path entry : classpath) {
            code.append(entry).append('\n');
            try (Stream<Path> files = Files.isDirectory(entry) ? Files.walk(entry) : Stream.of(entry)) {
                files.sorted().forEach(f -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        code.append(entry.relativize(f)).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis()).append('\n');
                    } catch (IOException e) {
                        code.append(f).append(" ?\n");
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                code.append("?\n");
            }
        }
        parts.put("the build's code", sha256(code.toString()));
        System.getenv().forEach((k, v) -> {
            if (ENVIRONMENT.contains(k) || k.startsWith("LC_") || k.startsWith("GIT_")) {
                parts.put(k, sha256(v));
            }
        });
        return parts;
    }

    /** One digest of all the parts, as the daemon is given it and a client sends it. */
    private static String fingerprint(java.util.SortedMap<String, String> parts) {
        StringBuilder sb = new StringBuilder("2\n");
        parts.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sha256(sb.toString());
    }

    /** The parts in which this client differs from the one that started the kept process (target/daemon/made-for), or "". */
    private String differences() {
        try {
            Properties theirs = new Properties();
            try (var in = Files.newInputStream(dir.resolve("made-for"), LinkOption.NOFOLLOW_LINKS)) {
                theirs.load(in);
            }
            java.util.SortedSet<String> names = new java.util.TreeSet<>(theirs.stringPropertyNames());
            names.addAll(madeFor.keySet());
            return String.join(", ", names.stream().filter(n -> !java.util.Objects.equals(theirs.getProperty(n), madeFor.get(n))).toList());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** target/daemon/, which only its owner may read (it holds the token). */
    private static void ownerOnly(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the folder takes its parent's access list
        }
    }

    // ---- the daemon: a JVM of its own ----

    /** One build at a time, in the order they came. */
    private static final java.util.concurrent.locks.ReentrantLock TURN = new java.util.concurrent.locks.ReentrantLock(true);
    /** When the last authenticated request ended (or the daemon started). */
    private static volatile long lastActive = System.nanoTime();
    /** Set when a request asks the daemon to stop (another fingerprint, a build that overran). */
    private static volatile boolean stopping;
    /** Set when a build ran this JVM out of memory or stack. */
    private static volatile boolean broken;

    /** {@code Daemon PROJECT}, the fingerprint on its input: listens until idle, or until its address is not its own. */
    public static void main(String[] args) throws IOException {
        Logs.quiet();
        Path project = Path.of(args[0]);
        Path dir = project.resolve("target").resolve("daemon");
        String fingerprint = new String(System.in.readNBytes(64), StandardCharsets.US_ASCII);
        try {
            Main.Command.parse(List.of("check", "--project", args[0])).run(new PrintStream(OutputStream.nullOutputStream()));
        } catch (RuntimeException e) {
            System.out.println("the first reading of the project failed: " + e);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        java.util.concurrent.ScheduledExecutorService deadlines = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                org.explainers.content.Jobs.daemons("daemon-deadlines"));
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(LOOK_MILLIS);
            Address address = new Address(server.getLocalPort(), HexFormat.of().formatHex(secret), ProcessHandle.current().pid());
            address.write(dir);
            Files.deleteIfExists(dir.resolve("starting"));
            lastActive = System.nanoTime();
            while (!stopping && address.equals(Address.read(dir))) {
                if (!TURN.isLocked() && System.nanoTime() - lastActive > IDLE.toNanos()) {
                    // Idle: no client is starting another, which it does only when this one does not answer.
                    Files.deleteIfExists(dir.resolve("address"));
                    break;
                }
                Socket socket;
                try {
                    socket = server.accept();
                } catch (SocketTimeoutException e) {
                    continue;
                }
                // Each connection on a thread of its own, so that one that sends nothing holds up no other.
                java.util.concurrent.ScheduledFuture<?> deadline = deadlines.schedule(() -> close(socket), HANDSHAKE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                org.explainers.content.Jobs.daemons("daemon-request").newThread(() -> {
                    try (socket) {
                        serve(socket, deadline, project, dir, address, fingerprint);
                    } catch (java.net.SocketException e) {
                        // the client went away (Ctrl+C): its build was cancelled
                    } catch (IOException | RuntimeException e) {
                        System.out.println("a request failed: " + e);
                    }
                }).start();
            }
        }
        // A build under way ends first (its client waits for it).
        TURN.lock();
        System.exit(0);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    /** Serves one request: its handshake within {@link #HANDSHAKE_MILLIS}, then its build in its turn. */
    private static void serve(Socket socket, java.util.concurrent.Future<?> deadline, Path project, Path dir, Address address, String fingerprint)
            throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
        DataOutputStream reply = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
        byte[] nonce = new byte[32];
        in.readFully(nonce);
        byte[] mine = new byte[32];
        new SecureRandom().nextBytes(mine);
        reply.write(mine);
        reply.write(proof(address.token(), DAEMON, nonce));
        reply.flush();
        byte[] proof = new byte[32];
        in.readFully(proof);
        if (!MessageDigest.isEqual(proof, proof(address.token(), CLIENT, mine))) {
            return;
        }
        String theirs = in.readUTF();
        int n = in.readInt();
        if (n < 0 || n > 64) {
            return;
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            args.add(in.readUTF());
        }
        if (!deadline.cancel(false)) {
            return;
        }
        lastActive = System.nanoTime();
        if (!theirs.equals(fingerprint)) {
            reply.write(STALE);
            reply.flush();
            stopping = true;
            return;
        }
        Main.Command command;
        try {
            command = Main.Command.parse(args);
        } catch (Main.Failed e) {
            command = null;
        }
        // Its own project's builds only: a preview or another output folder is the client's to run.
        if (command == null || command.name().equals("serve") || command.options().containsKey("out") || !command.project().equals(project)) {
            return;
        }
        reply.write(ACK);
        reply.write(TURN.isLocked() ? 1 : 0);
        reply.flush();
        TURN.lock();
        try {
            if (stopping) {
                return;
            }
            PrintStream out = new PrintStream(new Frames(reply), true, StandardCharsets.UTF_8);
            Reply result = run(command, out, socket);
            out.flush();
            byte[] summary = result.summary().getBytes(StandardCharsets.UTF_8);
            reply.write(END);
            reply.writeInt(summary.length + 1);
            reply.write(result.ok() ? 1 : 0);
            reply.write(summary);
            reply.flush();
        } finally {
            if (overran() || broken) {
                stopping = true;
                if (address.equals(Address.read(dir))) {
                    Files.deleteIfExists(dir.resolve("address"));
                }
            }
            // What the build held is garbage now: collected while the client prints, and the heap given back.
            System.gc();
            lastActive = System.nanoTime();
            TURN.unlock();
        }
    }

    /**
     * Runs the build on a thread of the builds' group, so that the threads it leaves can be seen.
     * A client that goes away (Ctrl+C) stops it: the build publishes nothing after that.
     */
    private static Reply run(Main.Command command, PrintStream out, Socket socket) {
        Build build;
        try {
            build = command.build(out);
        } catch (Main.Failed e) {
            return new Reply(false, e.getMessage());  // as Maven's JVM says it (-Dbuild.now that is not an instant)
        }
        Reply[] result = new Reply[1];
        Thread running = new Thread(BUILDS, () -> {
            try {
                result[0] = Reply.of(build.run());
            } catch (RuntimeException | Error e) {
                e.printStackTrace();
                result[0] = new Reply(false, "the build failed: " + e);
                // Out of memory (or stack): what this JVM holds may be half made, and its heap stays grown. The next build starts afresh.
                broken |= e instanceof VirtualMachineError;
            }
        }, "build");
        // The client sends nothing more: its end of the stream is its going away.
        Thread watch = org.explainers.content.Jobs.daemons("daemon-client-watch").newThread(() -> {
            try {
                if (socket.getInputStream().read() == -1) {
                    build.cancel();
                }
            } catch (IOException e) {
                build.cancel();
            }
        });
        running.start();
        watch.start();
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result[0] != null ? result[0] : new Reply(false, "the build was interrupted");
    }

    /** Whether the build left a job running (a text's render past its limit): waits a little for the pools to end first. */
    private static boolean overran() {
        List<String> running = org.explainers.content.Jobs.leftRunning(BUILDS);
        if (!running.isEmpty()) {
            System.out.println("a build left jobs running " + running + ": stopping, the next build starts a new process");
        }
        return !running.isEmpty() || Thread.currentThread().isInterrupted();
    }

    /** The build's output as frames of the reply. */
    private static final class Frames extends OutputStream {
        private final DataOutputStream reply;

        Frames(DataOutputStream reply) {
            this.reply = reply;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            reply.write(OUTPUT);
            reply.writeInt(len);
            reply.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            reply.flush();
        }
    }
}
