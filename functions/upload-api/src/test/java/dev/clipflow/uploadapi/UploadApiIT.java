package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.UserLimits;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.http.HttpEvents;
import dev.clipflow.media.MediaKeys;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.testing.Emulators;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/** The upload API on the real adapters against S3Proxy (SigV4-checking) and Dynoxide. */
class UploadApiIT {
    private static final long MIB = 1024 * 1024;
    private static final ChannelLimits LIMITS = new ChannelLimits(64 * MIB, Set.of("video/mp4", "video/webm"), 2);

    private final ApiFixture fx = new ApiFixture();
    private final UploadApi api = fx.api(Duration.ofMinutes(15));
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createVideo_presignedMultipartUpload_reachesS3WithTheRightSize() throws Exception {
        String channelId = fx.channel("alice", LIMITS);
        long size = 8 * MIB + 1024;

        APIGatewayV2HTTPResponse created = api.apply(createVideo("alice", channelId, size, "video/mp4",
                "my clip é+1.mp4"));

        assertThat(created.getStatusCode()).isEqualTo(201);
        JsonNode body = ApiFixture.body(created);
        String videoId = body.get("videoId").stringValue();
        assertThat(body.get("partSize").longValue()).isEqualTo(8 * MIB);
        assertThat(body.get("parts")).hasSize(2);
        assertThat(body.get("nextPartNumber").isNull()).isTrue();
        List<Map<String, Object>> parts = new ArrayList<>();
        byte[] data = new byte[(int) size];
        Arrays.fill(data, (byte) 7);
        for (JsonNode part : body.get("parts")) {
            int n = part.get("partNumber").intValue();
            int from = (int) ((n - 1) * 8 * MIB);
            byte[] chunk = Arrays.copyOfRange(data, from, (int) Math.min(size, from + 8 * MIB));
            HttpResponse<String> put = put(part.get("url").stringValue(), chunk);
            assertThat(put.statusCode()).isEqualTo(200);
            parts.add(Map.of("partNumber", n, "eTag", put.headers().firstValue("ETag").orElseThrow()));
        }

        APIGatewayV2HTTPResponse completed = api.apply(HttpEvents.request("POST",
                "/videos/" + videoId + "/upload/complete", "alice", ApiFixture.json(Map.of("parts", parts))));

        assertThat(completed.getStatusCode()).isEqualTo(200);
        Video video = fx.videos.get(videoId);
        assertThat(video.uploadId()).isNull();
        assertThat(video.uploadKey()).isEqualTo("uploads/" + channelId + "/" + videoId + "/my clip é+1.mp4");
        assertThat(fx.s3.headObject(r -> r.bucket(fx.bucket).key(video.uploadKey())).contentLength()).isEqualTo(size);
        APIGatewayV2HTTPResponse again = api.apply(HttpEvents.request("POST",
                "/videos/" + videoId + "/upload/complete", "alice", ApiFixture.json(Map.of("parts", parts))));
        assertThat(again.getStatusCode()).isEqualTo(409);
    }

    @Test
    void presignedPartUrl_signsThePartsExactLength_s3RefusesMoreOrFewerBytes() throws Exception {
        String channelId = fx.channel("alice", LIMITS);
        long size = 8 * MIB + 1000;
        JsonNode created = ApiFixture.body(api.apply(createVideo("alice", channelId, size, "video/mp4", "a.mp4")));
        JsonNode first = created.get("parts").get(0);
        JsonNode last = created.get("parts").get(1);
        assertThat(first.get("sizeBytes").longValue()).isEqualTo(8 * MIB);
        assertThat(last.get("sizeBytes").longValue()).isEqualTo(1000);
        String lastUrl = last.get("url").stringValue();
        assertThat(lastUrl).containsPattern("X-Amz-SignedHeaders=[^&]*content-length");

        assertThat(put(lastUrl, new byte[1001]).statusCode()).isEqualTo(403);
        assertThat(put(lastUrl, new byte[999]).statusCode()).isEqualTo(403);
        // (Much larger bodies are refused too, but S3 may answer before reading them and close the connection.)
        assertThat(put(lastUrl, new byte[1000]).statusCode()).isEqualTo(200);
        JsonNode batch = ApiFixture.body(api.apply(HttpEvents.request("GET", "/videos/" + created.get("videoId")
                .stringValue() + "/upload/parts", "alice", null, Map.of("from", "2"))));
        String refreshed = batch.get("parts").get(0).get("url").stringValue();
        assertThat(put(refreshed, new byte[1024]).statusCode()).isEqualTo(403);
        assertThat(put(refreshed, new byte[1000]).statusCode()).isEqualTo(200);
    }

    @Test
    void complete_wrongOrMissingParts_is400AndTheUploadStaysOpen() throws Exception {
        String channelId = fx.channel("alice", LIMITS);
        JsonNode created = ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/mp4", "a.mp4")));
        String videoId = created.get("videoId").stringValue();
        assertThat(put(created.get("parts").get(0).get("url").stringValue(), new byte[1000]).statusCode())
                .isEqualTo(200);
        String path = "/videos/" + videoId + "/upload/complete";

        var wrongETag = api.apply(HttpEvents.request("POST", path, "alice",
                "{\"parts\": [{\"partNumber\": 1, \"eTag\": \"\\\"0123456789abcdef0123456789abcdef\\\"\"}]}"));
        var missing = api.apply(HttpEvents.request("POST", path, "alice", "{\"parts\": []}"));
        var someoneElse = api.apply(HttpEvents.request("POST", path, "mallory",
                "{\"parts\": [{\"partNumber\": 1, \"eTag\": \"x\"}]}"));

        assertError(wrongETag, 400, "INVALID_PARTS");
        assertError(missing, 400, "INVALID_PARTS");
        assertError(someoneElse, 404, "VIDEO_NOT_FOUND");
        assertThat(fx.videos.get(videoId).uploadId()).isEqualTo(created.get("uploadId").stringValue());
        assertThat(multipartUploads()).isEqualTo(1);
    }

    @Test
    void presignedUrl_expiredOrTampered_isRefusedByS3() throws Exception {
        String channelId = fx.channel("alice", LIMITS);
        JsonNode shortLived = ApiFixture.body(fx.api(Duration.ofSeconds(1))
                .apply(createVideo("alice", channelId, 1000, "video/mp4", "a.mp4")));
        JsonNode fresh = ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/mp4", "b.mp4")));
        String shortLivedUrl = shortLived.get("parts").get(0).get("url").stringValue();
        // The API's URL lives exactly its TTL; the same URL as signed an hour ago (an injected signing clock, no
        // waiting) is past it.
        assertThat(URI.create(shortLivedUrl).getRawQuery()).contains("X-Amz-Expires=1&");
        String expired = signedAt(shortLivedUrl, Instant.now().minus(Duration.ofHours(1)), 1000);
        String good = fresh.get("parts").get(0).get("url").stringValue();
        String tampered = good.replaceFirst("partNumber=1", "partNumber=2");
        String badSignature = good.replaceFirst("X-Amz-Signature=(.)", "X-Amz-Signature=" + flip(good));

        assertThat(put(signedAt(good, Instant.now(), 1000), new byte[1000]).statusCode())
                .as("the same signing, now: so the 403 below is the expiry, not the signing").isEqualTo(200);
        assertThat(put(expired, new byte[1000]).statusCode()).isEqualTo(403);
        assertThat(put(tampered, new byte[1000]).statusCode()).isEqualTo(403);
        assertThat(put(badSignature, new byte[1000]).statusCode()).isEqualTo(403);
        assertThat(put(good, new byte[1000]).statusCode()).isEqualTo(200);
    }

    @Test
    void createVideo_breakingLimits_isRefusedAndCountsNothing() {
        String channelId = fx.channel("alice", LIMITS);

        var tooLarge = api.apply(createVideo("alice", channelId, 64 * MIB + 1, "video/mp4", "big.mp4"));
        var wrongType = api.apply(createVideo("alice", channelId, 1000, "application/x-msdownload", "virus.exe"));
        var empty = api.apply(createVideo("alice", channelId, 0, "video/mp4", "empty.mp4"));

        assertError(tooLarge, 413, "TOO_LARGE");
        assertThat(ApiFixture.body(tooLarge).get("message").stringValue()).contains("64 MiB");
        assertError(wrongType, 415, "CONTENT_TYPE_NOT_ALLOWED");
        assertError(empty, 400, "EMPTY_FILE");
        assertThat(counter(channelId)).isEmpty();
        assertThat(multipartUploads()).isZero();
    }

    @Test
    void createVideo_dailyLimitReached_is429() {
        String channelId = fx.channel("alice", LIMITS);

        assertThat(api.apply(createVideo("alice", channelId, 1000, "video/mp4", "1.mp4")).getStatusCode())
                .isEqualTo(201);
        assertThat(api.apply(createVideo("alice", channelId, 1000, "video/webm", "2.webm")).getStatusCode())
                .isEqualTo(201);
        var third = api.apply(createVideo("alice", channelId, 1000, "video/mp4", "3.mp4"));

        assertError(third, 429, "DAILY_LIMIT_REACHED");
        assertThat(counter(channelId).get("uploads").n()).isEqualTo("2");
        assertThat(multipartUploads()).isEqualTo(2);
    }

    @Test
    void createVideo_someoneElsesChannel_is404AndStoresNothing() {
        String channelId = fx.channel("alice", LIMITS);

        var response = api.apply(createVideo("mallory", channelId, 1000, "video/mp4", "mine.mp4"));
        var unknown = api.apply(createVideo("mallory", "no-such-channel", 1000, "video/mp4", "mine.mp4"));

        assertError(response, 404, "CHANNEL_NOT_FOUND");
        assertError(unknown, 404, "CHANNEL_NOT_FOUND");
        assertThat(counter(channelId)).isEmpty();
        assertThat(multipartUploads()).isZero();
        assertThat(fx.videos.listByChannel(channelId, null, 10).items()).isEmpty();
    }

    @Test
    void userLimits_channelsUploadsAndMinutesPerUser_are429WithTheirCodes_andStoreNothing() {
        UploadApi limited = fx.api(Duration.ofMinutes(15), new UserLimits(2, 3, 10));
        var first = limited.apply(HttpEvents.request("POST", "/channels", "carol", "{\"name\": \"One\"}"));
        var second = limited.apply(HttpEvents.request("POST", "/channels", "carol", "{\"name\": \"Two\"}"));
        var third = limited.apply(HttpEvents.request("POST", "/channels", "carol", "{\"name\": \"Three\"}"));
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertError(third, 429, "CHANNEL_LIMIT_REACHED");
        String one = ApiFixture.body(first).get("channelId").stringValue();
        String two = ApiFixture.body(second).get("channelId").stringValue();

        assertThat(limited.apply(declared("carol", one, 240.0)).getStatusCode()).isEqualTo(201);
        assertThat(limited.apply(declared("carol", two, 239.0)).getStatusCode()).isEqualTo(201);
        var tooManyMinutes = limited.apply(declared("carol", two, 200.0));
        var undeclared = limited.apply(createVideo("carol", one, 1000, "video/mp4", "long.mp4"));
        assertThat(limited.apply(declared("carol", one, 100.0)).getStatusCode()).isEqualTo(201);
        var tooManyUploads = limited.apply(declared("carol", two, 1.0));
        var badLength = limited.apply(declared("carol", two, -5.0));
        var lengthNotANumber = limited.apply(HttpEvents.request("POST", "/videos", "carol", ApiFixture.json(Map.of(
                "channelId", two, "title", "t", "sizeBytes", 1000, "contentType", "video/mp4",
                "durationSeconds", "ten"))));

        assertError(tooManyMinutes, 429, "USER_DAILY_MINUTES_REACHED");
        assertThat(ApiFixture.body(tooManyMinutes).get("message").stringValue()).contains("10 minutes");
        assertError(undeclared, 429, "USER_DAILY_MINUTES_REACHED");
        assertError(tooManyUploads, 429, "USER_DAILY_UPLOADS_REACHED");
        assertError(badLength, 400, "INVALID_DURATION");
        assertError(lengthNotANumber, 400, "INVALID_REQUEST");
        assertThat(fx.videos.listByChannel(one, null, 10).items()).hasSize(2);
        assertThat(fx.videos.listByChannel(two, null, 10).items()).hasSize(1);
        assertThat(multipartUploads()).isEqualTo(3);
        String userKey = "USAGE#USER#carol#" + LocalDate.now(ZoneOffset.UTC);
        Map<String, AttributeValue> counter = fx.dynamo.getItem(r -> r.tableName(fx.channelsTable)
                .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(userKey)))).item();
        assertThat(counter.get("uploads").n()).isEqualTo("3");
        assertThat(counter.get("sourceSeconds").n()).isEqualTo(Long.toString(241 + 240 + 101));
    }

    private static APIGatewayV2HTTPEvent declared(String sub, String channelId, double seconds) {
        return HttpEvents.request("POST", "/videos", sub, ApiFixture.json(Map.of("channelId", channelId,
                "title", "Clip", "sizeBytes", 1000, "contentType", "video/mp4", "durationSeconds", seconds)));
    }

    @Test
    void getVideo_ownerSeesCost_othersSeeOnlyPublishedWithPlaybackUrls() {
        String channelId = fx.channel("alice", LIMITS);
        String videoId = ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/mp4", "a.mp4")))
                .get("videoId").stringValue();
        fx.videos.recordUsage(videoId, new StageUsage("transcode", 1, 60_000, 3008, 4, 50_000_000L));

        JsonNode ownerView = ApiFixture.body(api.apply(HttpEvents.request("GET", "/videos/" + videoId, "alice", null)));
        assertError(api.apply(HttpEvents.request("GET", "/videos/" + videoId, "bob", null)), 404, "VIDEO_NOT_FOUND");

        fx.videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        fx.videos.publish(videoId, List.of(), assets(videoId));
        var publicView = api.apply(HttpEvents.request("GET", "/videos/" + videoId, "bob", null));

        assertThat(ownerView.get("status").stringValue()).isEqualTo("AWAITING_UPLOAD");
        assertThat(ownerView.get("cost").get("total").decimalValue()).isPositive();
        assertThat(ownerView.get("cost").get("perStage").get("transcode").get("compute").decimalValue()).isPositive();
        assertThat(publicView.getStatusCode()).isEqualTo(200);
        JsonNode published = ApiFixture.body(publicView);
        assertThat(published.get("playback").get("hlsUrl").stringValue())
                .isEqualTo(ApiFixture.MEDIA_BASE + "/videos/" + videoId + "/hls/master.m3u8");
        assertThat(published.get("playback").get("posterUrl").stringValue()).endsWith("/videos/" + videoId
                + "/poster.jpg");
        assertThat(published.has("cost")).isFalse();
        assertThat(publicView.getBody()).doesNotContain("X-Amz-Signature");
    }

    @Test
    void getVideo_processing_ownerSeesStageAndProgressUntilPublished() {
        String channelId = fx.channel("alice", LIMITS);
        String videoId = ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/mp4", "a.mp4")))
                .get("videoId").stringValue();
        fx.videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        JsonNode beforeAnyStage = ApiFixture.body(api.apply(HttpEvents.request("GET", "/videos/" + videoId, "alice",
                null)));
        fx.videos.recordProgress(videoId, new Video.Progress("transcode", 15));

        JsonNode processing = ApiFixture.body(api.apply(HttpEvents.request("GET", "/videos/" + videoId, "alice",
                null)));
        assertError(api.apply(HttpEvents.request("GET", "/videos/" + videoId, "bob", null)), 404, "VIDEO_NOT_FOUND");
        fx.videos.publish(videoId, List.of(), assets(videoId));
        JsonNode published = ApiFixture.body(api.apply(HttpEvents.request("GET", "/videos/" + videoId, "alice",
                null)));

        assertThat(beforeAnyStage.has("stage")).isFalse();
        assertThat(processing.get("status").stringValue()).isEqualTo("PROCESSING");
        assertThat(processing.get("stage").stringValue()).isEqualTo("transcode");
        assertThat(processing.get("progress").intValue()).isEqualTo(15);
        assertThat(published.has("stage")).isFalse();
        assertThat(published.has("progress")).isFalse();
    }

    @Test
    void getVideo_audioRanOnAfterThePicture_showsThePublishedLengthThePictures() {
        String channelId = fx.channel("alice", LIMITS);
        String videoId = ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/webm", "a.webm")))
                .get("videoId").stringValue();
        // A recording whose microphone ran 5 s and camera 2 s: the published video is cut to the picture.
        fx.videos.recordMedia(videoId, new MediaInfo(5.0, 640, 360, 0, 640, 360, 30, "vp8", "opus", 500_000,
                "matroska,webm", 48_000, 2.0));

        JsonNode view = ApiFixture.body(api.apply(HttpEvents.request("GET", "/videos/" + videoId, "alice", null)));

        assertThat(view.get("media").get("durationSeconds").doubleValue()).isEqualTo(2.0);
    }

    @Test
    void getVideo_branchFailedAfterPublish_ownerSeesTheFailureOthersDoNot() {
        String channelId = fx.channel("alice", LIMITS);
        String videoId = ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/mp4", "a.mp4")))
                .get("videoId").stringValue();
        fx.videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        fx.videos.publish(videoId, List.of(), assets(videoId));
        // What the state machine's "Record the fan-out failure" step writes on a PUBLISHED video.
        fx.dynamo.updateItem(r -> r.tableName(fx.videosTable)
                .key(Map.of("videoId", AttributeValue.fromS(videoId)))
                .updateExpression("SET fanoutFailure = :f")
                .expressionAttributeValues(Map.of(":f",
                        AttributeValue.fromM(Map.of(
                                "error", AttributeValue.fromS(
                                        "java.lang.IllegalStateException"),
                                "cause", AttributeValue.fromS("x"),
                                "executionId", AttributeValue.fromS("e"),
                                "at", AttributeValue.fromS(
                                        "2026-11-26T10:00:00Z"))))));

        JsonNode ownerView = ApiFixture.body(api.apply(HttpEvents.request("GET", "/videos/" + videoId, "alice", null)));
        JsonNode publicView = ApiFixture.body(api.apply(HttpEvents.request("GET", "/videos/" + videoId, "bob", null)));

        assertThat(ownerView.get("status").stringValue()).isEqualTo("PUBLISHED");
        assertThat(ownerView.get("afterPublishFailures").get("fanout").get("error").stringValue())
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(publicView.has("afterPublishFailures")).isFalse();
    }

    @Test
    void listVideos_newestFirstPaged_othersSeeOnlyPublished() {
        String channelId = fx.channel("alice", new ChannelLimits(64 * MIB, Set.of("video/mp4"), 10));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/mp4", i + ".mp4")))
                    .get("videoId").stringValue());
        }
        fx.videos.transition(ids.get(0), VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        fx.videos.publish(ids.get(0), List.of(), assets(ids.get(0)));

        JsonNode first = ApiFixture.body(api.apply(HttpEvents.request("GET", "/channels/" + channelId + "/videos",
                "alice", null, Map.of("limit", "2"))));
        JsonNode second = ApiFixture.body(api.apply(HttpEvents.request("GET", "/channels/" + channelId + "/videos",
                "alice", null, Map.of("limit", "2", "cursor", first.get("nextCursor").stringValue()))));
        JsonNode publicList = ApiFixture.body(api.apply(HttpEvents.request("GET", "/channels/" + channelId + "/videos",
                "bob", null)));

        List<String> seen = new ArrayList<>();
        first.get("items").forEach(v -> seen.add(v.get("videoId").stringValue()));
        second.get("items").forEach(v -> seen.add(v.get("videoId").stringValue()));
        assertThat(seen).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(publicList.get("items")).singleElement()
                .satisfies(v -> assertThat(v.get("videoId").stringValue()).isEqualTo(ids.get(0)));
    }

    @Test
    void nonOwner_everyRouteOfAVideoOrChannelItMayNotUse_answersAsForOneThatDoesNotExist() {
        String channelId = fx.channel("alice", LIMITS);
        String videoId = ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/mp4", "a.mp4")))
                .get("videoId").stringValue();
        String part = "{\"parts\": [{\"partNumber\": 1, \"eTag\": \"x\"}]}";
        List<String[]> videoRoutes = List.of(new String[] {"GET", ""}, new String[] {"GET", "/upload/parts"},
                new String[] {"POST", "/upload/complete"}, new String[] {"DELETE", "/upload"});

        for (String[] route : videoRoutes) {
            String body = route[0].equals("POST") ? part : null;
            var mallory = api.apply(HttpEvents.request(route[0], "/videos/" + videoId + route[1], "mallory", body));
            var missing = api.apply(HttpEvents.request(route[0], "/videos/no-such-video" + route[1], "mallory", body));

            assertError(mallory, 404, "VIDEO_NOT_FOUND");
            assertThat(mallory.getBody()).as(route[0] + route[1])
                    .isEqualTo(missing.getBody().replace("no-such-video", videoId));
        }
        var mallorysVideo = api.apply(createVideo("mallory", channelId, 1000, "video/mp4", "m.mp4"));
        var unknownChannel = api.apply(createVideo("mallory", "no-such-channel", 1000, "video/mp4", "m.mp4"));
        assertError(mallorysVideo, 404, "CHANNEL_NOT_FOUND");
        assertThat(mallorysVideo.getBody()).isEqualTo(unknownChannel.getBody().replace("no-such-channel", channelId));
        assertThat(fx.videos.get(videoId).status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
        assertThat(fx.videos.get(videoId).uploadId()).isNotNull();
        assertThat(multipartUploads()).isEqualTo(1);
    }

    @Test
    void listVideos_cursorAlteredHandMadeOrIssuedToSomeoneElse_is400InvalidCursor() {
        String channelId = fx.channel("alice", new ChannelLimits(64 * MIB, Set.of("video/mp4"), 10));
        for (int i = 0; i < 3; i++) {
            api.apply(createVideo("alice", channelId, 1000, "video/mp4", i + ".mp4"));
        }
        String path = "/channels/" + channelId + "/videos";
        String cursor = ApiFixture.body(api.apply(HttpEvents.request("GET", path, "alice", null,
                Map.of("limit", "1")))).get("nextCursor").stringValue();
        String newest = fx.videos.listByChannel(channelId, null, 1).items().getFirst().videoId();
        // What an unsigned cursor was: base64url of "createdAt|videoId" of the last video seen.
        String handMade = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("2999-01-01T00:00:00Z|" + newest).getBytes(StandardCharsets.UTF_8));
        String altered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

        for (String bad : List.of(handMade, altered, "x".repeat(1025), "not a cursor")) {
            assertError(api.apply(HttpEvents.request("GET", path, "alice", null, Map.of("cursor", bad))), 400,
                    "INVALID_CURSOR");
        }
        assertError(api.apply(HttpEvents.request("GET", path, "bob", null, Map.of("cursor", cursor))), 400,
                "INVALID_CURSOR");
        assertThat(api.apply(HttpEvents.request("GET", path, "alice", null, Map.of("cursor", cursor)))
                .getStatusCode()).isEqualTo(200);
    }

    @Test
    void abort_openUpload_failsTheVideoAndFreesTheUpload() {
        String channelId = fx.channel("alice", LIMITS);
        String videoId = ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/mp4", "a.mp4")))
                .get("videoId").stringValue();

        assertError(api.apply(HttpEvents.request("DELETE", "/videos/" + videoId + "/upload", "bob", null)), 404,
                "VIDEO_NOT_FOUND");
        var aborted = api.apply(HttpEvents.request("DELETE", "/videos/" + videoId + "/upload", "alice", null));
        var again = api.apply(HttpEvents.request("DELETE", "/videos/" + videoId + "/upload", "alice", null));

        assertThat(aborted.getStatusCode()).isEqualTo(200);
        assertThat(ApiFixture.body(aborted).get("failureReason").stringValue())
                .isEqualTo("upload aborted by the creator");
        assertThat(fx.videos.get(videoId).status()).isEqualTo(VideoStatus.FAILED);
        assertThat(fx.videos.get(videoId).uploadId()).isNull();
        assertError(again, 409, "UPLOAD_NOT_OPEN");
        assertThat(multipartUploads()).isZero();
    }

    @Test
    void abort_racingACompletedUploadThatIngestTookOn_leavesTheVideoProcessing() {
        String channelId = fx.channel("alice", LIMITS);
        String videoId = ApiFixture.body(api.apply(createVideo("alice", channelId, 1000, "video/mp4", "a.mp4")))
                .get("videoId").stringValue();
        // The abort reads the video AWAITING_UPLOAD; right after that read, the upload completes and ingest
        // moves the video to PROCESSING (what ingest writes), before the abort writes anything.
        AtomicBoolean raced = new AtomicBoolean();
        VideoRepository racing = afterRead(fx.videos, () -> {
            if (raced.compareAndSet(false, true)) {
                fx.videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
            }
        });

        var aborted = fx.api(Duration.ofMinutes(15), racing)
                .apply(HttpEvents.request("DELETE", "/videos/" + videoId + "/upload", "alice", null));

        assertThat(raced).isTrue();
        assertError(aborted, 409, "UPLOAD_NOT_OPEN");
        Video video = fx.videos.get(videoId);
        assertThat(video.status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(video.failureReason()).isNull();
    }

    /** {@code videos} whose reads ({@code find}, {@code get}) run {@code then} after reading. */
    private static VideoRepository afterRead(VideoRepository videos, Runnable then) {
        return (VideoRepository) Proxy.newProxyInstance(VideoRepository.class.getClassLoader(),
                new Class<?>[] {VideoRepository.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(videos, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("find") || method.getName().equals("get")) {
                        then.run();
                    }
                    return result;
                });
    }

    @Test
    void partUrls_manyParts_areHandedOutInBatches() {
        String channelId = fx.channel("alice", new ChannelLimits(5L * 1024 * MIB, Set.of("video/mp4"), 5));
        JsonNode created = ApiFixture.body(api.apply(createVideo("alice", channelId, 2L * 1024 * MIB, "video/mp4",
                "x.mp4")));
        String videoId = created.get("videoId").stringValue();

        JsonNode batch = ApiFixture.body(api.apply(HttpEvents.request("GET", "/videos/" + videoId + "/upload/parts",
                "alice", null, Map.of("from", "201"))));

        assertThat(created.get("partCount").intValue()).isEqualTo(256);
        assertThat(created.get("parts")).hasSize(100);
        assertThat(created.get("nextPartNumber").intValue()).isEqualTo(101);
        assertThat(batch.get("parts")).hasSize(56);
        assertThat(batch.get("parts").get(0).get("partNumber").intValue()).isEqualTo(201);
        assertThat(batch.get("nextPartNumber").isNull()).isTrue();
        assertError(api.apply(HttpEvents.request("GET", "/videos/" + videoId + "/upload/parts", "alice", null,
                Map.of("from", "257"))), 400, "INVALID_PARTS");
    }

    static void assertError(APIGatewayV2HTTPResponse response, int status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        JsonNode body = ApiFixture.body(response);
        assertThat(body.get("error").stringValue()).isEqualTo(code);
        assertThat(body.get("message").stringValue()).isNotBlank();
    }

    private static APIGatewayV2HTTPEvent createVideo(
            String sub, String channelId, long size, String contentType, String fileName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channelId", channelId);
        body.put("title", "Holiday");
        body.put("description", "At the sea");
        body.put("tags", List.of("sea"));
        body.put("sizeBytes", size);
        body.put("contentType", contentType);
        body.put("fileName", fileName);
        return HttpEvents.request("POST", "/videos", sub, ApiFixture.json(body));
    }

    private static Video.PublishedAssets assets(String videoId) {
        return new Video.PublishedAssets(MediaKeys.masterPlaylist(videoId), MediaKeys.poster(videoId),
                MediaKeys.sprite(videoId), MediaKeys.spriteIndex(videoId));
    }

    private HttpResponse<String> put(String url, byte[] bytes) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code url} (a presigned UploadPart URL) signed again as at {@code signingTime}, for the same lifetime
     * ({@code X-Amz-Expires}) and the same signed {@code Content-Length}, with the emulator's credentials.
     */
    private static String signedAt(String url, Instant signingTime, long contentLength) {
        URI uri = URI.create(url);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT)
                .uri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()))
                .putHeader("Content-Length", Long.toString(contentLength));
        long expires = 0;
        for (String pair : uri.getRawQuery().split("&")) {
            String name = URLDecoder.decode(pair.substring(0, pair.indexOf('=')), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
            if (name.equals("X-Amz-Expires")) {
                expires = Long.parseLong(value);
            } else if (!name.startsWith("X-Amz-")) {
                request.appendRawQueryParameter(name, value);
            }
        }
        Duration lifetime = Duration.ofSeconds(expires);
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY))
                .request(request.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, lifetime)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signingTime, ZoneOffset.UTC)));
        return signed.request().getUri().toString();
    }

    private static String flip(String url) {
        int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        return url.charAt(at) == 'a' ? "b" : "a";
    }

    private Map<String, AttributeValue> counter(String channelId) {
        String key = "USAGE#" + channelId + "#" + LocalDate.now(ZoneOffset.UTC);
        return fx.dynamo.getItem(r -> r.tableName(fx.channelsTable).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(key)))).item();
    }

    private int multipartUploads() {
        return fx.s3.listMultipartUploads(r -> r.bucket(fx.bucket)).uploads().size();
    }
}
