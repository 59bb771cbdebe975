package org.explainers.pipeline;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.explainers.preview.PreviewServer;

import java.io.File;

/**
 * {@code ./mvnw -Ppreview package}: serves the site at http://127.0.0.1:8820/, with drafts and
 * scheduled pieces, re-bakes on every save and updates the open tabs (or shows what is wrong).
 */
@Mojo(name = "preview", threadSafe = true)
public class PreviewMojo extends AbstractMojo {

    static {
        Logs.quiet();
    }

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    @Parameter(property = "preview.port", defaultValue = "8820")
    private String port;

    /** 127.0.0.1: this machine only; 0.0.0.0 lets others in (a preview in a container or VM). */
    @Parameter(property = "preview.host", defaultValue = "127.0.0.1")
    private String host;

    @Override
    public void execute() throws MojoFailureException {
        try {
            int code = PreviewServer.main(basedir.toPath(), host, port);
            if (code != 0) {
                throw new MojoFailureException("the preview could not start (see above)");
            }
        } catch (java.io.IOException e) {
            throw new MojoFailureException("the preview stopped: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
