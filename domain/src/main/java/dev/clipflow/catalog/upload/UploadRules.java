package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.upload.UploadRejectedException.Reason;
import java.util.Locale;
import java.util.Optional;

/**
 * A channel's upload limits applied to a requested upload, before any byte is stored: size, then content type,
 * then the declared length. The daily counts are taken by {@link UploadQuotas} when the video is stored, so a
 * refused request never spends quota.
 */
public final class UploadRules {
    private UploadRules() {
    }

    /**
     * Checks size and content type and returns how to cut the file.
     *
     * @throws UploadRejectedException with the reason
     */
    public static UploadPlan plan(ChannelLimits limits, long declaredBytes, String contentType) {
        check(limits, declaredBytes, contentType);
        return UploadPlan.forSize(declaredBytes);
    }

    /**
     * The seconds an upload reserves of its owner's daily minutes: its declared length rounded up to a whole
     * second plus one second of tolerance (a player's length and the container's differ by a few frames), at most
     * the channel's longest video; the channel's longest when it declares none. The probe refuses a longer source.
     *
     * @throws UploadRejectedException {@code TOO_LONG} when the declared length is not positive or above the
     *                                 channel's longest video
     */
    public static long reservedSeconds(ChannelLimits limits, Double declaredSeconds) {
        double max = limits.maxDurationSeconds();
        if (declaredSeconds == null) {
            return (long) Math.ceil(max);
        }
        if (!(declaredSeconds > 0) || declaredSeconds > max) {
            throw new UploadRejectedException(Reason.TOO_LONG, String.format(Locale.ROOT,
                    "The declared length must be more than 0 and at most %.0f seconds (this channel's longest video).",
                    max));
        }
        return Math.min((long) Math.ceil(max), (long) Math.ceil(declaredSeconds) + 1);
    }

    /** The refusal of an upload over the channel's daily limit. */
    public static UploadRejectedException dailyLimitReached(int uploadsPerDay) {
        return new UploadRejectedException(Reason.DAILY_LIMIT_REACHED, "This channel has reached its limit of "
                + uploadsPerDay + " uploads per day (UTC); try again tomorrow.");
    }

    /** The size and content-type checks alone (ingest repeats them on the object that arrived). */
    public static void check(ChannelLimits limits, long declaredBytes, String contentType) {
        if (declaredBytes < 1) {
            throw new UploadRejectedException(Reason.EMPTY, "The file is empty; choose a video file to upload.");
        }
        long max = Math.min(limits.maxBytes(), UploadPlan.MAX_OBJECT_SIZE);
        if (declaredBytes > max) {
            throw new UploadRejectedException(Reason.TOO_LARGE, "The file is " + humanBytes(declaredBytes)
                    + "; this channel accepts files up to " + humanBytes(max) + ".");
        }
        String type = normaliseContentType(contentType);
        if (!limits.allowedContentTypes().contains(type)) {
            throw new UploadRejectedException(Reason.CONTENT_TYPE_NOT_ALLOWED, "Files of type '"
                    + (type.isEmpty() ? "unknown" : type) + "' are not accepted; this channel accepts "
                    + String.join(", ", limits.allowedContentTypes().stream().sorted().toList()) + ".");
        }
    }

    /**
     * Why an object that actually arrived is refused, as a creator reads it: empty, above the channel's limit, or
     * not exactly the size declared when the upload was created (the presigned parts were sized from it); empty
     * when it passes.
     */
    public static Optional<String> arrivalViolation(long actualBytes, long declaredBytes, ChannelLimits limits) {
        if (actualBytes == 0) {
            return Optional.of("The uploaded file is empty.");
        }
        if (actualBytes > limits.maxBytes()) {
            return Optional.of("The uploaded file is " + humanBytes(actualBytes)
                    + ", larger than this channel's limit of " + humanBytes(limits.maxBytes()) + ".");
        }
        if (actualBytes != declaredBytes) {
            return Optional.of(String.format(Locale.ROOT,
                    "The uploaded file is %,d bytes, but %,d bytes were declared when the upload was created.",
                    actualBytes, declaredBytes));
        }
        return Optional.empty();
    }

    /** {@code Video/MP4; codecs="avc1"} -> {@code video/mp4}; null -> empty. */
    public static String normaliseContentType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        String type = semi < 0 ? contentType : contentType.substring(0, semi);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    /** The one byte formatter for sentences a creator reads: 1536 -> "1.5 KiB", 2048 -> "2 KiB"; exact below 1 KiB. */
    static String humanBytes(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }
}
