package dev.clipflow.local.asl.model;

import dev.clipflow.local.asl.path.QueryPath;
import dev.clipflow.local.asl.path.ReferencePath;
import java.time.Instant;

/**
 * {@code "Type": "Wait"}: exactly one of the four duration fields is set.
 *
 * @param next {@code null} when End
 */
public record WaitState(String name, QueryPath inputPath, QueryPath outputPath, Long seconds, Instant timestamp,
                        ReferencePath secondsPath, ReferencePath timestampPath, String next) implements State {
}
