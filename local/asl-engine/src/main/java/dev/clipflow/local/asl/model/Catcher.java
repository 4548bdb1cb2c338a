package dev.clipflow.local.asl.model;

import dev.clipflow.local.asl.path.ReferencePath;
import java.util.List;

/**
 * One element of "Catch".
 *
 * @param resultPath {@code null} when {@code "ResultPath": null} (the error output is discarded)
 */
public record Catcher(List<String> errorEquals, String next, ReferencePath resultPath) {
    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }
}
