package dev.clipflow.local.asl.task;

import java.util.Map;
import java.util.Optional;

/** Finds the local function for a function name (the name part of an ARN, without qualifier). */
@FunctionalInterface
public interface LambdaResolver {

    Optional<LambdaFunction> resolve(String functionName);

    /** A resolver that knows no function (every call fails like a missing function on AWS). */
    static LambdaResolver none() {
        return name -> Optional.empty();
    }

    /** A fixed name-to-function table. */
    static LambdaResolver of(Map<String, LambdaFunction> functions) {
        Map<String, LambdaFunction> copy = Map.copyOf(functions);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
