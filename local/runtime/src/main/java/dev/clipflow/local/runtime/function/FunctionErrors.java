package dev.clipflow.local.runtime.function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Function error payloads exactly as Lambda writes them: an uncaught exception as the Java runtime interface
 * client reports it ({@code errorMessage} = the message, or the class name when there is none; {@code errorType}
 * = the fully qualified class name; {@code stackTrace} = the frames' {@code toString()}), and a timeout as
 * {@code {"errorType":"Sandbox.Timedout","errorMessage":"<ISO instant> <request id> Task timed out after
 * 3.00 seconds"}}.
 */
public final class FunctionErrors {

    /** The errorType Lambda reports for an invocation that ran past the function's timeout. */
    public static final String TIMEOUT_TYPE = "Sandbox.Timedout";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private FunctionErrors() {
    }

    /** The exception the handler itself threw (reflection and proxy wrappers removed). */
    public static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException
                || current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    public static ObjectNode fromThrowable(Throwable thrown) {
        Throwable t = unwrap(thrown);
        ObjectNode body = Json.object();
        String message = t.getLocalizedMessage();
        body.put("errorMessage", message == null ? t.getClass().getName() : message);
        body.put("errorType", t.getClass().getName());
        ArrayNode trace = body.putArray("stackTrace");
        for (StackTraceElement e : t.getStackTrace()) {
            trace.add(e.toString());
        }
        return body;
    }

    /** @param at when the timeout hit; {@code elapsed} is formatted with two decimals, as Lambda does */
    public static ObjectNode timeout(String requestId, Instant at, Duration elapsed) {
        ObjectNode body = Json.object();
        body.put("errorType", TIMEOUT_TYPE);
        body.put("errorMessage", STAMP.format(at) + " " + requestId + " Task timed out after "
                + String.format(Locale.ROOT, "%.2f", elapsed.toMillis() / 1000.0) + " seconds");
        return body;
    }
}
