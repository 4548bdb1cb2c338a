package dev.clipflow.local.runtime.function;

import dev.clipflow.testing.media.LocalFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local substitutions of template values: the ffmpeg layer's programs ({@code /opt/bin/ffmpeg},
 * {@code /opt/bin/ffprobe}) become the same release on this machine ({@link LocalFfmpeg}: FFMPEG_PATH/FFPROBE_PATH
 * when set, else fetched once into ~/.cache/clipflow) when the layer path does not exist here; and an {@code https://}
 * URL on a local stand-in ({@code https://127.0.0.1:<port>}, e.g. the CloudFront distribution's
 * {@code DomainName} in {@code !Sub "https://${MediaDistribution.DomainName}"}) becomes {@code http://}: the
 * stand-ins speak plain HTTP on loopback.
 */
final class LocalOverrides {

    private static final String LOCAL_HTTPS = "https://127.0.0.1:";
    private static final String LAYER_BIN = "/opt/bin/";

    private LocalOverrides() {
    }

    static String local(String value) {
        if (value != null && value.startsWith(LOCAL_HTTPS)) {
            return "http://127.0.0.1:" + value.substring(LOCAL_HTTPS.length());
        }
        return localPath(value);
    }

    static String localPath(String value) {
        if (value == null || !value.startsWith(LAYER_BIN) || Files.exists(Path.of(value))) {
            return value;
        }
        return switch (value.substring(LAYER_BIN.length())) {
            case "ffmpeg" -> LocalFfmpeg.install().ffmpeg().toString();
            case "ffprobe" -> LocalFfmpeg.install().ffprobe().toString();
            default -> value;
        };
    }
}
