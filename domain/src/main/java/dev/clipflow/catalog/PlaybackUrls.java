package dev.clipflow.catalog;

import dev.clipflow.media.MediaKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A published video's playback URLs under the media distribution's base URL: {@code hlsUrl}, {@code posterUrl},
 * {@code spriteUrl}, {@code thumbnailsVttUrl} (the assets' keys, else the key layout's defaults). The API's video
 * view and the {@code Video Published} event show the same URLs.
 */
public final class PlaybackUrls {
    private final String baseUrl;

    /** @param baseUrl the media distribution's URL ({@code MEDIA_BASE_URL}); trailing slashes are ignored */
    public PlaybackUrls(String baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
    }

    public Map<String, String> of(Video v) {
        Video.PublishedAssets a = v.assets();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("hlsUrl", url(a != null && a.masterPlaylistKey() != null ? a.masterPlaylistKey()
                : MediaKeys.masterPlaylist(v.videoId())));
        out.put("posterUrl", url(a != null && a.posterKey() != null ? a.posterKey() : MediaKeys.poster(v.videoId())));
        out.put("spriteUrl", url(a != null && a.spriteKey() != null ? a.spriteKey() : MediaKeys.sprite(v.videoId())));
        out.put("thumbnailsVttUrl", url(a != null && a.spriteIndexKey() != null ? a.spriteIndexKey()
                : MediaKeys.spriteIndex(v.videoId())));
        return out;
    }

    private String url(String key) {
        return baseUrl + "/" + key;
    }
}
