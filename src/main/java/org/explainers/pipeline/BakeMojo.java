package org.explainers.pipeline;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code ./mvnw package}: checks the content and bakes target/site/. A failed build fails
 * Maven with the build's own message: the first problem (file, line, fix) and how many there
 * are, on Maven's "Failed to execute goal" line.
 */
@Mojo(name = "bake", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BakeMojo extends AbstractMojo {

    static {
        Logs.quiet();
    }

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /** Where the site is published. */
    @Parameter(defaultValue = "${project.build.directory}/site")
    private File site;

    /** The deployment's absolute address, e.g. https://example.org/explainers/ (default: jbake.properties' site.host). */
    @Parameter(property = "site.host")
    private String siteHost;

    /** `build`, or `check` to check the content and write nothing. */
    @Parameter(property = "bake.command", defaultValue = "build")
    private String command;

    /** The build's "now" (e.g. 2026-11-30T12:00:00Z): what is dated later is held back. Default: the current time. */
    @Parameter(property = "build.now")
    private String now;

    @Override
    public void execute() throws MojoFailureException {
        if (!command.equals("build") && !command.equals("check")) {
            throw new MojoFailureException("-Dbake.command=" + command + " is not a command: use build or check");
        }
        Instant instant;
        try {
            instant = now == null || now.isBlank() ? Instant.now() : Instant.parse(now.strip());
        } catch (DateTimeParseException e) {
            throw new MojoFailureException("-Dbuild.now=" + now + " is not an instant: write e.g. -Dbuild.now=2026-11-30T12:00:00Z");
        }
        Build.Options options = new Build.Options(basedir.toPath(), site.toPath(), siteHost, instant, command.equals("check"), false);
        Build.Result result = new Build(options, System.out).run();
        if (!result.ok()) {
            throw new MojoFailureException(result.summary());
        }
    }
}
