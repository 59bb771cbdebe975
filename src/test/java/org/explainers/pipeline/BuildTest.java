package org.explainers.pipeline;

import org.explainers.fixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildTest {

    @Test
    void theNewsroomFixtureBuilds(@TempDir Path tmp) {
        Fixture f = Fixture.newsroom(tmp);
        Build.Result r = f.build();
        assertTrue(r.ok(), f.log());
        System.out.println(f.log());
    }

    /** A file's name in a CI workflow command's `file=` (a pull request chose it): one line, and no `,` or `:` of the command's own. */
    @Test
    void aFileNameIsOnePropertyOfAWorkflowCommand() {
        String name = Build.property("content/articles/x\n::error file=README.md,line=1::INJECTED\r%0A.png");
        org.junit.jupiter.api.Assertions.assertEquals(
                "content/articles/x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3AINJECTED%0D%250A.png", name);
    }
}
