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
 *       (the stitch step removes them). An unlisted or private video's outputs have the same layout under
 *       {@code restricted/{videoId}/} instead ({@link #outputPrefix(String, boolean)}).</li>
 * </ul>
 * Ids are lower-case letters, digits and dashes, 3 to 64 characters.
 */
public final class MediaKeys {
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]";
    private static final Pattern UPLOAD_KEY =
            Pattern.compile("uploads/(" + ID_PATTERN + ")/(" + ID_PATTERN + ")/([^/]{1,255})");
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    /** The root of public videos' outputs. */
    public static final String PUBLIC_ROOT = "videos/";
    /** The root of unlisted and private videos' outputs: the distribution serves it only with a signature. */
    public static final String RESTRICTED_ROOT = "restricted/";

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

    /** The prefix that holds every output of one public video; deleting it removes them all. */
    public static String outputPrefix(String videoId) {
        return outputPrefix(videoId, false);
    }

    /**
     * The prefix that holds every output of one video: {@code videos/{videoId}/} for a public video (served by the
     * distribution's default behaviour, plainly cacheable), {@code restricted/{videoId}/} for an unlisted or private
     * one (served only with a signature, docs/adr/0014).
     */
    public static String outputPrefix(String videoId, boolean restricted) {
        return (restricted ? RESTRICTED_ROOT : PUBLIC_ROOT) + videoId + "/";
    }

    /** Both prefixes a video's outputs may be under (a visibility change moves them from one to the other). */
    public static java.util.List<String> outputPrefixes(String videoId) {
        return java.util.List.of(outputPrefix(videoId, false), outputPrefix(videoId, true));
    }

    /**
     * {@code key}, one of video {@code videoId}'s outputs, under the prefix of the given kind ({@link
     * #outputPrefix(String, boolean)}): the same path below it. Null stays null (an asset a video has not).
     *
     * @throws IllegalArgumentException when the key is under neither of the video's prefixes
     */
    public static String underPrefix(String key, String videoId, boolean restricted) {
        if (key == null) {
            return null;
        }
        for (String prefix : outputPrefixes(videoId)) {
            if (key.startsWith(prefix)) {
                return outputPrefix(videoId, restricted) + key.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException("Not an output key of video " + videoId + ": " + key);
    }

    public static String hlsPrefix(String videoId) {
        return hlsPrefix(videoId, false);
    }

    public static String hlsPrefix(String videoId, boolean restricted) {
        return outputPrefix(videoId, restricted) + "hls/";
    }

    public static String masterPlaylist(String videoId) {
        return masterPlaylist(videoId, false);
    }

    public static String masterPlaylist(String videoId, boolean restricted) {
        return hlsPrefix(videoId, restricted) + "master.m3u8";
    }

    public static String poster(String videoId) {
        return poster(videoId, false);
    }

    public static String poster(String videoId, boolean restricted) {
        return outputPrefix(videoId, restricted) + "poster.jpg";
    }

    public static String sprite(String videoId) {
        return outputPrefix(videoId) + "thumbnails/sprite.jpg";
    }

    public static String spriteIndex(String videoId) {
        return outputPrefix(videoId) + "thumbnails/thumbnails.vtt";
    }

    /** Where a chunked transcode's work files live (manifests, tiles) until the stitch step removes them. */
    public static String chunksPrefix(String videoId) {
        return chunksPrefix(videoId, false);
    }

    public static String chunksPrefix(String videoId, boolean restricted) {
        return outputPrefix(videoId, restricted) + "chunks/";
    }

    public static String chunkManifest(String videoId, int index) {
        return chunkManifest(videoId, false, index);
    }

    public static String chunkManifest(String videoId, boolean restricted, int index) {
        return chunksPrefix(videoId, restricted) + String.format(java.util.Locale.ROOT, "%05d.json", index);
    }

    public static String chunkTile(String videoId, int tile) {
        return chunkTile(videoId, false, tile);
    }

    public static String chunkTile(String videoId, boolean restricted, int tile) {
        return chunksPrefix(videoId, restricted) + "tiles/"
                + String.format(java.util.Locale.ROOT, ThumbnailPlan.TILE_FILE, tile);
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
