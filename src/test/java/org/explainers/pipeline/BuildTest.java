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
}
