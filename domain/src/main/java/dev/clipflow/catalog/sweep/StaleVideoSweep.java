package dev.clipflow.catalog.sweep;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.deletion.DeletionRestarts;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.events.VideoEvents;
import dev.clipflow.catalog.events.VideoFailed;
import dev.clipflow.catalog.upload.MultipartUploads;
import dev.clipflow.media.VideoOutputs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One sweep: first releases what an interrupted sweep failed but did not release, then fails every video left
 * AWAITING_UPLOAD past the upload window and every video left PROCESSING past the processing window, oldest
 * first, each with one conditional write (a video that changed meanwhile is left alone), and releases each:
 * aborts its open multipart upload (the creator can no longer complete it) and deletes its partial outputs.
 * The video's source, if it was uploaded, stays under the uploads bucket's retention like any failed video's.
 * Last, every video left DELETING past the deletion window (its workflow's attempt ended without finishing: a step
 * failed for good, or it timed out) has its deletion restarted under the next attempt ({@link DeletionRestarts}),
 * which skips the steps done; the same conditional write that moves the attempt on restarts its window.
 * Idempotent: a repeat finds nothing more to do. A sweep that reaches its time budget stops between two videos
 * and reports itself incomplete; the next one goes on where it stopped, since failed videos leave the listings.
 */
public final class StaleVideoSweep {
    /** How long one sweep may go on starting work on further videos (the function's timeout is well above). */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    private final VideoRepository videos;
    private final StaleVideoStore stale;
    private final MultipartUploads uploads;
    private final VideoOutputs outputs;
    private final SweepWindows windows;
    private final Clock clock;
    private final Duration budget;
    private final VideoEvents events;
    private final DeletionRestarts deletions;

    /**
     * @param events    where {@code Video Failed} goes for each video this sweep fails
     * @param deletions restarts the deletion workflow of a video left DELETING past its window
     */
    public StaleVideoSweep(VideoRepository videos, StaleVideoStore stale, MultipartUploads uploads,
                           VideoOutputs outputs, SweepWindows windows, Clock clock, Duration budget,
                           VideoEvents events, DeletionRestarts deletions) {
        this.events = Objects.requireNonNull(events, "events");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.stale = Objects.requireNonNull(stale, "stale");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.windows = Objects.requireNonNull(windows, "windows");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.deletions = Objects.requireNonNull(deletions, "deletions");
    }

    /** The reason recorded on a video whose upload window passed. */
    public static String uploadExpiredReason(Duration window) {
        return "The upload was not completed within " + describe(window)
                + ", so it was cancelled. Please upload the video again.";
    }

    /** The reason recorded on a video that stayed PROCESSING past the processing window. */
    public static String processingExpiredReason(Duration window) {
        return "Processing did not finish within " + describe(window)
                + " and was stopped. Please upload the video again.";
    }

    public SweepReport sweep() {
        Instant now = clock.instant();
        Tally tally = new Tally(now.plus(budget));
        try (Stream<StaleVideo> left = stale.notReleased()) {
            for (Iterator<StaleVideo> it = left.iterator(); it.hasNext() && tally.inBudget(); ) {
                videos.find(it.next().videoId()).ifPresent(v -> release(v, tally));
            }
        }
        int uploadsExpired = expire(VideoStatus.AWAITING_UPLOAD, now.minus(windows.awaitingUpload()),
                uploadExpiredReason(windows.awaitingUpload()), tally);
        int processingExpired = expire(VideoStatus.PROCESSING, now.minus(windows.processing()),
                processingExpiredReason(windows.processing()), tally);
        int deletionsRestarted = restartDeletions(now.minus(windows.deleting()), tally);
        return new SweepReport(uploadsExpired, processingExpired, deletionsRestarted, tally.movedOn, tally.released,
                tally.deleted, tally.complete);
    }

    private int restartDeletions(Instant changedBefore, Tally tally) {
        int restarted = 0;
        try (Stream<StaleVideo> candidates = stale.stalledDeletions(changedBefore)) {
            for (Iterator<StaleVideo> it = candidates.iterator(); it.hasNext() && tally.inBudget(); ) {
                if (deletions.restartStalled(it.next().videoId(), changedBefore).isPresent()) {
                    restarted++;
                } else {
                    tally.movedOn++;
                }
            }
        }
        return restarted;
    }

    private int expire(VideoStatus status, Instant changedBefore, String reason, Tally tally) {
        int failed = 0;
        try (Stream<StaleVideo> candidates = stale.stale(status, changedBefore)) {
            for (Iterator<StaleVideo> it = candidates.iterator(); it.hasNext() && tally.inBudget(); ) {
                Optional<Video> video = stale.failStale(it.next().videoId(), status, changedBefore, reason);
                if (video.isEmpty()) {
                    tally.movedOn++;
                    continue;
                }
                failed++;
                events.publish(new VideoFailed(VideoEvent.Subject.of(video.get(), clock.instant()), reason));
                release(video.get(), tally);
            }
        }
        return failed;
    }

    private void release(Video video, Tally tally) {
        if (video.uploadId() != null) {
            uploads.abort(video.uploadKey(), video.uploadId());
            videos.clearUploadId(video.videoId());
        }
        tally.deleted += outputs.deleteAll(video.videoId());
        stale.released(video.videoId());
        tally.released++;
    }

    private static String describe(Duration d) {
        if (d.toMinutesPart() == 0 && d.toSecondsPart() == 0 && d.toHours() > 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(1, (d.getSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** Counts and the time budget of one sweep. */
    private final class Tally {
        private final Instant deadline;
        int movedOn;
        int released;
        int deleted;
        boolean complete = true;

        Tally(Instant deadline) {
            this.deadline = deadline;
        }

        boolean inBudget() {
            if (clock.instant().isBefore(deadline)) {
                return true;
            }
            complete = false;
            return false;
        }
    }
}
