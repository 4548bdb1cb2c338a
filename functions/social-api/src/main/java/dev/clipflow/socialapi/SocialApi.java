package dev.clipflow.socialapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.Page;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoNotPublishedException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.discovery.Recommendations;
import dev.clipflow.discovery.RelatedVideos;
import dev.clipflow.discovery.ScoredVideo;
import dev.clipflow.discovery.WatchRecorder;
import dev.clipflow.http.ApiCall;
import dev.clipflow.http.ApiEdge;
import dev.clipflow.http.ApiErrors;
import dev.clipflow.http.ApiResponses;
import dev.clipflow.http.ApiRouter;
import dev.clipflow.social.FeedPage;
import dev.clipflow.social.FeedReader;
import dev.clipflow.social.Subscription;
import dev.clipflow.social.Subscriptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The social API (bean {@code socialApi}): API Gateway HTTP API payload 2.0 in and out; routes and
 * answers are documented in {@code openapi/social-api.yaml}. It is the HTTP edge of two contexts,
 * each writing only its own table through its own port: social (subscriptions, feeds) and discovery
 * (watches, related videos, recommendations). Every check runs before anything is written; every
 * failure is a JSON error {@code {"error", "message"}}.
 */
public final class SocialApi implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final int DEFAULT_PAGE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(SocialApi.class);

    private final Subscriptions subscriptions;
    private final FeedReader feed;
    private final WatchRecorder watches;
    private final RelatedVideos related;
    private final Recommendations recommendations;
    private final VideoRepository videos;
    private final ApiResponses responses;
    private final ApiEdge edge;

    public SocialApi(Subscriptions subscriptions, FeedReader feed, WatchRecorder watches, RelatedVideos related,
                     Recommendations recommendations, VideoRepository videos, JsonMapper json) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.watches = Objects.requireNonNull(watches, "watches");
        this.related = Objects.requireNonNull(related, "related");
        this.recommendations = Objects.requireNonNull(recommendations, "recommendations");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.responses = new ApiResponses(Objects.requireNonNull(json, "json"));
        ApiRouter router = ApiRouter.builder()
                .route("POST /channels/{channelId}/subscription", call -> subscribe(call, call.id("channelId")))
                .route("DELETE /channels/{channelId}/subscription", call -> unsubscribe(call, call.id("channelId")))
                .route("GET /channels/{channelId}/subscribers/count", call -> count(call, call.id("channelId")))
                .route("GET /me/subscriptions", this::mySubscriptions)
                .route("GET /me/feed", this::myFeed)
                .route("GET /me/recommendations", this::myRecommendations)
                .route("POST /videos/{videoId}/views", call -> view(call, call.id("videoId")))
                .route("GET /videos/{videoId}/related", call -> related(call, call.id("videoId")))
                .build();
        this.edge = new ApiEdge(LOG, new ApiErrors(responses, SocialApiErrors::of), router);
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        return edge.handle(event);
    }

    private APIGatewayV2HTTPResponse subscribe(ApiCall call, String channelId) {
        boolean created = subscriptions.subscribe(call.requireUser(), channelId);
        return responses.json(created ? 201 : 200, Map.of("channelId", channelId, "subscribed", true));
    }

    private APIGatewayV2HTTPResponse unsubscribe(ApiCall call, String channelId) {
        subscriptions.unsubscribe(call.requireUser(), channelId);
        return responses.noContent();
    }

    private APIGatewayV2HTTPResponse count(ApiCall call, String channelId) {
        call.requireUser();
        return responses.json(200, Map.of("channelId", channelId, "subscribers", subscriptions.count(channelId)));
    }

    private APIGatewayV2HTTPResponse mySubscriptions(ApiCall call) {
        Page<Subscription> page = subscriptions.list(call.requireUser(), call.cursor(), call.limit(DEFAULT_PAGE));
        return page(page.items().stream().map(s -> Map.<String, Object>of("channelId", s.channelId(),
                "subscribedAt", s.subscribedAt().toString())).toList(), page.nextCursor());
    }

    private APIGatewayV2HTTPResponse myFeed(ApiCall call) {
        FeedPage page = feed.read(call.requireUser(), call.cursor(), call.limit(DEFAULT_PAGE));
        return page(page.items().stream().map(i -> Map.<String, Object>of("videoId", i.videoId(),
                "channelId", i.channelId(), "publishedAt", i.publishedAt().toString())).toList(), page.nextCursor());
    }

    private APIGatewayV2HTTPResponse myRecommendations(ApiCall call) {
        Page<ScoredVideo> page = recommendations.page(call.requireUser(), call.cursor(), call.limit(DEFAULT_PAGE));
        return page(scored(page.items()), page.nextCursor());
    }

    private APIGatewayV2HTTPResponse view(ApiCall call, String videoId) {
        boolean first = watches.record(call.requireUser(), videoId);
        return responses.json(first ? 201 : 200, Map.of("videoId", videoId, "firstView", first));
    }

    private APIGatewayV2HTTPResponse related(ApiCall call, String videoId) {
        String user = call.requireUser();
        int limit = call.limit(DEFAULT_PAGE);
        if (limit < 1 || limit > RelatedVideos.MAX_LIMIT) {
            throw new dev.clipflow.paging.PageSizeInvalidException(limit, 1, RelatedVideos.MAX_LIMIT);
        }
        Video video = videos.get(videoId);
        if (video.visibility() == Visibility.PRIVATE && !video.ownerId().equals(user)) {
            throw new VideoNotFoundException(videoId);
        }
        if (video.status() != VideoStatus.PUBLISHED) {
            throw new VideoNotPublishedException(videoId);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("videoId", videoId);
        out.put("items", scored(related.of(videoId, limit)));
        return responses.json(200, out);
    }

    private APIGatewayV2HTTPResponse page(List<Map<String, Object>> items, String nextCursor) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("nextCursor", nextCursor);
        return responses.json(200, out);
    }

    private static List<Map<String, Object>> scored(List<ScoredVideo> items) {
        return items.stream().map(v -> Map.<String, Object>of("videoId", v.videoId(),
                "score", Math.round(v.score() * 10000) / 10000.0)).toList();
    }
}
