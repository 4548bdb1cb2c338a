package dev.clipflow.local.asl.model;

import dev.clipflow.local.asl.path.QueryPath;

/** {@code "Type": "Succeed"}. */
public record SucceedState(String name, QueryPath inputPath, QueryPath outputPath) implements State {
}
