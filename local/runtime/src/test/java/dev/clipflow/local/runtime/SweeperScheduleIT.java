package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.media.MediaKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real template's SweeperFunction on the local stack, from its own zip, on its own schedule: at clock speed
 * 900 its {@code rate(15 minutes)} runs every second, and a video left AWAITING_UPLOAD for two days ends FAILED
 * with the upload window's reason, while a fresh one is left alone.
 */
class SweeperScheduleIT {

    static LocalClipflow stack;

    @BeforeAll
    static void start() {
        Path root = RepoRoot.get();
        stack = LocalClipflow.start(root.resolve("template.yaml"), root.resolve("local/runtime/target/function-cache"),
                900);
        assertThat(stack.template().function("SweeperFunction").orElseThrow().codeUri())
                .as("the sweeper's zip (build: ./mvnw -pl local/runtime -am package)").isRegularFile();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void schedule_staleUpload_sweeperFailsItWithAReason() throws Exception {
        assertThat(stack.schedules()).anySatisfy(s -> {
            assertThat(s.function()).isEqualTo("SweeperFunction");
            assertThat(s.localPeriod()).isEqualTo(Duration.ofSeconds(1));
        });
        String table = stack.template().tables().stream().filter(t -> t.logicalId().equals("VideosTable"))
                .findFirst().orElseThrow().name();
        VideoRepository videos = new DynamoVideoRepository(stack.clients().dynamoDb(), table);
        String stale = video(videos, Duration.ofDays(2));
        String fresh = video(videos, Duration.ofMinutes(5));

        for (long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
             videos.get(stale).status() != VideoStatus.FAILED && System.nanoTime() < end; ) {
            Thread.sleep(250);
        }

        Video failed = videos.get(stale);
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo(
                "The upload was not completed within 25 hours, so it was cancelled. Please upload the video again.");
        assertThat(videos.get(fresh).status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
    }

    private static String video(VideoRepository videos, Duration age) {
        String videoId = "vid-sweep-" + System.nanoTime();
        Instant changed = Instant.now().minus(age);
        videos.create(new Video(videoId, "chan-sweep", "owner-1", "t", "", List.of(), 10, "video/mp4",
                MediaKeys.upload("chan-sweep", videoId, "a.mp4").key(), null, VideoStatus.AWAITING_UPLOAD, null,
                null, null, null, null, changed, changed));
        return videoId;
    }
}
