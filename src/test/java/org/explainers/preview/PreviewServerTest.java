package org.explainers.preview;

import org.explainers.build.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview's file server with odd addresses, and a second preview on a port already taken. */
class PreviewServerTest {

    @TempDir
    Path tmp;

    @Test
    void oddAddressesGetAnAnswerAndNothingOutsideTheSite() throws Exception {
        TempProject project = new TempProject(tmp);
        PreviewServer preview = new PreviewServer(project.dir, project.dir.resolve("target/preview"), 0);
        preview.start();
        try {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String base = preview.address();

            // A folder without its slash: its index page links relative to the folder, so redirect.
            HttpResponse<String> folder = get(http, base + "articles/putin-peace-talks-core-demand");
            assertEquals(301, folder.statusCode());
            assertEquals("/articles/putin-peace-talks-core-demand/", folder.headers().firstValue("Location").orElse(""));
            assertEquals(200, get(http, base + "articles/putin-peace-talks-core-demand/").statusCode());

            // A NUL in the path used to drop the connection without an answer.
            assertEquals(400, get(http, base + "%00").statusCode());
            // Nothing outside the site, however it is spelled.
            for (String escape : new String[]{"%2e%2e/%2e%2e/etc/passwd", "..%2f..%2fetc/passwd", "%2e%2e%5c%2e%2e%5cetc%5cpasswd"}) {
                int status = get(http, base + escape).statusCode();
                assertTrue(status == 403 || status == 404, escape + " -> " + status);
            }

            // The port is taken: a message that says so, not a stack trace.
            int port = URI.create(base).getPort();
            PreviewServer.PortInUseException e = assertThrows(PreviewServer.PortInUseException.class,
                    () -> new PreviewServer(project.dir, project.dir.resolve("target/preview2"), port));
            assertTrue(e.getMessage().contains("port " + port + " is already in use") && e.getMessage().contains("-Dpreview.port="), e.getMessage());
        } finally {
            preview.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
