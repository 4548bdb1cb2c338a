package dev.clipflow.catalog.visibility;

import dev.clipflow.catalog.RecordedSteps;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.deletion.CdnInvalidation;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoEvents;
import dev.clipflow.catalog.events.VideoVisibilityChanged;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.media.ObjectStore;
import dev.clipflow.pipeline.Rendition;
import dev.clipflow.unlisting.VideoUnlisting;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The steps of the {@code VideoVisibilityChange} workflow ({@link VisibilityStep}) of one pending change, named by its
 * {@code requestedAt}, run as {@link RecordedSteps}: a step runs only on a PUBLISHED video (else {@link
 * VisibilityChangeCancelledException}: a deletion wins), is skipped when the change records it as done or the change
 * is over, and is recorded when it succeeds. Every step is idempotent in itself, so a step that failed half-way is run
 * again whole.
 *
 * <p>Order matters for who sees what: the media is copied before the record points at it, the record switches (at
 * once effective: the read paths filter by the record) before the old media goes, and the video is un-listed or
 * re-listed after the switch. The change stays pending until {@link VisibilityStep#FINISH}, so no second change can
 * copy into a prefix this one is about to delete.
 */
public final class VisibilityChangeWorkflow {
    private final VideoRepository videos;
    private final VisibilityChangeRecords records;
    private final VideoUnlisting unlisting;
    private final ObjectStore objects;
    private final CdnInvalidation cdn;
    private final VideoEvents events;
    private final Clock clock;
    private final String mediaBucket;
    private final RecordedSteps<VisibilityStep> steps;

    /** What one step did: {@code skipped} when it was done before (or its change is over). */
    public record Outcome(String videoId, VisibilityStep step, boolean skipped, String detail) {
    }

    public VisibilityChangeWorkflow(VideoRepository videos, VisibilityChangeRecords records, VideoUnlisting unlisting,
                                    ObjectStore objects, CdnInvalidation cdn, VideoEvents events, Clock clock,
                                    String mediaBucket) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.records = Objects.requireNonNull(records, "records");
        this.unlisting = Objects.requireNonNull(unlisting, "unlisting");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.cdn = Objects.requireNonNull(cdn, "cdn");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mediaBucket = Objects.requireNonNull(mediaBucket, "mediaBucket");
        this.steps = new RecordedSteps<>(videos, video -> {
            if (video.status() != VideoStatus.PUBLISHED) {
                throw new VisibilityChangeCancelledException(video.videoId(), video.status());
            }
        });
    }

    /**
     * Runs {@code step} of the change of {@code videoId} requested at {@code requestedAt}.
     *
     * @throws VisibilityChangeCancelledException when the video is being (or was) deleted
     */
    public Outcome run(VisibilityStep step, String videoId, Instant requestedAt) {
        return steps.run(step, videoId, records.steps(requestedAt), video -> perform(step, video, requestedAt))
                .orElseGet(() -> new Outcome(videoId, step, true, "done before"));
    }

    private Outcome perform(VisibilityStep step, Video video, Instant requestedAt) {
        Video.VisibilityChange change = video.visibilityChange();
        if (change == null || !change.requestedAt().equals(requestedAt)) {
            // The log said the change is in progress; the record read just before it says otherwise: it ended between.
            return new Outcome(video.videoId(), step, true, "the change is over");
        }
        String detail = switch (step) {
            case COPY_MEDIA -> copy(video, change);
            case SWITCH -> switchTo(video, change);
            case DELETE_OLD_MEDIA -> deleteOld(video.videoId(), change);
            case UNLIST -> change.from().isListed() && !change.to().isListed()
                    ? unlisting.unlist(video.videoId()).toString() : "nothing to un-list";
            case FINISH -> {
                records.finish(video.videoId(), requestedAt);
                yield "change to " + change.to() + " done";
            }
        };
        return new Outcome(video.videoId(), step, false, detail);
    }

    /**
     * Copies the media to the new prefix. A deletion that started meanwhile may have deleted that prefix before the
     * copies landed: the status is read again after the last copy, and if the video is being deleted the copies are
     * deleted here (the deletion's media step, which lists the prefix, cannot have seen them all).
     */
    private String copy(Video video, Video.VisibilityChange change) {
        if (!change.movesMedia()) {
            return "nothing to move: " + change.from() + " and " + change.to() + " share a prefix";
        }
        String id = video.videoId();
        String to = MediaKeys.outputPrefix(id, change.to().isRestricted());
        int copied = objects.copyPrefix(mediaBucket, MediaKeys.outputPrefix(id, change.from().isRestricted()), to);
        VideoStatus now = videos.get(id).status();
        if (now != VideoStatus.PUBLISHED) {
            objects.deletePrefix(mediaBucket, to);
            throw new VisibilityChangeCancelledException(id, now);
        }
        return "copied " + copied + " objects to " + to;
    }

    private String switchTo(Video video, Video.VisibilityChange change) {
        boolean restricted = change.to().isRestricted();
        String id = video.videoId();
        List<Rendition> renditions = video.renditions().stream().map(r -> new Rendition(r.name(), r.width(),
                r.height(), r.bandwidth(), MediaKeys.underPrefix(r.playlistKey(), id, restricted), r.bytes())).toList();
        Video.PublishedAssets a = video.assets();
        Video.PublishedAssets assets = a == null ? null : new Video.PublishedAssets(
                MediaKeys.underPrefix(a.masterPlaylistKey(), id, restricted),
                MediaKeys.underPrefix(a.posterKey(), id, restricted),
                MediaKeys.underPrefix(a.spriteKey(), id, restricted),
                MediaKeys.underPrefix(a.spriteIndexKey(), id, restricted));
        return records.switchVisibility(id, change.requestedAt(), change.to(), renditions, assets).map(switched -> {
            events.publish(new VideoVisibilityChanged(VideoEvent.Subject.of(switched, clock.instant()), change.to(),
                    change.from()));
            return "visibility " + change.from() + " -> " + change.to();
        }).orElse("switched before");
    }

    private String deleteOld(String videoId, Video.VisibilityChange change) {
        if (!change.movesMedia()) {
            return "nothing moved";
        }
        String old = MediaKeys.outputPrefix(videoId, change.from().isRestricted());
        int deleted = objects.deletePrefix(mediaBucket, old);
        String invalidation = cdn.invalidate("visibility-" + videoId + "-" + change.requestedAt().toEpochMilli(),
                List.of("/" + old + "*"));
        return "deleted " + deleted + " objects under " + old + ", invalidation " + invalidation;
    }
}
