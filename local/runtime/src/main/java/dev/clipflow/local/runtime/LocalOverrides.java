package dev.clipflow.local.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local substitutions of template values: paths into a Lambda layer ({@code /opt/bin/ffmpeg}) point at the
 * same program on this machine's {@code PATH} when the layer path does not exist here; and an {@code https://}
 * URL on a local stand-in ({@code https://127.0.0.1:<port>}, e.g. the CloudFront distribution's
 * {@code DomainName} in {@code !Sub "https://${MediaDistribution.DomainName}"}) becomes {@code http://}: the
 * stand-ins speak plain HTTP on loopback.
 */
final class LocalOverrides {

    private static final String LOCAL_HTTPS = "https://127.0.0.1:";

    private LocalOverrides() {
    }

    static String local(String value) {
        if (value != null && value.startsWith(LOCAL_HTTPS)) {
            return "http://127.0.0.1:" + value.substring(LOCAL_HTTPS.length());
        }
        return localPath(value);
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
