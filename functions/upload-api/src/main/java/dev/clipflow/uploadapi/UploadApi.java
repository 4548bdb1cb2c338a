package dev.clipflow.uploadapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelVideos;
import dev.clipflow.catalog.Page;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoPlayback;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.deletion.DeletionRequests;
import dev.clipflow.catalog.edit.EditedVideo;
import dev.clipflow.catalog.edit.VideoChanges;
import dev.clipflow.catalog.edit.VideoEditing;
import dev.clipflow.catalog.upload.MultipartUploads;
import dev.clipflow.catalog.upload.NewVideo;
import dev.clipflow.catalog.upload.StartedUpload;
import dev.clipflow.catalog.upload.UploadPlan;
import dev.clipflow.catalog.upload.VideoUploads;
import dev.clipflow.http.ApiCall;
import dev.clipflow.http.ApiEdge;
import dev.clipflow.http.ApiErrors;
import dev.clipflow.http.ApiRequestRejectedException;
import dev.clipflow.http.ApiResponses;
import dev.clipflow.http.ApiRouter;
import dev.clipflow.http.JsonBody;
import dev.clipflow.media.MediaKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload API (bean {@code uploadApi}): API Gateway HTTP API payload 2.0 in and out. Routes
 * and answers are documented in {@code openapi/clipflow-api.yaml}. Every failure is a JSON error
 * ({@link UploadApiErrors} and the edge's {@link ApiErrors}); request bodies and presigned URLs are never logged.
 */
public final class UploadApi implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final int MAX_BODY = 64 * 1024;
    /** 10,000 parts of about 70 bytes each. */
    static final int MAX_COMPLETE_BODY = 1024 * 1024;
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    /** The fields {@code PATCH /videos/{videoId}} accepts. */
    static final Set<String> EDITABLE = Set.of("title", "description", "tags", "visibility");
    private static final Logger LOG = LoggerFactory.getLogger(UploadApi.class);

    private final VideoUploads uploads;
    private final VideoRepository videos;
    private final ChannelVideos listings;
    private final VideoViews views;
    private final VideoEditing editing;
    private final VideoPlayback playback;
    private final JsonMapper json;
    private final ApiResponses responses;
    private final ApiEdge edge;
    private final DeletionRequests deletions;

    public UploadApi(VideoUploads uploads, VideoRepository videos, ChannelVideos listings, VideoViews views,
                     VideoEditing editing, VideoPlayback playback, JsonMapper json, DeletionRequests deletions) {
        this.playback = Objects.requireNonNull(playback, "playback");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.listings = Objects.requireNonNull(listings, "listings");
        this.views = Objects.requireNonNull(views, "views");
        this.editing = Objects.requireNonNull(editing, "editing");
        this.json = Objects.requireNonNull(json, "json");
        this.deletions = Objects.requireNonNull(deletions, "deletions");
        this.responses = new ApiResponses(json);
        ApiRouter router = ApiRouter.builder()
                .route("POST /channels", this::createChannel)
                .route("GET /channels/{channelId}/videos", call -> listVideos(call, call.id("channelId")))
                .route("POST /videos", this::createVideo)
                .route("GET /videos/{videoId}", call -> getVideo(call, call.id("videoId")))
                .route("PATCH /videos/{videoId}", call -> editVideo(call, call.id("videoId")))
                .route("DELETE /videos/{videoId}", call -> delete(call, call.id("videoId")))
                .route("GET /videos/{videoId}/playback", call -> getPlayback(call, call.id("videoId")))
                .route("DELETE /videos/{videoId}/upload", call -> abort(call, call.id("videoId")))
                .route("POST /videos/{videoId}/upload/complete", call -> complete(call, call.id("videoId")))
                .route("GET /videos/{videoId}/upload/parts", call -> partUrls(call, call.id("videoId")))
                .build();
        this.edge = new ApiEdge(LOG, new ApiErrors(responses, UploadApiErrors::of), router);
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        try {
            return edge.handle(event);
        } finally {
            MDC.remove("videoId");
            MDC.remove("channelId");
        }
    }

    private APIGatewayV2HTTPResponse createChannel(ApiCall call) {
        String user = call.requireUser();
        JsonBody body = call.jsonBody(json, MAX_BODY);
        Channel channel = uploads.createChannel(user, body.string("name", true));
        MDC.put("channelId", channel.channelId());
        return responses.json(201, Map.of("channelId", channel.channelId(), "name", channel.name()));
    }

    private APIGatewayV2HTTPResponse createVideo(ApiCall call) {
        String user = call.requireUser();
        JsonBody body = call.jsonBody(json, MAX_BODY);
        String channelId = body.string("channelId", true);
        if (!MediaKeys.isValidId(channelId)) {
            throw ApiRequestRejectedException.invalidId();
        }
        NewVideo request = new NewVideo(channelId, body.string("title", true), body.string("description", false),
                body.strings("tags"), body.wholeNumber("sizeBytes"), body.string("contentType", true),
                body.string("fileName", false), body.number("durationSeconds"), body.string("visibility", false));
        MDC.put("channelId", channelId);
        StartedUpload started = uploads.start(user, request);
        MDC.put("videoId", started.video().videoId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("videoId", started.video().videoId());
        out.put("uploadId", started.video().uploadId());
        out.put("partSize", started.plan().partSize());
        out.put("partCount", started.plan().partCount());
        out.putAll(VideoViews.partUrls(started.urls()));
        return responses.json(201, out);
    }

    private APIGatewayV2HTTPResponse getVideo(ApiCall call, String videoId) {
        String user = call.requireUser();
        MDC.put("videoId", videoId);
        Video video = videos.get(videoId);
        if (!video.isVisibleTo(user)) {
            throw new VideoNotFoundException(videoId);
        }
        boolean owner = video.ownerId().equals(user);
        return responses.json(200, views.view(video, owner));
    }

    private APIGatewayV2HTTPResponse editVideo(ApiCall call, String videoId) {
        String user = call.requireUser();
        MDC.put("videoId", videoId);
        EditedVideo edited = editing.edit(user, videoId, changes(call.jsonBody(json, MAX_BODY)));
        Map<String, Object> out = views.view(edited.video(), true);
        out.put("revision", edited.revision());
        out.put("editedAt", edited.editedAt().toString());
        // 202: the visibility change runs (its workflow started); the video shows the old visibility until it is done.
        return responses.json(edited.visibilityChangeStarted() != null ? 202 : 200, out);
    }

    /**
     * The {@code PATCH /videos/{videoId}} body: each of {@link #EDITABLE} that is present is changed (JSON null = the
     * empty value, for {@code visibility} the default, as at upload: {@link Visibility#parse}); any other field is
     * refused by name (400).
     */
    static VideoChanges changes(JsonBody body) {
        List<String> unknown = body.fieldNames().stream().filter(f -> !EDITABLE.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiRequestRejectedException(400, "UNKNOWN_FIELDS", "Unknown field" + (unknown.size() > 1
                    ? "s" : "") + ": " + String.join(", ", unknown.stream().map(f -> "'" + f + "'").toList())
                    + ". A video's title, description, tags and visibility can be edited.");
        }
        return new VideoChanges(
                body.has("title") ? Objects.requireNonNullElse(body.string("title", false), "") : null,
                body.has("description") ? Objects.requireNonNullElse(body.string("description", false), "") : null,
                body.has("tags") ? body.strings("tags") : null,
                body.has("visibility") ? Visibility.parse(body.string("visibility", false)) : null);
    }

    private APIGatewayV2HTTPResponse getPlayback(ApiCall call, String videoId) {
        String user = call.requireUser();
        MDC.put("videoId", videoId);
        VideoPlayback.Playback p = playback.of(user, videoId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("videoId", videoId);
        out.put("visibility", p.visibility().name());
        out.put("hlsUrl", p.masterPlaylistUrl());
        if (!p.query().isEmpty()) {
            out.put("signedQuery", p.query());
            out.put("expiresAt", p.expiresAt().toString());
        }
        return responses.json(200, out);
    }

    private APIGatewayV2HTTPResponse listVideos(ApiCall call, String channelId) {
        String user = call.requireUser();
        int limit = call.intParam("limit", DEFAULT_PAGE, 1, MAX_PAGE);
        Page<Video> page = listings.list(user, channelId, call.cursor(), limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(v -> views.view(v, false)).toList());
        out.put("nextCursor", page.nextCursor());
        return responses.json(200, out);
    }

    private APIGatewayV2HTTPResponse partUrls(ApiCall call, String videoId) {
        String user = call.requireUser();
        MDC.put("videoId", videoId);
        int from = call.intParam("from", 1, 1, UploadPlan.MAX_PARTS);
        return responses.json(200, VideoViews.partUrls(uploads.partUrls(user, videoId, from)));
    }

    private APIGatewayV2HTTPResponse complete(ApiCall call, String videoId) {
        String user = call.requireUser();
        MDC.put("videoId", videoId);
        JsonBody body = call.jsonBody(json, MAX_COMPLETE_BODY);
        List<MultipartUploads.CompletedPart> parts = body.objects("parts").stream()
                .map(p -> new MultipartUploads.CompletedPart(
                        (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, p.wholeNumber("partNumber"))),
                        p.string("eTag", true)))
                .toList();
        return responses.json(200, views.view(uploads.complete(user, videoId, parts), true));
    }

    /** 202: the deletion workflow runs (or ran); a repeat answers the same. Anyone but the owner: 404. */
    private APIGatewayV2HTTPResponse delete(ApiCall call, String videoId) {
        String user = call.requireUser();
        MDC.put("videoId", videoId);
        Video video = deletions.request(user, videoId);
        return responses.json(202, Map.of("videoId", video.videoId(), "status", video.status().name()));
    }

    private APIGatewayV2HTTPResponse abort(ApiCall call, String videoId) {
        String user = call.requireUser();
        MDC.put("videoId", videoId);
        return responses.json(200, views.view(uploads.abort(user, videoId), true));
    }
}
