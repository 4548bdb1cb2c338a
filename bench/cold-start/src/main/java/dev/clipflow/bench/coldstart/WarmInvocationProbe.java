package dev.clipflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.testing.template.TemplateTables;
import dev.clipflow.uploadapi.PlainUploadApiHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warm invocation latency of the upload API, in one JVM: the function as built ({@code scf}:
 * {@link RequestIdFunctionInvoker} with the bean {@code uploadApi} of its start class) and the same API behind a
 * plain handler ({@code plain}: {@link PlainUploadApiHandler}), each handed API Gateway events in-process (byte
 * streams in and out, a new Lambda context per request), against the emulators. Two requests: {@code get-video}
 * (events/api-get-video.json by the owner: one DynamoDB GetItem) and {@code no-identity} (events/api-no-identity.json:
 * the 401 answered without leaving the JVM, so the adapter's own cost is all there is). After a warm-up of every
 * request on both candidates, each round times {@code perRound} requests of each kind on each candidate, the two
 * candidates back to back (which goes first alternates by round). Writes to {@code results}: one line per round,
 * candidate and request ({@code round <request> <n> <candidate> <p50-us> <p99-us>}).
 * Arguments: events directory, results file, rounds, requests per round, warm-up requests.
 */
public final class WarmInvocationProbe {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OWNER = "5f1c2a9e-7b3d-4c1e-9a8f-0123456789ab";

    private WarmInvocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path events = Path.of(args[0]);
        Path results = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int perRound = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        setUp();
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("get-video", new Request(Files.readAllBytes(events.resolve("api-get-video.json")), 200));
        requests.put("no-identity", new Request(Files.readAllBytes(events.resolve("api-no-identity.json")), 401));
        System.setProperty("MAIN_CLASS", "dev.clipflow.uploadapi.UploadApiApplication");
        Map<String, RequestStreamHandler> candidates = new LinkedHashMap<>();
        candidates.put("scf", new RequestIdFunctionInvoker("uploadApi"));
        candidates.put("plain", new PlainUploadApiHandler());

        for (int i = 0; i < warmup; i++) {
            for (Request r : requests.values()) {
                for (RequestStreamHandler h : candidates.values()) {
                    invoke(h, r);
                }
            }
        }
        List<String> names = new ArrayList<>(candidates.keySet());
        try (PrintStream out = new PrintStream(Files.newOutputStream(results), true)) {
            for (int round = 1; round <= rounds; round++) {
                List<String> order = round % 2 == 1 ? names : names.reversed();
                for (var request : requests.entrySet()) {
                    for (String candidate : order) {
                        long[] micros = new long[perRound];
                        for (int i = 0; i < perRound; i++) {
                            long start = System.nanoTime();
                            invoke(candidates.get(candidate), request.getValue());
                            micros[i] = (System.nanoTime() - start) / 1_000;
                        }
                        Arrays.sort(micros);
                        out.println("round " + request.getKey() + " " + round + " " + candidate + " "
                                + percentile(micros, 50) + " " + percentile(micros, 99));
                    }
                }
            }
        }
        System.exit(0);
    }

    private record Request(byte[] event, int status) {
    }

    private static void invoke(RequestStreamHandler handler, Request request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(request.event()), out, new BenchContext("UploadApiFunction"));
        int status = JSON.readTree(out.toByteArray()).path("statusCode").asInt();
        if (status != request.status()) {
            throw new IllegalStateException(handler.getClass().getSimpleName() + " answered " + status + ", not "
                    + request.status() + ": " + out);
        }
    }

    /** Nearest rank of a sorted array. */
    static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The bucket, tables and cursor secret the upload API reads, and the video the owner asks for. */
    private static void setUp() {
        AwsClients aws = new AwsClients(name -> System.getProperty(name, System.getenv(name)));
        aws.s3().createBucket(b -> b.bucket(System.getProperty("UPLOADS_BUCKET")));
        String videos = System.getProperty("VIDEOS_TABLE");
        TemplateTables.create(aws.dynamoDb(), TemplateTables.VIDEOS, videos);
        TemplateTables.create(aws.dynamoDb(), TemplateTables.CHANNELS, System.getProperty("CHANNELS_TABLE"));
        System.setProperty("CURSOR_SECRET_ARN", aws.secretsManager().createSecret(r -> r.name("bench-cursor-secret")
                .secretString("warm-bench-cursor-secret-0123456789abcdef")).arn());
        // Read only by the playback route of restricted videos, which the bench does not call.
        System.setProperty("MEDIA_SIGNING_KEY_PAIR_ID", "bench-key");
        System.setProperty("MEDIA_SIGNING_KEY_SECRET_ARN", aws.secretsManager().createSecret(r -> r
                .name("bench-media-signing").secretString("not-a-key")).arn());
        Instant now = Instant.now();
        new DynamoVideoRepository(aws.dynamoDb(), videos).create(new Video("example-video", "bench-channel", OWNER,
                "Example", "", List.of(), 1000, "video/mp4", "uploads/bench-channel/example-video/a.mp4", "u-1",
                VideoStatus.AWAITING_UPLOAD, null, null, List.of(), null, Map.of(), now, now));
    }
}
