package dev.clipflow.local.runtime;

import dev.clipflow.local.runtime.function.FixtureFunction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The stacks the local runtime's integration tests start. */
final class TestStacks {
    private TestStacks() {
    }

    /**
     * A stack from the test template {@code templateResource} (src/test/resources) whose functions are the
     * EventRecorder fixture: each appends the events it gets to {@code records(dir)/<bean>.jsonl}. The fixture
     * templates declare no roles, so IAM is off (the IAM tests use the real template).
     */
    static LocalClipflow fixture(Path dir, String templateResource, double clockSpeed) throws IOException {
        FixtureFunction.build(dir, "EventRecorder", "recorder.zip");
        try (InputStream in = TestStacks.class.getResourceAsStream(templateResource)) {
            Files.write(dir.resolve("template.yaml"), in.readAllBytes());
        }
        System.setProperty("RECORD_DIR", Files.createDirectories(records(dir)).toString());
        return LocalClipflow.start(dir.resolve("template.yaml"), dir.resolve("cache"), clockSpeed, false);
    }

    /** Where the fixture's functions record their events. */
    static Path records(Path dir) {
        return dir.resolve("records");
    }

    /** The repository's template.yaml with every function's zip, behind the local HTTP API, as ./clipflow up runs. */
    static Up realTemplate() {
        System.setProperty("logging.level.root", "WARN");
        Path root = RepoRoot.get();
        return Up.start(root.resolve("template.yaml"), root.resolve("local/runtime/target/function-cache"), 0, 1.0,
                LocalHttpApi.defaultIdentity());
    }
}
