package dev.clipflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads sample events from the repository's root {@code events/} folder. */
public final class Events {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {
    }

    public static Path folder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No events/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("events");
    }

    public static String text(String name) {
        try {
            return Files.readString(folder().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> read(String name) {
        return JSON.readValue(text(name), new TypeReference<Map<String, Object>>() { });
    }

    /** Parses {@code json} (the name is ignored; lets callers read a string as an event). */
    public static Map<String, Object> read(String ignored, String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
