package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * One attempt of a Task state.
 *
 * @param stateName the Task state's name (unique in the whole state machine)
 * @param resource the "Resource" ARN
 * @param parameters the effective parameters (after InputPath and Parameters)
 * @param retryCount how many retries of this state came before this attempt
 * @param contextObject the context object ({@code $$}), built only when asked for
 */
public record TaskRequest(String stateName, String resource, JsonNode parameters, int retryCount,
                          Supplier<JsonNode> contextObject) {

    /** The context object ({@code $$}) of this attempt. */
    public JsonNode context() {
        return contextObject.get();
    }
}
