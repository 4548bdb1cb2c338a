package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import java.util.UUID;

/**
 * Lambda through a function ARN (the result is the function's payload) or through
 * {@code arn:aws:states:::lambda:invoke} (the result is the Invoke API response: ExecutedVersion, Payload,
 * SdkHttpMetadata, SdkResponseMetadata, StatusCode). Function errors map {@code errorType} to the error and the
 * error payload's JSON text to the cause.
 */
public final class LambdaTaskInvoker {

    static final String NOT_FOUND = "Lambda.ResourceNotFoundException";

    private final LambdaResolver resolver;

    public LambdaTaskInvoker(LambdaResolver resolver) {
        this.resolver = resolver;
    }

    /** A function ARN resource: the payload is the effective parameters. */
    public JsonNode invokeFunctionArn(String arn, JsonNode payload) {
        LambdaResponse r = call(arn, payload);
        return r.payload();
    }

    /** {@code lambda:invoke}: FunctionName and Payload come from the parameters. */
    public JsonNode invokeIntegration(JsonNode parameters) {
        JsonNode fn = parameters.get("FunctionName");
        if (fn == null || !fn.isTextual()) {
            throw new TaskFailedException("States.Runtime", "The field 'FunctionName' is required by lambda:invoke");
        }
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
        LambdaResponse r = call(fn.textValue(), payload);
        ObjectNode out = Json.object();
        out.put("ExecutedVersion", r.executedVersion());
        out.set("Payload", r.payload());
        String requestId = UUID.randomUUID().toString();
        ObjectNode http = out.putObject("SdkHttpMetadata");
        ObjectNode headers = http.putObject("AllHttpHeaders");
        headers.putArray("X-Amz-Executed-Version").add(r.executedVersion());
        headers.putArray("x-amzn-Remapped-Content-Length").add("0");
        headers.putArray("Connection").add("keep-alive");
        headers.putArray("x-amzn-RequestId").add(requestId);
        headers.putArray("Content-Type").add("application/json");
        ObjectNode single = http.putObject("HttpHeaders");
        single.put("Connection", "keep-alive");
        single.put("Content-Type", "application/json");
        single.put("X-Amz-Executed-Version", r.executedVersion());
        single.put("x-amzn-Remapped-Content-Length", "0");
        single.put("x-amzn-RequestId", requestId);
        http.put("HttpStatusCode", r.statusCode());
        out.putObject("SdkResponseMetadata").put("RequestId", requestId);
        out.put("StatusCode", r.statusCode());
        return out;
    }

    private LambdaResponse call(String function, JsonNode payload) {
        String name = functionName(function);
        LambdaFunction fn = resolver.resolve(name).orElseThrow(() -> new TaskFailedException(NOT_FOUND,
                "Function not found: " + functionArn(function) + " (Service: AWSLambda; Status Code: 404; Error Code:"
                        + " ResourceNotFoundException; Request ID: " + UUID.randomUUID() + "; Proxy: null)"));
        LambdaResponse r = fn.invoke(payload);
        if (r.functionError() != null) {
            JsonNode type = r.payload() == null ? null : r.payload().get("errorType");
            String error = type != null && type.isTextual() ? type.textValue() : "Lambda.Unknown";
            throw new TaskFailedException(error, r.payload() == null ? null : Json.write(r.payload()));
        }
        return r;
    }

    /** The bare function name of a name, partial ARN or full ARN, without version or alias. */
    public static String functionName(String function) {
        String[] parts = function.split(":");
        if (parts.length >= 7 && "function".equals(parts[5])) {
            return parts[6];
        }
        if (parts.length >= 3 && "function".equals(parts[1])) {
            return parts[2];
        }
        return parts[0];
    }

    private static String functionArn(String function) {
        if (function.startsWith("arn:")) {
            String[] parts = function.split(":");
            return String.join(":", java.util.Arrays.copyOf(parts, Math.min(parts.length, 7)));
        }
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName(function);
    }
}
