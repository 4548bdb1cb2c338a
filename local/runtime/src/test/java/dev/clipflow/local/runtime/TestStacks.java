package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.api.LocalHttpApi;
import dev.clipflow.local.runtime.function.FixtureFunction;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** The stacks the local runtime's integration tests start, and a call to the local HTTP API of one. */
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

    /**
     * {@code method path} with {@code body} as {@code user} on {@code up}'s HTTP API; fails unless it answers
     * {@code expected}.
     */
    static JsonNode call(Up up, HttpClient http, String method, String path, String body, String user, int expected)
            throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(up.api().url().resolve(path))
                .header(LocalHttpApi.USER_HEADER, user).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expected);
        return Json.parse(r.body());
    }
}
