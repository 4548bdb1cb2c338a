package dev.clipflow.media;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object key layout, the one place that knows it.
 *
 * <ul>
 *   <li>uploads bucket: {@code uploads/{channelId}/{videoId}/{fileName}} where the file name is the
 *       creator's own (it may contain spaces, {@code +} and non-ASCII characters);</li>
 *   <li>media bucket: everything about one video under {@code videos/{videoId}/}: the HLS ladder
 *       under {@code hls/} (a master playlist and one folder per rendition), {@code poster.jpg},
 *       and the scrubbing sprite {@code thumbnails/sprite.jpg} with its {@code thumbnails/thumbnails.vtt};
 *       while a chunked transcode runs, each chunk's manifest and thumbnail tiles under {@code chunks/}
 *       (the stitch step removes them).</li>
 * </ul>
 * Ids are lower-case letters, digits and dashes, 3 to 64 characters.
 */
public final class MediaKeys {
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]";
    private static final Pattern UPLOAD_KEY =
            Pattern.compile("uploads/(" + ID_PATTERN + ")/(" + ID_PATTERN + ")/([^/]{1,255})");
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    private MediaKeys() {
    }

    /** A parsed upload key. */
    public record UploadKey(String channelId, String videoId, String fileName) {
        public UploadKey {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(videoId, "videoId");
            Objects.requireNonNull(fileName, "fileName");
        }

        public String key() {
            return "uploads/" + channelId + "/" + videoId + "/" + fileName;
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static UploadKey upload(String channelId, String videoId, String fileName) {
        UploadKey key = new UploadKey(channelId, videoId, sanitizeFileName(fileName));
        if (parseUpload(key.key()).isEmpty()) {
            throw new IllegalArgumentException("Not a valid upload key: " + key.key());
        }
        return key;
    }

    /** Parses an already URL-decoded key; empty when it is outside the expected layout. */
    public static Optional<UploadKey> parseUpload(String decodedKey) {
        if (decodedKey == null) {
            return Optional.empty();
        }
        Matcher m = UPLOAD_KEY.matcher(decodedKey);
        if (!m.matches() || m.group(3).equals(".") || m.group(3).equals("..")) {
            return Optional.empty();
        }
        return Optional.of(new UploadKey(m.group(1), m.group(2), m.group(3)));
    }

    /** The prefix that holds every output of one video; deleting it removes them all. */
    public static String outputPrefix(String videoId) {
        return "videos/" + videoId + "/";
    }

    public static String hlsPrefix(String videoId) {
        return outputPrefix(videoId) + "hls/";
    }

    public static String masterPlaylist(String videoId) {
        return hlsPrefix(videoId) + "master.m3u8";
    }

    public static String poster(String videoId) {
        return outputPrefix(videoId) + "poster.jpg";
    }

    public static String sprite(String videoId) {
        return outputPrefix(videoId) + "thumbnails/sprite.jpg";
    }

    public static String spriteIndex(String videoId) {
        return outputPrefix(videoId) + "thumbnails/thumbnails.vtt";
    }

    /** Where a chunked transcode's work files live (manifests, tiles) until the stitch step removes them. */
    public static String chunksPrefix(String videoId) {
        return outputPrefix(videoId) + "chunks/";
    }

    public static String chunkManifest(String videoId, int index) {
        return chunksPrefix(videoId) + String.format(java.util.Locale.ROOT, "%05d.json", index);
    }

    public static String chunkTile(String videoId, int tile) {
        return chunksPrefix(videoId) + "tiles/" + String.format(java.util.Locale.ROOT, ThumbnailPlan.TILE_FILE, tile);
    }

    /** Keeps a creator's file name but drops path separators and control characters. */
    static String sanitizeFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "source";
        }
        StringBuilder sb = new StringBuilder();
        fileName.codePoints()
                .filter(cp -> cp >= 0x20 && cp != 0x7f && cp != '/' && cp != '\\')
                .forEach(sb::appendCodePoint);
        String cleaned = sb.toString().strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "source";
        }
        return cleaned.length() > 200 ? cleaned.substring(cleaned.length() - 200) : cleaned;
    }
}
