package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.ChannelRepository;
import dev.clipflow.catalog.upload.UploadRejectedException.Reason;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A channel's upload limits applied to a requested upload, before any byte is stored: size, then
 * content type, and only when both pass, one upload counted against the channel's daily limit (so
 * a refused request never spends quota).
 */
public final class UploadRules {
    private final ChannelRepository channels;

    public UploadRules(ChannelRepository channels) {
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    /**
     * Checks the limits, counts the upload for {@code day} (UTC) and returns how to cut the file.
     *
     * @throws UploadRejectedException with the reason, having counted nothing
     */
    public UploadPlan admit(Channel channel, long declaredBytes, String contentType, LocalDate day) {
        check(channel.limits(), declaredBytes, contentType);
        UploadPlan plan = UploadPlan.forSize(declaredBytes);
        int perDay = channel.limits().uploadsPerDay();
        if (!channels.tryCountUpload(channel.channelId(), day, perDay)) {
            throw new UploadRejectedException(Reason.DAILY_LIMIT_REACHED, "This channel has reached its limit of "
                    + perDay + " uploads per day (UTC); try again tomorrow.");
        }
        return plan;
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

    /** {@code Video/MP4; codecs="avc1"} -> {@code video/mp4}; null -> empty. */
    public static String normaliseContentType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        String type = semi < 0 ? contentType : contentType.substring(0, semi);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    /** 1536 -> "1.5 KiB"; exact byte counts below 1 KiB. */
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
