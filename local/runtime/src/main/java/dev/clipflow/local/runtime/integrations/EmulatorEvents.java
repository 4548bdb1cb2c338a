package dev.clipflow.local.runtime.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.EventBridgeIntegration;
import dev.clipflow.local.asl.task.TaskFailedException;
import java.net.URI;
import java.util.Map;

/**
 * The engine's {@code arn:aws:states:::events:putEvents} against the local runtime's bus ({@code LocalEventBus},
 * behind the IAM gate: {@code events:PutEvents} on each entry's bus for the state machine's role). A {@code Detail}
 * that is not a string is sent as its JSON text, as Step Functions does. Returns {@code Entries} and {@code
 * FailedEntryCount}; an entry the bus refused fails the task with {@code EventBridge.FailedEntry} (AWS's error for
 * it), other errors are {@code EventBridge.<ErrorCode>}.
 */
public final class EmulatorEvents implements EventBridgeIntegration {

    private final AwsJsonClient client;

    /** @param config the stack's {@code AWS_*} settings ({@code AWS_ENDPOINT_URL_EVENTBRIDGE}, credentials) */
    public EmulatorEvents(Map<String, String> config) {
        this.client = new AwsJsonClient(URI.create(config.get("AWS_ENDPOINT_URL_EVENTBRIDGE")), "events",
                "AWSEvents.", "EventBridge", "AmazonEventBridge", config);
    }

    @Override
    public JsonNode putEvents(JsonNode parameters) {
        ObjectNode request = parameters.deepCopy();
        for (JsonNode entry : request.path("Entries")) {
            JsonNode detail = entry.get("Detail");
            if (entry instanceof ObjectNode e && detail != null && !detail.isTextual()) {
                e.put("Detail", Json.write(detail));
            }
        }
        ObjectNode response = client.call("PutEvents", request);
        if (response.path("FailedEntryCount").asInt(0) > 0) {
            throw new TaskFailedException("EventBridge.FailedEntry", "The request failed because at least one"
                    + " entry failed: " + Json.write(response.path("Entries")));
        }
        return response;
    }
}
