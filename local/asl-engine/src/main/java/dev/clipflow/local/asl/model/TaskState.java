package dev.clipflow.local.asl.model;

import dev.clipflow.local.asl.path.ReferencePath;
import java.util.List;

/**
 * {@code "Type": "Task"}.
 *
 * @param timeoutSeconds {@code null} when absent (AWS default: 99999999 s)
 * @param next {@code null} when End
 */
public record TaskState(String name, IoSpec io, String resource, Integer timeoutSeconds,
                        ReferencePath timeoutSecondsPath, Integer heartbeatSeconds,
                        ReferencePath heartbeatSecondsPath, List<Retrier> retry, List<Catcher> catchers,
                        String next) implements State {

    /** AWS's default task timeout, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 99_999_999;

    public TaskState {
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }
}
