package dev.clipflow.catalog.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.ChannelNotFoundException;
import dev.clipflow.catalog.QuotaExceededException;
import dev.clipflow.catalog.UserLimits;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VideoUploadsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private final InMemoryChannels channels = new InMemoryChannels();
    private final InMemoryVideos videos = new InMemoryVideos();
    private final FakeMultipartUploads uploads = new FakeMultipartUploads();
    private final AtomicInteger ids = new AtomicInteger();
    private final InMemoryQuotas quotas = new InMemoryQuotas(channels, videos);
    private final VideoUploads service = new VideoUploads(channels, videos, uploads, quotas,
            new UserLimits(5, 10, 6000), Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "id-" + ids.incrementAndGet(), Duration.ofMinutes(15));

    private String channel(String owner) {
        Channel c = service.createChannel(owner, "Cats");
        return c.channelId();
    }

    private NewVideo request(String channelId, long size, String type) {
        return new NewVideo(channelId, " Holiday ", null, List.of("sea"), size, type, "../holiday clip.mp4");
    }

    @Test
    void start_validRequest_storesTheVideoAndHandsOutUrls() {
        String channelId = channel("alice");

        StartedUpload started = service.start("alice", request(channelId, 20 * UploadPlan.MIB, "video/mp4"));

        Video v = started.video();
        assertThat(v.status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
        assertThat(v.title()).isEqualTo("Holiday");
        assertThat(v.uploadKey()).isEqualTo("uploads/" + channelId + "/" + v.videoId() + "/..holiday clip.mp4");
        assertThat(v.uploadId()).isEqualTo("upload-1");
        assertThat(started.plan().partCount()).isEqualTo(3);
        assertThat(started.urls().parts()).extracting(PartUrls.PartUrl::partNumber).containsExactly(1, 2, 3);
        assertThat(started.urls().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(videos.get(v.videoId())).isEqualTo(v);
        assertThat(quotas.counted(channelId, TODAY)).isEqualTo(1);
    }

    @Test
    void start_visibility_isStoredAsChosen_publicByDefault() {
        String channelId = channel("alice");

        Video byDefault = service.start("alice", request(channelId, 100, "video/mp4")).video();
        Video unlisted = service.start("alice", new NewVideo(channelId, "t", null, List.of(), 100, "video/mp4", "a.mp4",
                null, "unlisted")).video();
        Video hidden = service.start("alice", new NewVideo(channelId, "t", null, List.of(), 100, "video/mp4", "a.mp4",
                null, "PRIVATE")).video();

        assertThat(videos.get(byDefault.videoId()).visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(videos.get(unlisted.videoId()).visibility()).isEqualTo(Visibility.UNLISTED);
        assertThat(videos.get(hidden.videoId()).visibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void start_unknownVisibility_isRejectedNamingTheField_andStoresNothing() {
        String channelId = channel("alice");

        assertThatThrownBy(() -> service.start("alice", new NewVideo(channelId, "t", null, List.of(), 100,
                "video/mp4", "a.mp4", null, "secret")))
                .isInstanceOf(VideoMetadataInvalidException.class)
                .hasMessageContaining("visibility").hasMessageContaining("secret")
                .extracting(e -> ((VideoMetadataInvalidException) e).field()).isEqualTo("visibility");
        assertThat(videos.videos).isEmpty();
        assertThat(uploads.open).isEmpty();
        assertThat(quotas.counted(channelId, TODAY)).isZero();
    }

    @Test
    void start_someoneElsesOrUnknownChannel_storesAndCountsNothing() {
        String channelId = channel("alice");

        assertThatThrownBy(() -> service.start("mallory", request(channelId, 100, "video/mp4")))
                .isInstanceOf(ChannelNotFoundException.class).hasMessage("Channel " + channelId + " does not exist");
        assertThatThrownBy(() -> service.start("mallory", request("nope", 100, "video/mp4")))
                .isInstanceOf(ChannelNotFoundException.class);
        assertThat(quotas.counted(channelId, TODAY)).isZero();
        assertThat(uploads.open).isEmpty();
        assertThat(videos.videos).isEmpty();
    }

    @Test
    void start_limitsBroken_storesAndCountsNothing() {
        String channelId = channel("alice");

        assertThatThrownBy(() -> service.start("alice", request(channelId, ChannelLimits.DEFAULT.maxBytes() + 1,
                "video/mp4")))
                .isInstanceOf(UploadRejectedException.class);
        assertThatThrownBy(() -> service.start("alice", request(channelId, 100, "image/png")))
                .isInstanceOf(UploadRejectedException.class);
        assertThatThrownBy(() -> service.start("alice", new NewVideo(channelId, "", null, null, 100, "video/mp4", "a")))
                .isInstanceOf(VideoMetadataInvalidException.class);
        assertThat(quotas.counted(channelId, TODAY)).isZero();
        assertThat(uploads.open).isEmpty();
    }

    @Test
    void start_afterTheDailyLimit_isRejectedBeforeTheUploadStarts() {
        channels.create(new Channel("ch-1", "alice", "Cats", new ChannelLimits(1000, Set.of("video/mp4"), 1)));
        service.start("alice", request("ch-1", 100, "video/mp4"));

        assertThatThrownBy(() -> service.start("alice", request("ch-1", 100, "video/mp4")))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(UploadRejectedException.Reason.DAILY_LIMIT_REACHED));
        assertThat(uploads.open).hasSize(1);
    }

    @Test
    void complete_everyPartInAnyOrder_completesAndClearsTheUploadId() {
        String channelId = channel("alice");
        Video v = service.start("alice", request(channelId, 20 * UploadPlan.MIB, "video/mp4")).video();

        assertThatThrownBy(() -> service.complete("alice", v.videoId(), List.of(
                new MultipartUploads.CompletedPart(1, "a"), new MultipartUploads.CompletedPart(3, "c"))))
                .isInstanceOf(UploadPartsInvalidException.class);
        assertThatThrownBy(() -> service.complete("alice", v.videoId(), List.of(
                new MultipartUploads.CompletedPart(1, "a"), new MultipartUploads.CompletedPart(2, "b"))))
                .isInstanceOf(UploadPartsInvalidException.class).hasMessageContaining("3 parts");
        assertThatThrownBy(() -> service.complete("bob", v.videoId(), List.of()))
                .isInstanceOf(VideoNotFoundException.class);

        Video done = service.complete("alice", v.videoId(), List.of(new MultipartUploads.CompletedPart(3, "c"),
                new MultipartUploads.CompletedPart(1, "a"), new MultipartUploads.CompletedPart(2, "b")));

        assertThat(done.uploadId()).isNull();
        assertThat(uploads.completed).containsExactly("upload-1");
        assertThatThrownBy(() -> service.complete("alice", v.videoId(), List.of()))
                .isInstanceOf(UploadNotOpenException.class);
        assertThatThrownBy(() -> service.abort("alice", v.videoId())).isInstanceOf(UploadNotOpenException.class);
    }

    @Test
    void abort_openUpload_failsTheVideoWithTheCreatorsReason() {
        String channelId = channel("alice");
        Video v = service.start("alice", request(channelId, 100, "video/mp4")).video();

        Video aborted = service.abort("alice", v.videoId());

        assertThat(aborted.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(aborted.failureReason()).isEqualTo("upload aborted by the creator");
        assertThat(aborted.uploadId()).isNull();
        assertThat(uploads.aborted).containsExactly("upload-1");
    }

    @Test
    void partUrls_outOfRange_isInvalid() {
        String channelId = channel("alice");
        Video v = service.start("alice", request(channelId, 20 * UploadPlan.MIB, "video/mp4")).video();

        assertThat(service.partUrls("alice", v.videoId(), 3).parts()).singleElement()
                .extracting(PartUrls.PartUrl::partNumber).isEqualTo(3);
        assertThatThrownBy(() -> service.partUrls("alice", v.videoId(), 4))
                .isInstanceOf(UploadPartsInvalidException.class);
        assertThatThrownBy(() -> service.partUrls("alice", v.videoId(), 0))
                .isInstanceOf(UploadPartsInvalidException.class);
    }

    @Test
    void userLimits_countOverAllTheUsersChannels_andARefusalStoresNothing() {
        VideoUploads tight = new VideoUploads(channels, videos, uploads, quotas, new UserLimits(2, 3, 10),
                Clock.fixed(NOW, ZoneOffset.UTC), () -> "t-" + ids.incrementAndGet(), Duration.ofMinutes(15));
        String first = tight.createChannel("carol", "One").channelId();
        String second = tight.createChannel("carol", "Two").channelId();

        assertThatThrownBy(() -> tight.createChannel("carol", "Three"))
                .isInstanceOfSatisfying(QuotaExceededException.class,
                        e -> assertThat(e.quota()).isEqualTo(QuotaExceededException.Quota.CHANNELS))
                .hasMessageContaining("2 channels");
        tight.start("carol", declared(first, 240.0));
        tight.start("carol", declared(second, 239.5));
        assertThatThrownBy(() -> tight.start("carol", declared(second, 121.0)))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.quota())
                        .isEqualTo(QuotaExceededException.Quota.SOURCE_MINUTES_PER_DAY))
                .hasMessageContaining("10 minutes");
        assertThatThrownBy(() -> tight.start("carol", request(first, 100, "video/mp4")))
                .isInstanceOf(QuotaExceededException.class);
        tight.start("carol", declared(first, 110.0));
        assertThatThrownBy(() -> tight.start("carol", declared(second, 1.0)))
                .isInstanceOfSatisfying(QuotaExceededException.class,
                        e -> assertThat(e.quota()).isEqualTo(QuotaExceededException.Quota.UPLOADS_PER_DAY));

        assertThat(videos.videos).hasSize(3);
        assertThat(uploads.open).hasSize(3);
        assertThat(quotas.count("seconds#carol#" + TODAY)).isEqualTo(593);
        assertThat(videos.videos.values()).extracting(Video::reservedSeconds).containsExactly(241.0, 241.0, 111.0);
        assertThatThrownBy(() -> tight.start("carol", declared(first, -1.0)))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(UploadRejectedException.Reason.TOO_LONG));
    }

    private static NewVideo declared(String channelId, double seconds) {
        return new NewVideo(channelId, "Clip", null, List.of(), 1000, "video/mp4", "clip.mp4", seconds);
    }
}
