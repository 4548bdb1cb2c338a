package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.path.QueryPath;
import dev.clipflow.local.asl.path.ReferencePath;
import java.util.function.Supplier;

/**
 * The state being executed: its name, the id of its StateEntered event, which AWS quotes in causes
 * ("An error occurred while executing the state 'X' (entered at the event id #2). ..."), and its context object
 * ({@code $$}), built only when a path asks for it.
 */
record Scope(String name, long enteredId, Supplier<JsonNode> context) {

    StatesErrorException runtime(String message) {
        return new StatesErrorException(ErrorNames.RUNTIME, prefix() + message);
    }

    /** The node a Reference Path selects from {@code data}, or from the context object for {@code $$...}. */
    JsonNode find(ReferencePath path, JsonNode data) {
        return path.find(path.context() ? context.get() : data);
    }

    /** The root a query path reads: the context object for {@code $$...}, else {@code data}. */
    JsonNode root(QueryPath path, JsonNode data) {
        return path.context() ? context.get() : data;
    }

    /** TestState reports causes without the execution prefix; it uses a negative event id. */
    String prefix() {
        if (enteredId < 0) {
            return "";
        }
        return "An error occurred while executing the state '" + name + "' (entered at the event id #" + enteredId
                + "). ";
    }
}
