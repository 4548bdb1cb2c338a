package dev.clipflow.catalog;

import dev.clipflow.catalog.upload.VideoMetadataInvalidException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Who may find and play a video (docs/adr/0014). {@link #PUBLIC}: listed on the channel, pushed to feeds, indexed
 * for related lists and recommendations, its media plainly cacheable. {@link #UNLISTED}: listed nowhere, playable by
 * any signed-in caller who has its id, media behind signatures. {@link #PRIVATE}: the owner only (anyone else gets
 * 404), media behind signatures.
 */
public enum Visibility {
    PUBLIC,
    UNLISTED,
    PRIVATE;

    /** The visibility of a video that did not choose one (and of records written before visibility existed). */
    public static final Visibility DEFAULT = PUBLIC;

    /** Listed on the channel, in feeds, related lists and recommendations. */
    public boolean isListed() {
        return this == PUBLIC;
    }

    /** Media under {@code restricted/{videoId}/}, served only with a signature. */
    public boolean isRestricted() {
        return this != PUBLIC;
    }

    /**
     * A creator's choice as sent ({@code public}, {@code UNLISTED}, ...; case does not matter); null means
     * {@link #DEFAULT}.
     *
     * @throws VideoMetadataInvalidException (field {@code visibility}) naming the value and the choices
     */
    public static Visibility parse(String value) {
        if (value == null) {
            return DEFAULT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new VideoMetadataInvalidException("visibility", "visibility must be one of "
                    + Arrays.toString(values()) + ", not '" + (value.length() > 40 ? value.substring(0, 40) + "..."
                    : value) + "'");
        }
    }
}
