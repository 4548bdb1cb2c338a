package dev.clipflow.local.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.path.QueryPath;
import java.util.List;

/** An argument of an intrinsic call: a literal, a path into the input or context object, or a nested call. */
public sealed interface IntrinsicArg {

    /** A string, number, boolean or null literal. */
    record Literal(JsonNode value) implements IntrinsicArg {
    }

    /** A path; {@code context} when it starts with {@code $$} (the path is then relative to the context object). */
    record PathArg(String text, QueryPath path, boolean context) implements IntrinsicArg {
    }

    /** A call of one intrinsic function. */
    record Call(IntrinsicFunction function, List<IntrinsicArg> args) implements IntrinsicArg {
        public Call {
            args = List.copyOf(args);
        }
    }
}
