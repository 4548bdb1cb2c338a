package dev.clipflow.local.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one local substitution of a template value: paths into a Lambda layer ({@code /opt/bin/ffmpeg}) point at
 * the same program on this machine's {@code PATH} when the layer path does not exist here.
 */
final class LocalOverrides {

    private LocalOverrides() {
    }

    static String localPath(String value) {
        if (value == null || !value.startsWith("/opt/") || Files.exists(Path.of(value))) {
            return value;
        }
        String program = Path.of(value).getFileName().toString();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return value;
    }
}
