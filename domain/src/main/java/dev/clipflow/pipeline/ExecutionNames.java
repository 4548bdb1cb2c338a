package dev.clipflow.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Deterministic execution names: one uploaded object, one name, so a repeated delivery of the
 * same S3 event meets Step Functions' name idempotency instead of starting a second execution.
 *
 * <p>The name is {@code {videoId}-{hash}}: the video id (at most 64 characters of
 * {@code [a-z0-9-]}) for the console, then 15 hex characters of the SHA-256 of the object's
 * identity: bucket, key and the first of version id, sequencer, ETag that is present. Together at
 * most 80 characters, all allowed in an execution name.
 */
public final class ExecutionNames {
    /** The longest execution name Step Functions accepts. */
    public static final int MAX_LENGTH = 80;
    private static final int HASH_CHARS = 15;

    private ExecutionNames() {
    }

    /** The execution name for the pipeline run of {@code source}, uploaded for {@code videoId}. */
    public static String forUpload(String videoId, SourceObject source) {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(source, "source");
        String identity = source.bucket() + "\n" + source.key() + "\n" + firstPresent(
                source.versionId(), source.sequencer(), source.eTag());
        String name = videoId + "-" + sha256Hex(identity).substring(0, HASH_CHARS);
        if (name.length() > MAX_LENGTH || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("videoId does not fit an execution name: " + videoId);
        }
        return name;
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
