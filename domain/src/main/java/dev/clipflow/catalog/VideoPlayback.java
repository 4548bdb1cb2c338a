package dev.clipflow.catalog;

import dev.clipflow.media.MediaKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a player needs to play a published video ({@code GET /videos/{id}/playback}, docs/adr/0014): its master
 * playlist's URL and, for an unlisted or private video, the signature that opens its whole restricted prefix for
 * {@link #SIGNATURE_LIFETIME} (the player appends the query parameters to every playlist and segment request, and
 * asks again when they expire). A public video's media needs none. Who may: a public or unlisted video, any caller;
 * a private one, the owner only; anyone else is answered as for a video that does not exist.
 */
public final class VideoPlayback {
    public static final Duration SIGNATURE_LIFETIME = Duration.ofMinutes(10);

    private final VideoRepository videos;
    private final String baseUrl;
    private final MediaUrlSigner signer;
    private final Clock clock;

    /** @param baseUrl the media distribution's URL ({@code MEDIA_BASE_URL}); trailing slashes are ignored */
    public VideoPlayback(VideoRepository videos, String baseUrl, MediaUrlSigner signer, Clock clock) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The playback of {@code videoId} for {@code viewerId}.
     *
     * @throws VideoNotFoundException     unknown, or not visible to the viewer (private, or unpublished, not theirs)
     * @throws VideoNotPublishedException the owner's video is not PUBLISHED yet
     * @throws MediaSigningUnavailableException a restricted video's signature cannot be made now
     */
    public Playback of(String viewerId, String videoId) {
        Video video = videos.get(videoId);
        if (!video.isVisibleTo(viewerId)) {
            throw new VideoNotFoundException(videoId);
        }
        if (video.status() != VideoStatus.PUBLISHED) {
            throw new VideoNotPublishedException(videoId, video.status());
        }
        boolean restricted = video.visibility().isRestricted();
        String master = video.assets() != null && video.assets().masterPlaylistKey() != null
                ? video.assets().masterPlaylistKey() : MediaKeys.masterPlaylist(videoId, restricted);
        String url = baseUrl + "/" + master;
        if (!restricted) {
            return new Playback(video.visibility(), url, Map.of(), null);
        }
        Instant expiresAt = clock.instant().plus(SIGNATURE_LIFETIME);
        String resource = baseUrl + "/" + MediaKeys.outputPrefix(videoId, true) + "*";
        return new Playback(video.visibility(), url, signer.sign(resource, expiresAt), expiresAt);
    }

    /**
     * @param query     the signature's query parameters, to append to every request under the video's prefix; empty
     *                  for a public video
     * @param expiresAt when the signature stops working; null for a public video
     */
    public record Playback(Visibility visibility, String masterPlaylistUrl, Map<String, String> query,
                           Instant expiresAt) {
        public Playback {
            query = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
        }
    }
}
