package dev.clipflow.local.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.LocalClipflow;
import dev.clipflow.local.runtime.api.ApiGatewayEvents.Identity;
import dev.clipflow.local.runtime.api.LocalApi;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The demo flow, as a creator, their subscribers and the platform would go through it: create a channel and
 * two subscribers (development identities), publish a short first clip on the channel, then the demo video —
 * each through the upload API, the presigned multipart URLs and the upload completion (the stack's S3 endpoint
 * emits the object-created event the template routes to ingest) — follow the demo video's execution state by
 * state, and read back what users see: the video as its owner, each subscriber's feed, the related videos.
 *
 * <p>The first clip gives the demo video a video to be related to and the feeds more than one entry. The
 * functions initialise in the background from the start, two at a time, and the demo video waits until they
 * all have (the first clip usually waits for some of them, as the first upload after a deployment pays the cold
 * starts on Lambda), so the demo video's time is the pipeline's steady-state time.
 */
public final class Demo {

    /** The subscribers the demo creates: development identities, like the creator's. */
    public static final List<Identity> SUBSCRIBERS = List.of(new Identity("local-dev-viewer-1", "dev-viewer-1"),
            new Identity("local-dev-viewer-2", "dev-viewer-2"));

    private final LocalClipflow stack;
    private final LocalApi api;
    private final PrintStream out;
    private final Identity identity;

    public Demo(LocalClipflow stack, PrintStream out, Identity identity) {
        this.stack = stack;
        this.api = new LocalApi(stack.routes(), stack::invoke);
        this.out = out;
        this.identity = identity;
    }

    /** An upload that went through: the video and where its source went. */
    private record Uploaded(String videoId, String title, MultipartUpload.Target target, Instant completedAt) {
    }

    /**
     * Runs the flow on one video file.
     *
     * @param firstClip the short clip published first (see the class comment), or {@code null} to skip it
     * @param wait the longest time to wait for each execution
     * @throws DemoFailedException when a step before the pipeline fails
     */
    public DemoOutcome run(Path video, Path firstClip, Duration wait) throws IOException, InterruptedException {
        // Every function initialises now, two at a time, while the channel, the subscribers and the first clip
        // go through; the demo video waits for the last of them, so no cold start competes with its transcode.
        long warmStart = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong warmNanos = new java.util.concurrent.atomic.AtomicLong();
        CompletableFuture<Void> warm = stack.warmUp(2, false)
                .thenRun(() -> warmNanos.set(System.nanoTime() - warmStart));
        JsonNode channel = expect(201, api.call("POST", "/channels",
                Json.object().put("name", "Demo channel"), identity), "create the channel");
        String channelId = channel.path("channelId").asText();
        out.println("channel   " + channelId + " (owner " + identity.username() + ")");
        for (Identity s : SUBSCRIBERS) {
            LocalApi.Response r = api.call("POST", "/channels/" + channelId + "/subscription", null, s);
            if (!r.ok() || r.body() == null || !r.body().path("subscribed").asBoolean(false)) {
                throw new DemoFailedException("Could not subscribe " + s.username() + " to the channel: HTTP "
                        + r.status() + " " + r.rawBody());
            }
        }
        out.println("followers " + String.join(", ", SUBSCRIBERS.stream().map(Identity::username).toList())
                + " subscribed");

        SfnClient sfn = stack.clients().sfn();
        List<String> publishedBefore = new ArrayList<>();
        if (firstClip != null) {
            Uploaded first = upload(channelId, firstClip, "Demo: a first clip on the channel",
                    "The demo channel's first upload, so the demo video has company", List.of("demo", "first"));
            ExecutionWatcher quiet = new ExecutionWatcher(sfn, new PrintStream(PrintStream.nullOutputStream()));
            String arn = awaitExecution(quiet, first);
            quiet.follow(arn, wait);
            JsonNode v = api.call("GET", "/videos/" + first.videoId(), null, identity).body();
            String status = v == null ? "UNKNOWN" : v.path("status").asText();
            out.printf(Locale.ROOT, "first     %s %s in %.1f s (cold starts included)%n",
                    first.videoId(), status, seconds(first.completedAt(), stopDate(sfn, arn)));
            if ("PUBLISHED".equals(status)) {
                publishedBefore.add(first.videoId());
            }
        }

        warm.join();
        out.printf(Locale.ROOT, "functions %d initialised in %.1f s, two at a time (their cold starts)%n",
                stack.template().functions().size(), warmNanos.get() / 1e9);

        Uploaded main = upload(channelId, video, "Demo: " + video.getFileName(), "Uploaded by ./clipflow demo",
                List.of("demo"));
        ExecutionWatcher watcher = new ExecutionWatcher(sfn, out);
        String executionArn = awaitExecution(watcher, main);
        out.println("pipeline  " + executionArn);
        List<String> states = watcher.follow(executionArn, wait);
        var execution = sfn.describeExecution(r -> r.executionArn(executionArn));
        String executionStatus = execution.statusAsString();
        Duration pipeline = execution.stopDate() == null ? null
                : Duration.between(main.completedAt(), execution.stopDate());

        printOutputs(main.videoId());
        LocalApi.Response view = api.call("GET", "/videos/" + main.videoId(), null, identity);
        String status = view.body() == null ? "UNKNOWN" : view.body().path("status").asText("UNKNOWN");
        Map<String, List<String>> feeds = new LinkedHashMap<>();
        JsonNode related = null;
        if ("PUBLISHED".equals(status)) {
            checkPlayback(view.body().path("playback"));
            for (Identity s : SUBSCRIBERS) {
                feeds.put(s.username(), awaitFeed(s, main.videoId(), Duration.ofSeconds(30)));
            }
            related = api.call("GET", "/videos/" + main.videoId() + "/related", null, SUBSCRIBERS.get(0)).body();
        }
        Map<String, String> titles = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>(publishedBefore);
        shown.add(main.videoId());
        feeds.values().forEach(shown::addAll);
        if (related != null) {
            related.path("items").forEach(i -> shown.add(i.path("videoId").asText()));
        }
        for (String id : shown) {
            titles.computeIfAbsent(id, k -> {
                JsonNode v = api.call("GET", "/videos/" + k, null, SUBSCRIBERS.get(0)).body();
                return v == null ? "?" : v.path("title").asText("?");
            });
        }
        return new DemoOutcome(channelId, main.videoId(), executionArn, executionStatus, status, view.body(), states,
                pipeline, feeds, related == null ? Json.array() : related.path("items"), titles);
    }

    /** Creates the video, uploads the file through the presigned part URLs and completes the upload. */
    private Uploaded upload(String channelId, Path file, String title, String description, List<String> tags)
            throws IOException, InterruptedException {
        long size = Files.size(file);
        ObjectNode create = Json.object().put("channelId", channelId).put("title", title)
                .put("description", description).put("sizeBytes", size)
                .put("contentType", "video/mp4").put("fileName", file.getFileName().toString());
        tags.forEach(create.putArray("tags")::add);
        JsonNode created = expect(201, api.call("POST", "/videos", create, identity), "create the video");
        String videoId = created.path("videoId").asText();
        out.printf(Locale.ROOT, "video     %s: %s, %,d bytes in %d part(s)%n", videoId, file.getFileName(), size,
                created.path("partCount").asInt());

        JsonNode parts = created.path("parts");
        MultipartUpload.Target target = MultipartUpload.target(parts.get(0).path("url").asText());
        var uploaded = new MultipartUpload().upload(file, created.path("partSize").asLong(),
                created.path("partCount").asInt(), parts, from -> expect(200, api.call("GET",
                        "/videos/" + videoId + "/upload/parts?from=" + from, null, identity), "get part URLs")
                        .path("parts"));
        ObjectNode complete = Json.object();
        complete.set("parts", uploaded);
        expect(200, api.call("POST", "/videos/" + videoId + "/upload/complete", complete, identity),
                "complete the upload");
        Instant completedAt = Instant.now();
        out.println("uploaded  s3://" + target.bucket() + "/" + target.key());
        return new Uploaded(videoId, title, target, completedAt);
    }

    /**
     * The execution the upload's object-created event started. CompleteMultipartUpload went through the stack's
     * S3 endpoint, which emits the event; should none arrive within 30 s, the demo says so and emits it itself
     * (a duplicate is harmless: ingest starts at most one execution per object).
     */
    private String awaitExecution(ExecutionWatcher watcher, Uploaded u) throws InterruptedException {
        String stateMachineArn = stack.template().stateMachine().arn();
        var found = watcher.find(stateMachineArn, u.videoId(), Duration.ofSeconds(30));
        if (found.isEmpty()) {
            out.println("event     no object-created event within 30 s; emitting it explicitly");
            stack.objectCreated(u.target().bucket(), u.target().key());
            found = watcher.find(stateMachineArn, u.videoId(), Duration.ofSeconds(60));
        }
        return found.orElseThrow(() -> new DemoFailedException("No pipeline execution started for video "
                + u.videoId()));
    }

    /**
     * Fetches the master playlist and the poster as a player would, from the playback URLs the API returned
     * (the CloudFront stand-in locally), and says what came back.
     */
    private void checkPlayback(JsonNode playback) throws IOException, InterruptedException {
        if (!playback.hasNonNull("hlsUrl") || !playback.path("hlsUrl").asText().startsWith("http://")) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> master = http.send(HttpRequest.newBuilder(URI.create(playback.path("hlsUrl").asText()))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        long variants = master.body().lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF")).count();
        String poster = "";
        if (playback.hasNonNull("posterUrl")) {
            HttpResponse<byte[]> p = http.send(HttpRequest.newBuilder(URI.create(playback.path("posterUrl").asText()))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            poster = String.format(Locale.ROOT, ", poster HTTP %d (%,d bytes %s)", p.statusCode(), p.body().length,
                    p.headers().firstValue("content-type").orElse("?"));
        }
        out.printf(Locale.ROOT, "playback  master playlist HTTP %d (%d variant(s))%s from the CloudFront stand-in%n",
                master.statusCode(), variants, poster);
    }

    /** The subscriber's feed (video ids, newest first) once it holds the video, or as it is after {@code wait}. */
    private List<String> awaitFeed(Identity subscriber, String videoId, Duration wait) throws InterruptedException {
        Instant end = Instant.now().plus(wait);
        while (true) {
            JsonNode feed = expect(200, api.call("GET", "/me/feed?limit=10", null, subscriber), "read a feed");
            List<String> ids = new ArrayList<>();
            feed.path("items").forEach(i -> ids.add(i.path("videoId").asText()));
            if (ids.contains(videoId) || Instant.now().isAfter(end)) {
                return ids;
            }
            Thread.sleep(250);
        }
    }

    private static Instant stopDate(SfnClient sfn, String executionArn) {
        Instant stop = sfn.describeExecution(r -> r.executionArn(executionArn)).stopDate();
        return stop == null ? Instant.now() : stop;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** What the pipeline left under {@code videos/<id>/} in the template's buckets. */
    private void printOutputs(String videoId) {
        for (var bucket : stack.template().buckets()) {
            var objects = stack.clients().s3().listObjectsV2Paginator(r -> r.bucket(bucket.name())
                    .prefix("videos/" + videoId + "/")).contents().stream().toList();
            if (!objects.isEmpty()) {
                long bytes = objects.stream().mapToLong(o -> o.size()).sum();
                out.printf(Locale.ROOT, "outputs   %d objects, %,d bytes under s3://%s/videos/%s/%n", objects.size(),
                        bytes, bucket.name(), videoId);
            }
        }
    }

    private static JsonNode expect(int status, LocalApi.Response r, String what) {
        if (r.status() != status || r.body() == null) {
            throw new DemoFailedException("Could not " + what + ": HTTP " + r.status() + " " + r.rawBody());
        }
        return r.body();
    }
}
