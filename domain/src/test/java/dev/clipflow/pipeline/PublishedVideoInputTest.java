package dev.clipflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoNotPublishedException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishedVideoInputTest {
    private final VideoRepository videos = videos(Map.of(
            "v-live", video("v-live", VideoStatus.PUBLISHED), "v-draft", video("v-draft", VideoStatus.PROCESSING)));

    @Test
    void requirePublished_publishedVideo_isTheCatalogsVideo() {
        assertThat(PublishedVideoInput.requirePublished(new PublishedVideoInput(1, "v-live", "chan-1"), videos))
                .extracting(Video::videoId, Video::status).containsExactly("v-live", VideoStatus.PUBLISHED);
        assertThat(PublishedVideoInput.requirePublished(new PublishedVideoInput(0, "v-live", null), videos).videoId())
                .as("schema version 0: absent in the oldest executions").isEqualTo("v-live");
    }

    @Test
    void requirePublished_notPublished_isVideoNotPublishedNamingTheStatus() {
        assertThatThrownBy(() -> PublishedVideoInput.requirePublished(
                new PublishedVideoInput(1, "v-draft", "chan-1"), videos))
                .isInstanceOf(VideoNotPublishedException.class)
                .hasMessage("Video v-draft is PROCESSING, not PUBLISHED");
    }

    @Test
    void requirePublished_noSuchVideo_isVideoNotFound() {
        assertThatThrownBy(() -> PublishedVideoInput.requirePublished(
                new PublishedVideoInput(1, "v-gone", "chan-1"), videos))
                .isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void requirePublished_unreadableInput_isPipelineInputMalformed() {
        assertThatThrownBy(() -> PublishedVideoInput.requirePublished(null, videos))
                .isInstanceOf(PipelineInputMalformedException.class).hasMessage("The input has no valid videoId");
        assertThatThrownBy(() -> PublishedVideoInput.requirePublished(
                new PublishedVideoInput(1, "Not An Id", "chan-1"), videos))
                .isInstanceOf(PipelineInputMalformedException.class).hasMessage("The input has no valid videoId");
        assertThatThrownBy(() -> PublishedVideoInput.requirePublished(
                new PublishedVideoInput(PipelineInput.SCHEMA_VERSION + 1, "v-live", "chan-1"), videos))
                .isInstanceOf(PipelineInputMalformedException.class).hasMessageStartingWith("Unknown schemaVersion");
        assertThatThrownBy(() -> PublishedVideoInput.requirePublished(
                new PublishedVideoInput(-1, "v-live", "chan-1"), videos))
                .isInstanceOf(PipelineInputMalformedException.class).hasMessage("Unknown schemaVersion -1");
    }

    private static Video video(String videoId, VideoStatus status) {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        return new Video(videoId, "chan-1", "owner-1", "t", "", List.of(), 1, "video/mp4", "k", null,
                status, null, null, null, null, null, t, t);
    }

    /** The catalog's port answering {@code find} (and its default {@code get}) from a map; nothing else. */
    private static VideoRepository videos(Map<String, Video> byId) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "find" -> Optional.ofNullable(byId.get((String) args[0]));
            case "get" -> InvocationHandler.invokeDefault(proxy, method, args);
            default -> throw new UnsupportedOperationException(method.getName());
        };
        return (VideoRepository) Proxy.newProxyInstance(VideoRepository.class.getClassLoader(),
                new Class<?>[] {VideoRepository.class}, handler);
    }
}
