package dev.clipflow.local.asl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.json.JsonSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options of one command. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] argv, int from, Set<String> withValue, Set<String> flags) {
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (flags.contains(a)) {
                values.put(a, "true");
            } else if (withValue.contains(a)) {
                if (i + 1 >= argv.length) {
                    throw new UsageException("Missing value for " + a);
                }
                values.put(a, argv[++i]);
            } else {
                throw new UsageException("Unknown option '" + a + "'");
            }
        }
    }

    String get(String name) {
        return values.get(name);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("Missing required option " + name);
        }
        return v;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    static String readFile(String file, String what) {
        try {
            return Files.readString(Path.of(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException("Cannot read the " + what + " file '" + file + "': no such file");
        } catch (IOException | RuntimeException e) {
            throw new InputException("Cannot read the " + what + " file '" + file + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** JSON given inline or as {@code @file}. */
    static JsonNode json(String value, String what) {
        String text = value.startsWith("@") ? readFile(value.substring(1), what) : value;
        try {
            return Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new InputException("The " + what + " is not valid JSON: " + e.getMessage());
        }
    }
}
