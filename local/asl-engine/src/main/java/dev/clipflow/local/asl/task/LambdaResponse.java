package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Lambda's Invoke API returns.
 *
 * @param payload the function's result, or for a function error its {@code errorType}/{@code errorMessage} object
 * @param functionError {@code null} on success, else {@code Unhandled} (or {@code Handled})
 * @param executedVersion for example {@code $LATEST}
 */
public record LambdaResponse(JsonNode payload, String functionError, String executedVersion, int statusCode) {

    public static LambdaResponse ok(JsonNode payload) {
        return new LambdaResponse(payload, null, "$LATEST", 200);
    }

    /** A function error as the runtime reports an uncaught exception. */
    public static LambdaResponse error(String errorType, String errorMessage) {
        var body = dev.clipflow.local.asl.json.Json.object();
        body.put("errorMessage", errorMessage);
        body.put("errorType", errorType);
        body.putArray("stackTrace");
        return new LambdaResponse(body, "Unhandled", "$LATEST", 200);
    }
}
