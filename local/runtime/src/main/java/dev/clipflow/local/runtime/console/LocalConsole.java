package dev.clipflow.local.runtime.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.sfn.LocalStepFunctions;
import dev.clipflow.local.runtime.template.StateMachineDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The local console's side of {@code ./clipflow up}'s HTTP server: the page ({@code GET /}, its files under
 * {@code GET /console/...}, from the class path's {@code console/} folder) and two read-only JSON endpoints,
 * local only and unsigned, that it draws the pipeline from:
 * <ul>
 *   <li>{@code GET /_local/state-machine}: {@code {"stateMachineArn", "definition"}}, the template's state
 *   machine with its substitutions made;</li>
 *   <li>{@code GET /_local/videos/{videoId}/execution}: the newest execution of that video (ingest names it
 *   {@code {videoId}-<15 hex>}, {@code ExecutionNames}): DescribeExecution's fields plus {@code events},
 *   GetExecutionHistory's events without execution data; 404 {@code {"message"}} while there is none.</li>
 * </ul>
 * Anything else is not the console's ({@link #answer} returns empty).
 */
public final class LocalConsole {

    private static final Pattern EXECUTION = Pattern.compile("/_local/videos/([a-z0-9-]{1,64})/execution");
    private static final Pattern FILE = Pattern.compile(
            "/console/((?:[a-z0-9-]+/)*[a-z0-9-]+(?:\\.min)?\\.(html|js|css))");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json");

    /** A response: status, content type, body. */
    public record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, TYPES.get("json"), Json.write(body).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final LocalStepFunctions sfn;
    private final StateMachineDef machine;

    /** @param machine the template's state machine (the pipeline), or {@code null} when it has none */
    public LocalConsole(LocalStepFunctions sfn, StateMachineDef machine) {
        this.sfn = sfn;
        this.machine = machine;
    }

    /** The answer to {@code GET path}, or empty when the path is not the console's. */
    public Optional<Answer> answer(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Optional.empty();
        }
        if (path.equals("/") || path.equals("/console/")) {
            return resource("index.html");
        }
        Matcher file = FILE.matcher(path);
        if (file.matches()) {
            return resource(file.group(1));
        }
        if (path.equals("/_local/state-machine")) {
            return Optional.of(stateMachine());
        }
        Matcher execution = EXECUTION.matcher(path);
        if (execution.matches()) {
            return Optional.of(execution(execution.group(1)));
        }
        return Optional.empty();
    }

    private Answer stateMachine() {
        if (machine == null) {
            return Answer.json(404, Json.object().put("message", "The template has no state machine"));
        }
        ObjectNode out = Json.object().put("stateMachineArn", machine.arn());
        out.set("definition", Json.parse(machine.definition()));
        return Answer.json(200, out);
    }

    private Answer execution(String videoId) {
        Pattern name = Pattern.compile(Pattern.quote(videoId) + "-[0-9a-f]{15}");
        Optional<JsonNode> newest = machine == null ? Optional.empty()
                : StreamSupport.stream(sfn.listExecutions(Json.object().put("stateMachineArn", machine.arn())
                        .put("maxResults", 1000)).path("executions").spliterator(), false)
                .filter(e -> name.matcher(e.path("name").asText()).matches())
                .max(Comparator.comparingDouble(e -> e.path("startDate").asDouble()));
        if (newest.isEmpty()) {
            return Answer.json(404, Json.object().put("message", "No execution for video " + videoId + " yet"));
        }
        String arn = newest.get().path("executionArn").asText();
        ObjectNode out = sfn.describeExecution(Json.object().put("executionArn", arn));
        out.remove(java.util.List.of("input", "inputDetails", "output", "outputDetails"));
        ArrayNode events = out.putArray("events");
        String token = null;
        do {
            ObjectNode req = Json.object().put("executionArn", arn).put("includeExecutionData", false);
            if (token != null) {
                req.put("nextToken", token);
            }
            ObjectNode page = sfn.getExecutionHistory(req);
            events.addAll((ArrayNode) page.path("events"));
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
        return Answer.json(200, out);
    }

    private static Optional<Answer> resource(String file) {
        try (InputStream in = LocalConsole.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            String ext = file.substring(file.lastIndexOf('.') + 1);
            return Optional.of(new Answer(200, TYPES.get(ext), in.readAllBytes()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
