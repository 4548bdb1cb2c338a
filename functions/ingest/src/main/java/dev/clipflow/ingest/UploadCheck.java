package dev.clipflow.ingest;

import dev.clipflow.catalog.ChannelLimits;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks an object that actually arrived must pass: not empty, within the channel's limit,
 * exactly the size the creator declared (the presigned parts were sized from it).
 */
final class UploadCheck {

    private UploadCheck() {
    }

    /** The reason the object is refused, as a creator would read it; empty when it passes. */
    static Optional<String> violation(long actualBytes, long declaredBytes, ChannelLimits limits) {
        if (actualBytes == 0) {
            return Optional.of("The uploaded file is empty.");
        }
        if (actualBytes > limits.maxBytes()) {
            return Optional.of("The uploaded file is " + human(actualBytes) + ", larger than this channel's limit of "
                    + human(limits.maxBytes()) + ".");
        }
        if (actualBytes != declaredBytes) {
            return Optional.of(String.format(Locale.ROOT,
                    "The uploaded file is %,d bytes, but %,d bytes were declared when the upload was created.",
                    actualBytes, declaredBytes));
        }
        return Optional.empty();
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
