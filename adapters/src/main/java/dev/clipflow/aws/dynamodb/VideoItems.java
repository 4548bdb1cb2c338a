package dev.clipflow.aws.dynamodb;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
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
    /**
     * The sweeper's index key (GSI {@code bySweepQueue}, sparse): the status while it is AWAITING_UPLOAD or
     * PROCESSING, {@link #SWEPT} from the sweeper's failing a video until it has released it, absent otherwise.
     */
    static final String SWEEP_QUEUE = "sweepQueue";
    static final String SWEPT = "SWEPT";

    private VideoItems() {
    }

    static final String RESERVED_SECONDS = "reservedSeconds";

    static Map<String, AttributeValue> toItem(Video v, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(VIDEO_ID, Attr.s(v.videoId()));
        item.put(CHANNEL_ID, Attr.s(v.channelId()));
        item.put("ownerId", Attr.s(v.ownerId()));
        Attr.putIfNotNull(item, "title", v.title());
        Attr.putIfNotNull(item, "description", v.description());
        item.put("tags", Attr.strings(v.tags()));
        item.put("declaredBytes", Attr.n(v.declaredBytes()));
        Attr.putIfNotNull(item, "contentType", v.contentType());
        Attr.putIfNotNull(item, "uploadKey", v.uploadKey());
        Attr.putIfNotNull(item, UPLOAD_ID, v.uploadId());
        item.put(STATUS, Attr.s(v.status().name()));
        if (!v.status().isTerminal()) {
            item.put(SWEEP_QUEUE, Attr.s(v.status().name()));
        }
        Attr.putIfNotNull(item, FAILURE_REASON, v.failureReason());
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
            item.put(RESERVED_SECONDS, Attr.n(v.reservedSeconds()));
        }
        Instant created = v.createdAt() == null ? now : v.createdAt();
        item.put(CREATED_AT, Attr.time(created));
        item.put(UPDATED_AT, Attr.time(v.updatedAt() == null ? created : v.updatedAt()));
        return item;
    }

    static Video fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> media = Attr.map(item, MEDIA);
        Map<String, AttributeValue> assets = Attr.map(item, ASSETS);
        Map<String, StageUsage> usage = new LinkedHashMap<>();
        Map<String, AttributeValue> usageMap = Attr.map(item, USAGE);
        if (usageMap != null) {
            usageMap.forEach((stage, u) -> usage.put(stage, usage(stage, u.m())));
        }
        return new Video(
                Attr.str(item, VIDEO_ID),
                Attr.str(item, CHANNEL_ID),
                Attr.str(item, "ownerId"),
                Attr.str(item, "title"),
                Attr.str(item, "description"),
                Attr.strList(item, "tags"),
                Attr.lng(item, "declaredBytes"),
                Attr.str(item, "contentType"),
                Attr.str(item, "uploadKey"),
                Attr.str(item, UPLOAD_ID),
                VideoStatus.valueOf(Attr.str(item, STATUS)),
                Attr.str(item, FAILURE_REASON),
                media == null ? null : media(media),
                renditions(item.get(RENDITIONS)),
                assets == null ? null : assets(assets),
                usage,
                Attr.instant(item, CREATED_AT),
                Attr.instant(item, UPDATED_AT),
                branchFailures(item),
                item.containsKey(RESERVED_SECONDS) ? Double.valueOf(item.get(RESERVED_SECONDS).n()) : null,
                progress(item));
    }

    private static Video.Progress progress(Map<String, AttributeValue> item) {
        String stage = Attr.str(item, STAGE);
        if (stage == null || !item.containsKey(PROGRESS)
                || !VideoStatus.PROCESSING.name().equals(Attr.str(item, STATUS))) {
            return null;
        }
        return new Video.Progress(stage, Integer.parseInt(item.get(PROGRESS).n()));
    }

    /** The attribute the state machine's "Record the chunk failure" step writes. */
    static final String TRANSCODE_FAILURE = "transcodeFailure";

    /** A failure record the state machine wrote into {@code attribute}, if any. */
    static Optional<Video.BranchFailure> failure(Map<String, AttributeValue> item, String attribute) {
        Map<String, AttributeValue> f = Attr.map(item, attribute);
        return f == null ? Optional.empty() : Optional.of(new Video.BranchFailure(Attr.str(f, "error"),
                Attr.str(f, "cause"), Attr.str(f, "executionId"), Attr.str(f, "at")));
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
        a.put("durationSeconds", Attr.n(m.durationSeconds()));
        a.put("width", Attr.n(m.width()));
        a.put("height", Attr.n(m.height()));
        a.put("rotation", Attr.n(m.rotation()));
        a.put("displayWidth", Attr.n(m.displayWidth()));
        a.put("displayHeight", Attr.n(m.displayHeight()));
        a.put("frameRate", Attr.n(m.frameRate()));
        Attr.putIfNotNull(a, "videoCodec", m.videoCodec());
        Attr.putIfNotNull(a, "audioCodec", m.audioCodec());
        a.put("bitRate", Attr.n(m.bitRate()));
        Attr.putIfNotNull(a, "formatName", m.formatName());
        a.put("audioSampleRate", Attr.n(m.audioSampleRate()));
        a.put("videoEndSeconds", Attr.n(m.videoEndSeconds()));
        return AttributeValue.fromM(a);
    }

    static MediaInfo media(Map<String, AttributeValue> a) {
        return new MediaInfo(Attr.dbl(a, "durationSeconds"), Attr.integer(a, "width"), Attr.integer(a, "height"),
                Attr.integer(a, "rotation"), Attr.integer(a, "displayWidth"), Attr.integer(a, "displayHeight"),
                Attr.dbl(a, "frameRate"), Attr.str(a, "videoCodec"), Attr.str(a, "audioCodec"),
                Attr.lng(a, "bitRate"), Attr.str(a, "formatName"), Attr.integer(a, "audioSampleRate"),
                Attr.dbl(a, "videoEndSeconds"));
    }

    static AttributeValue renditions(List<Rendition> renditions) {
        return AttributeValue.fromL(renditions.stream().map(r -> {
            Map<String, AttributeValue> a = new HashMap<>();
            Attr.putIfNotNull(a, "name", r.name());
            a.put("width", Attr.n(r.width()));
            a.put("height", Attr.n(r.height()));
            a.put("bandwidth", Attr.n(r.bandwidth()));
            Attr.putIfNotNull(a, "playlistKey", r.playlistKey());
            a.put("bytes", Attr.n(r.bytes()));
            return AttributeValue.fromM(a);
        }).toList());
    }

    static List<Rendition> renditions(AttributeValue value) {
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(AttributeValue::m).map(a -> new Rendition(Attr.str(a, "name"),
                Attr.integer(a, "width"), Attr.integer(a, "height"), Attr.lng(a, "bandwidth"),
                Attr.str(a, "playlistKey"), Attr.lng(a, "bytes"))).toList();
    }

    static AttributeValue assets(Video.PublishedAssets p) {
        Map<String, AttributeValue> a = new HashMap<>();
        Attr.putIfNotNull(a, "masterPlaylistKey", p.masterPlaylistKey());
        Attr.putIfNotNull(a, "posterKey", p.posterKey());
        Attr.putIfNotNull(a, "spriteKey", p.spriteKey());
        Attr.putIfNotNull(a, "spriteIndexKey", p.spriteIndexKey());
        return AttributeValue.fromM(a);
    }

    static Video.PublishedAssets assets(Map<String, AttributeValue> a) {
        return new Video.PublishedAssets(Attr.str(a, "masterPlaylistKey"), Attr.str(a, "posterKey"),
                Attr.str(a, "spriteKey"), Attr.str(a, "spriteIndexKey"));
    }

    static AttributeValue usage(StageUsage u) {
        Map<String, AttributeValue> a = new HashMap<>();
        a.put("invocations", Attr.n(u.invocations()));
        a.put("durationMillis", Attr.n(u.durationMillis()));
        a.put("memoryMb", Attr.n(u.memoryMb()));
        a.put("stateTransitions", Attr.n(u.stateTransitions()));
        a.put("bytesStored", Attr.n(u.bytesStored()));
        a.put("s3Puts", Attr.n(u.s3Puts()));
        a.put("s3Gets", Attr.n(u.s3Gets()));
        return AttributeValue.fromM(a);
    }

    static StageUsage usage(String stage, Map<String, AttributeValue> a) {
        return new StageUsage(stage, Attr.integer(a, "invocations"), Attr.lng(a, "durationMillis"),
                Attr.integer(a, "memoryMb"), Attr.integer(a, "stateTransitions"), Attr.lng(a, "bytesStored"),
                Attr.lng(a, "s3Puts"), Attr.lng(a, "s3Gets"));
    }
}
