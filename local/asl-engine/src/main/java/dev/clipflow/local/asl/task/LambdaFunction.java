package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/** A Lambda function the local runtime can call in-process. Must be thread-safe. */
@FunctionalInterface
public interface LambdaFunction {

    /**
     * Invokes the function with its event.
     *
     * @return the response; a function error is a response with {@code functionError} set, not an exception
     */
    LambdaResponse invoke(JsonNode payload);
}
