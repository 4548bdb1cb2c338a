package dev.clipflow.uploadapi;

import dev.clipflow.catalog.PlaybackUrls;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.upload.PartUrls;
import dev.clipflow.cost.CostEstimate;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.pipeline.MediaInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the API shows of a video. Playback, poster and sprite URLs are plain CloudFront URLs under
 * {@code MEDIA_BASE_URL} (HLS segments cannot each carry a presigned URL); the estimated cost is
 * shown to the owner only.
 */
final class VideoViews {
    private final PlaybackUrls playback;
    private final CostEstimator costs;

    VideoViews(String mediaBaseUrl, CostEstimator costs) {
        this.playback = new PlaybackUrls(mediaBaseUrl);
        this.costs = Objects.requireNonNull(costs, "costs");
    }

    Map<String, Object> view(Video v, boolean owner) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("videoId", v.videoId());
        out.put("channelId", v.channelId());
        out.put("title", v.title());
        out.put("description", v.description());
        out.put("tags", v.tags());
        out.put("status", v.status().name());
        out.put("visibility", v.visibility().name());
        if (v.status() == VideoStatus.FAILED) {
            out.put("failureReason", v.failureReason());
        }
        out.put("contentType", v.contentType());
        out.put("sizeBytes", v.declaredBytes());
        out.put("createdAt", text(v.createdAt()));
        out.put("updatedAt", text(v.updatedAt()));
        if (v.media() != null) {
            out.put("media", media(v.media()));
        }
        if (v.status() == VideoStatus.PUBLISHED) {
            out.put("renditions", v.renditions().stream().map(r -> Map.of("name", r.name(), "width", r.width(),
                    "height", r.height(), "bandwidth", r.bandwidth())).toList());
            out.put("playback", playback(v));
        }
        if (owner) {
            if (v.status() == VideoStatus.PROCESSING && v.progress() != null) {
                out.put("stage", v.progress().stage());
                out.put("progress", v.progress().percent());
            }
            out.put("uploadOpen", v.status() == VideoStatus.AWAITING_UPLOAD && v.uploadId() != null);
            if (v.visibilityChange() != null) {
                out.put("visibilityChange", Map.of("to", v.visibilityChange().to().name(),
                        "requestedAt", v.visibilityChange().requestedAt().toString()));
            }
            out.put("cost", cost(costs.estimate(v.usage())));
            if (!v.branchFailures().isEmpty()) {
                Map<String, Object> failures = new LinkedHashMap<>();
                v.branchFailures().forEach((branch, f) -> failures.put(branch,
                        Map.of("error", String.valueOf(f.error()), "at", String.valueOf(f.at()))));
                out.put("afterPublishFailures", failures);
            }
        }
        return out;
    }

    Map<String, Object> playback(Video v) {
        return new LinkedHashMap<>(playback.of(v));
    }

    static Map<String, Object> partUrls(PartUrls urls) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parts", urls.parts().stream()
                .map(p -> Map.of("partNumber", p.partNumber(), "sizeBytes", p.sizeBytes(), "url", p.url().toString()))
                .toList());
        out.put("nextPartNumber", urls.nextPartNumber());
        out.put("expiresAt", text(urls.expiresAt()));
        return out;
    }

    private static Map<String, Object> media(MediaInfo m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("durationSeconds", m.pictureEndSeconds());
        out.put("width", m.displayWidth());
        out.put("height", m.displayHeight());
        out.put("frameRate", m.frameRate());
        out.put("videoCodec", m.videoCodec());
        out.put("audioCodec", m.audioCodec());
        return out;
    }

    private static Map<String, Object> cost(CostEstimate estimate) {
        Map<String, Object> stages = new LinkedHashMap<>();
        estimate.perStage().forEach((stage, c) -> stages.put(stage, Map.of("compute", c.compute(),
                "requests", c.requests(), "stateTransitions", c.stateTransitions(), "storage", c.storage(),
                "total", c.total())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("currency", "USD");
        out.put("total", estimate.total());
        out.put("perStage", stages);
        return out;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
