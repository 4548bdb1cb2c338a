package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.Rendition;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The item shape of a video in the videos table (see docs/adr/0003-catalog-data-model.md). */
final class VideoItems {
    static final String VIDEO_ID = "videoId";
    static final String CHANNEL_ID = "channelId";
    static final String CREATED_AT = "createdAt";
    static final String STATUS = "status";
    static final String UPLOAD_ID = "uploadId";
    static final String FAILURE_REASON = "failureReason";
    static final String MEDIA = "media";
    static final String RENDITIONS = "renditions";
    static final String ASSETS = "assets";
    static final String USAGE = "usage";
    /** Branch name to the attribute the state machine's "Record the ... failure" steps write. */
    static final Map<String, String> BRANCH_FAILURE_ATTRIBUTES =
            Map.of("fanout", "fanoutFailure", "recommendation", "recommendationFailure");
    static final String UPDATED_AT = "updatedAt";
    /** The pipeline stage and progress of a PROCESSING video (read only while it is PROCESSING). */
    static final String STAGE = "stage";
    static final String PROGRESS = "progress";
    /** A chunked transcode's finished chunk indexes (a string set), counted by the transcode-chunk function. */
    static final String CHUNKS_DONE = "chunksDone";
    /**
     * The sweeper's index key (GSI {@code bySweepQueue}, sparse): the status while it is AWAITING_UPLOAD or
     * PROCESSING, {@link #SWEPT} from the sweeper's failing a video until it has released it, DELETING while the
     * video is (DynamoDeletionRecords), absent otherwise.
     */
    static final String SWEEP_QUEUE = "sweepQueue";
    static final String SWEPT = "SWEPT";

    private VideoItems() {
    }

    static final String RESERVED_SECONDS = "reservedSeconds";
    /** {@code PUBLIC}, {@code UNLISTED} or {@code PRIVATE}; absent on records written before it existed (PUBLIC). */
    static final String VISIBILITY = "visibility";

    static Map<String, AttributeValue> toItem(Video v, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(VIDEO_ID, Items.s(v.videoId()));
        item.put(CHANNEL_ID, Items.s(v.channelId()));
        item.put("ownerId", Items.s(v.ownerId()));
        Items.putIfNotNull(item, "title", v.title());
        Items.putIfNotNull(item, "description", v.description());
        item.put("tags", Items.strings(v.tags()));
        item.put("declaredBytes", Items.n(v.declaredBytes()));
        Items.putIfNotNull(item, "contentType", v.contentType());
        Items.putIfNotNull(item, "uploadKey", v.uploadKey());
        Items.putIfNotNull(item, UPLOAD_ID, v.uploadId());
        item.put(STATUS, Items.s(v.status().name()));
        if (!v.status().isTerminal()) {
            item.put(SWEEP_QUEUE, Items.s(v.status().name()));
        }
        Items.putIfNotNull(item, FAILURE_REASON, v.failureReason());
        if (v.media() != null) {
            item.put(MEDIA, media(v.media()));
        }
        item.put(RENDITIONS, renditions(v.renditions()));
        if (v.assets() != null) {
            item.put(ASSETS, assets(v.assets()));
        }
        Map<String, AttributeValue> usage = new HashMap<>();
        v.usage().forEach((stage, u) -> usage.put(stage, usage(u)));
        item.put(USAGE, AttributeValue.fromM(usage));
        if (v.reservedSeconds() != null) {
            item.put(RESERVED_SECONDS, Items.n(v.reservedSeconds()));
        }
        item.put(VISIBILITY, Items.s(v.visibility().name()));
        if (v.visibilityChange() != null) {
            item.put(VisibilityChangeItems.ATTRIBUTE, VisibilityChangeItems.pending(v.visibilityChange()));
        }
        Instant created = v.createdAt() == null ? now : v.createdAt();
        item.put(CREATED_AT, Items.time(created));
        item.put(UPDATED_AT, Items.time(v.updatedAt() == null ? created : v.updatedAt()));
        return item;
    }

    static Video fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> media = Items.map(item, MEDIA);
        Map<String, AttributeValue> assets = Items.map(item, ASSETS);
        Map<String, StageUsage> usage = new LinkedHashMap<>();
        Map<String, AttributeValue> usageMap = Items.map(item, USAGE);
        if (usageMap != null) {
            usageMap.forEach((stage, u) -> usage.put(stage, usage(stage, u.m())));
        }
        return new Video(
                Items.str(item, VIDEO_ID),
                Items.str(item, CHANNEL_ID),
                Items.str(item, "ownerId"),
                Items.str(item, "title"),
                Items.str(item, "description"),
                Items.strList(item, "tags"),
                Items.lng(item, "declaredBytes"),
                Items.str(item, "contentType"),
                Items.str(item, "uploadKey"),
                Items.str(item, UPLOAD_ID),
                VideoStatus.valueOf(Items.str(item, STATUS)),
                Items.str(item, FAILURE_REASON),
                media == null ? null : media(media),
                renditions(item.get(RENDITIONS)),
                assets == null ? null : assets(assets),
                usage,
                Items.instant(item, CREATED_AT),
                Items.instant(item, UPDATED_AT),
                branchFailures(item),
                item.containsKey(RESERVED_SECONDS) ? Double.valueOf(item.get(RESERVED_SECONDS).n()) : null,
                progress(item),
                visibility(item),
                VisibilityChangeItems.pending(item));
    }

    static Visibility visibility(Map<String, AttributeValue> item) {
        String v = Items.str(item, VISIBILITY);
        return v == null ? Visibility.DEFAULT : Visibility.valueOf(v);
    }

    private static Video.Progress progress(Map<String, AttributeValue> item) {
        String stage = Items.str(item, STAGE);
        if (stage == null || !item.containsKey(PROGRESS)
                || !VideoStatus.PROCESSING.name().equals(Items.str(item, STATUS))) {
            return null;
        }
        return new Video.Progress(stage, Integer.parseInt(item.get(PROGRESS).n()));
    }

    /** The attribute the state machine's "Record the chunk failure" step writes. */
    static final String TRANSCODE_FAILURE = "transcodeFailure";

    /** A failure record the state machine wrote into {@code attribute}, if any. */
    static Optional<Video.BranchFailure> failure(Map<String, AttributeValue> item, String attribute) {
        Map<String, AttributeValue> f = Items.map(item, attribute);
        return f == null ? Optional.empty() : Optional.of(new Video.BranchFailure(Items.str(f, "error"),
                Items.str(f, "cause"), Items.str(f, "executionId"), Items.str(f, "at")));
    }

    /** The state machine's records of failed after-publish branches (see statemachine/video-pipeline.asl.json). */
    static Map<String, Video.BranchFailure> branchFailures(Map<String, AttributeValue> item) {
        Map<String, Video.BranchFailure> failures = new LinkedHashMap<>();
        BRANCH_FAILURE_ATTRIBUTES.forEach((branch, attribute) ->
                failure(item, attribute).ifPresent(f -> failures.put(branch, f)));
        return failures;
    }

    static AttributeValue media(MediaInfo m) {
        Map<String, AttributeValue> a = new HashMap<>();
        a.put("durationSeconds", Items.n(m.durationSeconds()));
        a.put("width", Items.n(m.width()));
        a.put("height", Items.n(m.height()));
        a.put("rotation", Items.n(m.rotation()));
        a.put("displayWidth", Items.n(m.displayWidth()));
        a.put("displayHeight", Items.n(m.displayHeight()));
        a.put("frameRate", Items.n(m.frameRate()));
        Items.putIfNotNull(a, "videoCodec", m.videoCodec());
        Items.putIfNotNull(a, "audioCodec", m.audioCodec());
        a.put("bitRate", Items.n(m.bitRate()));
        Items.putIfNotNull(a, "formatName", m.formatName());
        a.put("audioSampleRate", Items.n(m.audioSampleRate()));
        a.put("videoEndSeconds", Items.n(m.videoEndSeconds()));
        return AttributeValue.fromM(a);
    }

    static MediaInfo media(Map<String, AttributeValue> a) {
        return new MediaInfo(Items.dbl(a, "durationSeconds"), Items.integer(a, "width"), Items.integer(a, "height"),
                Items.integer(a, "rotation"), Items.integer(a, "displayWidth"), Items.integer(a, "displayHeight"),
                Items.dbl(a, "frameRate"), Items.str(a, "videoCodec"), Items.str(a, "audioCodec"),
                Items.lng(a, "bitRate"), Items.str(a, "formatName"), Items.integer(a, "audioSampleRate"),
                Items.dbl(a, "videoEndSeconds"));
    }

    static AttributeValue renditions(List<Rendition> renditions) {
        return AttributeValue.fromL(renditions.stream().map(r -> {
            Map<String, AttributeValue> a = new HashMap<>();
            Items.putIfNotNull(a, "name", r.name());
            a.put("width", Items.n(r.width()));
            a.put("height", Items.n(r.height()));
            a.put("bandwidth", Items.n(r.bandwidth()));
            Items.putIfNotNull(a, "playlistKey", r.playlistKey());
            a.put("bytes", Items.n(r.bytes()));
            return AttributeValue.fromM(a);
        }).toList());
    }

    static List<Rendition> renditions(AttributeValue value) {
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(AttributeValue::m).map(a -> new Rendition(Items.str(a, "name"),
                Items.integer(a, "width"), Items.integer(a, "height"), Items.lng(a, "bandwidth"),
                Items.str(a, "playlistKey"), Items.lng(a, "bytes"))).toList();
    }

    static AttributeValue assets(Video.PublishedAssets p) {
        Map<String, AttributeValue> a = new HashMap<>();
        Items.putIfNotNull(a, "masterPlaylistKey", p.masterPlaylistKey());
        Items.putIfNotNull(a, "posterKey", p.posterKey());
        Items.putIfNotNull(a, "spriteKey", p.spriteKey());
        Items.putIfNotNull(a, "spriteIndexKey", p.spriteIndexKey());
        return AttributeValue.fromM(a);
    }

    static Video.PublishedAssets assets(Map<String, AttributeValue> a) {
        return new Video.PublishedAssets(Items.str(a, "masterPlaylistKey"), Items.str(a, "posterKey"),
                Items.str(a, "spriteKey"), Items.str(a, "spriteIndexKey"));
    }

    static AttributeValue usage(StageUsage u) {
        Map<String, AttributeValue> a = new HashMap<>();
        a.put("invocations", Items.n(u.invocations()));
        a.put("durationMillis", Items.n(u.durationMillis()));
        a.put("memoryMb", Items.n(u.memoryMb()));
        a.put("stateTransitions", Items.n(u.stateTransitions()));
        a.put("bytesStored", Items.n(u.bytesStored()));
        a.put("s3Puts", Items.n(u.s3Puts()));
        a.put("s3Gets", Items.n(u.s3Gets()));
        return AttributeValue.fromM(a);
    }

    static StageUsage usage(String stage, Map<String, AttributeValue> a) {
        return new StageUsage(stage, Items.integer(a, "invocations"), Items.lng(a, "durationMillis"),
                Items.integer(a, "memoryMb"), Items.integer(a, "stateTransitions"), Items.lng(a, "bytesStored"),
                Items.lng(a, "s3Puts"), Items.lng(a, "s3Gets"));
    }
}
