package dev.clipflow.catalog.upload;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.QuotaExceededException;
import dev.clipflow.catalog.QuotaExceededException.Quota;
import dev.clipflow.catalog.UserLimits;
import dev.clipflow.catalog.Video;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** {@link UploadQuotas} in memory over the in-memory channels and videos (test double; all or nothing). */
final class InMemoryQuotas implements UploadQuotas {
    private final InMemoryChannels channels;
    private final InMemoryVideos videos;
    final Map<String, Long> counters = new HashMap<>();

    InMemoryQuotas(InMemoryChannels channels, InMemoryVideos videos) {
        this.channels = channels;
        this.videos = videos;
    }

    @Override
    public void createChannel(Channel channel, UserLimits limits) {
        if (count("channels#" + channel.ownerId()) >= limits.channels()) {
            throw QuotaExceededException.of(Quota.CHANNELS, limits);
        }
        channels.create(channel);
        counters.merge("channels#" + channel.ownerId(), 1L, Long::sum);
    }

    @Override
    public void createVideo(Video video, LocalDate day, int channelUploadsPerDay, UserLimits limits) {
        long seconds = video.reservedSeconds() == null ? 0 : (long) Math.ceil(video.reservedSeconds());
        if (counted(video.channelId(), day) >= channelUploadsPerDay) {
            throw UploadRules.dailyLimitReached(channelUploadsPerDay);
        }
        if (count("uploads#" + video.ownerId() + "#" + day) >= limits.uploadsPerDay()) {
            throw QuotaExceededException.of(Quota.UPLOADS_PER_DAY, limits);
        }
        if (count("seconds#" + video.ownerId() + "#" + day) + seconds > limits.sourceSecondsPerDay()) {
            throw QuotaExceededException.of(Quota.SOURCE_MINUTES_PER_DAY, limits);
        }
        videos.create(video);
        counters.merge(video.channelId() + "#" + day, 1L, Long::sum);
        counters.merge("uploads#" + video.ownerId() + "#" + day, 1L, Long::sum);
        counters.merge("seconds#" + video.ownerId() + "#" + day, seconds, Long::sum);
    }

    long counted(String channelId, LocalDate day) {
        return count(channelId + "#" + day);
    }

    long count(String key) {
        return counters.getOrDefault(key, 0L);
    }
}
