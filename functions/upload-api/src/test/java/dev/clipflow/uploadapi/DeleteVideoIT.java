package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.deletion.DeletionRestarts;
import dev.clipflow.http.HttpEvents;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * DELETE /videos/{videoId} against Dynoxide: owner only, DELETING, the workflow started by name, repeats harmless while
 * it runs, and a repeat after it ended unfinished restarts it under the next attempt's name.
 */
class DeleteVideoIT {
    private static final ChannelLimits LIMITS = new ChannelLimits(64L * 1024 * 1024, Set.of("video/mp4"), 2);
    private final ApiFixture fx = new ApiFixture();
    private final UploadApi api = fx.api(Duration.ofMinutes(15));

    @Test
    void delete_byTheOwner_is202Deleting_startsTheWorkflowNamedByTheVideo_andLeavesTheListing() {
        String channelId = fx.channel("alice", LIMITS);
        String videoId = publishedVideo(channelId);

        APIGatewayV2HTTPResponse response = api.apply(HttpEvents.request("DELETE", "/videos/" + videoId, "alice",
                null));

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(ApiFixture.body(response).get("status").stringValue()).isEqualTo("DELETING");
        assertThat(fx.videos.get(videoId).status()).isEqualTo(VideoStatus.DELETING);
        assertThat(fx.deletionsStarted).containsExactly(videoId);
        var listing = ApiFixture.body(api.apply(HttpEvents.request("GET", "/channels/" + channelId + "/videos",
                "alice", null)));
        assertThat(listing.get("items").size()).isZero();
        var publicView = api.apply(HttpEvents.request("GET", "/videos/" + videoId, "bob", null));
        assertThat(publicView.getStatusCode()).isEqualTo(404);
    }

    @Test
    void delete_bySomeoneElseOrUnknown_is404AndChangesNothing() {
        String channelId = fx.channel("alice", LIMITS);
        String videoId = publishedVideo(channelId);

        var other = api.apply(HttpEvents.request("DELETE", "/videos/" + videoId, "mallory", null));
        var unknown = api.apply(HttpEvents.request("DELETE", "/videos/00000000-0000-4000-8000-000000000000",
                "alice", null));

        assertThat(other.getStatusCode()).isEqualTo(404);
        assertThat(ApiFixture.body(other).get("error").stringValue()).isEqualTo("VIDEO_NOT_FOUND");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(fx.videos.get(videoId).status()).isEqualTo(VideoStatus.PUBLISHED);
        assertThat(fx.deletionsStarted).isEmpty();
    }

    @Test
    void delete_twiceWhileTheWorkflowRuns_is202BothTimes_andStartsOneExecution() {
        String videoId = publishedVideo(fx.channel("alice", LIMITS));

        var first = api.apply(HttpEvents.request("DELETE", "/videos/" + videoId, "alice", null));
        var second = api.apply(HttpEvents.request("DELETE", "/videos/" + videoId, "alice", null));

        assertThat(List.of(first.getStatusCode(), second.getStatusCode())).containsExactly(202, 202);
        assertThat(ApiFixture.body(second).get("status").stringValue()).isEqualTo("DELETING");
        assertThat(fx.deletionsStarted).containsExactly(videoId);
    }

    @Test
    void delete_afterTheWorkflowEndedUnfinished_restartsItUnderTheNextAttemptsName() {
        String videoId = publishedVideo(fx.channel("alice", LIMITS));
        api.apply(HttpEvents.request("DELETE", "/videos/" + videoId, "alice", null));
        fx.deletionExecutions.put(videoId, ExecutionState.FAILED);

        var again = api.apply(HttpEvents.request("DELETE", "/videos/" + videoId, "alice", null));
        var whileRestarted = api.apply(HttpEvents.request("DELETE", "/videos/" + videoId, "alice", null));
        fx.deletionExecutions.put(videoId + "-2", ExecutionState.TIMED_OUT);
        api.apply(HttpEvents.request("DELETE", "/videos/" + videoId, "alice", null));

        assertThat(List.of(again.getStatusCode(), whileRestarted.getStatusCode())).containsExactly(202, 202);
        assertThat(fx.deletionsStarted).containsExactly(videoId, videoId + "-2", videoId + "-3");
        assertThat(fx.deletionRecords.current(videoId)).hasValue(3);
        assertThat(fx.videos.get(videoId).status()).isEqualTo(VideoStatus.DELETING);
    }

    @Test
    void restarts_ofTheSameEndedAttemptRacing_moveTheRecordOnceAndStartOneExecution() throws Exception {
        String videoId = publishedVideo(fx.channel("alice", LIMITS));
        api.apply(HttpEvents.request("DELETE", "/videos/" + videoId, "alice", null));
        fx.deletionExecutions.put(videoId, ExecutionState.FAILED);
        List<String> started = new CopyOnWriteArrayList<>();
        DeletionRestarts restarts = new DeletionRestarts(fx.deletionRecords, (name, input) -> {
            boolean existed = fx.deletionExecutions.putIfAbsent(name, ExecutionState.RUNNING) != null;
            if (!existed) {
                started.add(name);
            }
            return new ExecutionStart("arn:" + name, existed);
        });

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<OptionalInt>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> restarts.resume(videoId,
                        name -> Optional.ofNullable(fx.deletionExecutions.get(name)))));
            }
            assertThat(results.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).filter(OptionalInt::isPresent).toList()).containsExactly(OptionalInt.of(2));
        }

        assertThat(started).containsExactly(videoId + "-2");
        assertThat(fx.deletionRecords.current(videoId)).hasValue(2);
    }

    private String publishedVideo(String channelId) {
        String videoId = ApiFixture.body(api.apply(HttpEvents.request("POST", "/videos", "alice", ApiFixture.json(
                Map.of("channelId", channelId, "title", "To delete", "sizeBytes", 1000, "contentType", "video/mp4")))))
                .get("videoId").stringValue();
        fx.videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        fx.videos.publish(videoId, List.of(), new Video.PublishedAssets(MediaKeys.masterPlaylist(videoId),
                MediaKeys.poster(videoId), MediaKeys.sprite(videoId), MediaKeys.spriteIndex(videoId)));
        return videoId;
    }
}
