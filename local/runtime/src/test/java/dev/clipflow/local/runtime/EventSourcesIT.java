package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.sqs.SqsEventSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The template's event sources on the local stack, from a test template with functions, queues and a bucket the
 * real template does not have (src/test/resources/events-template): object-created events from writes that the
 * runtime did not make (a presigned PUT with a plain HTTP client, a multipart upload), SQS batches with partial
 * failures, and a redrive policy moving a poison message to its DLQ.
 */
class EventSourcesIT {

    @TempDir
    static Path dir;
    static Path records;
    static LocalClipflow stack;

    @BeforeAll
    static void start() throws IOException {
        // Clock speed 600: Lambda's asynchronous retries come after 0.1 s and 0.2 s instead of 1 and 2 minutes.
        stack = TestStacks.fixture(dir, "/events-template/template.yaml", 600);
        records = TestStacks.records(dir);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void start_testTemplate_extraFunctionsAndQueuesWired() {
        assertThat(stack.template().functions()).extracting(f -> f.name())
                .containsExactlyInAnyOrder("RecorderFunction", "WorkerFunction", "PoisonedFunction");
        assertThat(stack.sqsEventSources()).extracting(SqsEventSource::mapping).extracting(
                SqsEventSource.Mapping::function, SqsEventSource.Mapping::batchSize,
                SqsEventSource.Mapping::reportBatchItemFailures).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("WorkerFunction", 10, true),
                org.assertj.core.groups.Tuple.tuple("PoisonedFunction", 5, false));
    }

    @Test
    void presignedPut_plainHttpClient_routedFunctionGetsEventWithAwsEncodedKey() throws Exception {
        String bucket = stack.template().bucket("DropBucket").orElseThrow().name();
        String key = "in/a b+é.mp4";
        URI url = URI.create(stack.clients().s3Presigner().presignPutObject(p -> p
                .signatureDuration(Duration.ofMinutes(5)).putObjectRequest(r -> r.bucket(bucket).key(key)))
                .url().toString());

        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                .PUT(HttpRequest.BodyPublishers.ofString("twelve bytes")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode event = await("recorder", e -> e.path("detail").path("object").path("key").asText()
                .equals("in/a+b%2B%C3%A9.mp4"));
        assertThat(event.path("source").asText()).isEqualTo("aws.s3");
        assertThat(event.path("detail-type").asText()).isEqualTo("Object Created");
        assertThat(event.path("detail").path("bucket").path("name").asText()).isEqualTo(bucket);
        assertThat(event.path("detail").path("object").path("size").asLong()).isEqualTo(12);
        assertThat(event.path("detail").path("reason").asText()).isEqualTo("PutObject");
    }

    @Test
    void completeMultipartUpload_throughStackEndpoint_eventWithReason() throws Exception {
        String bucket = stack.template().bucket("DropBucket").orElseThrow().name();
        String key = "in/multi part.bin";
        var s3 = stack.clients().s3();
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        String eTag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("one part")).eTag();
        s3.putObject(r -> r.bucket(bucket).key("elsewhere/ignored.bin"), RequestBody.fromString("x"));

        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m
                .parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));

        JsonNode event = await("recorder", e -> e.path("detail").path("object").path("key").asText()
                .equals("in/multi+part.bin"));
        assertThat(event.path("detail").path("reason").asText()).isEqualTo("CompleteMultipartUpload");
        assertThat(recorded("recorder")).noneMatch(e -> e.toString().contains("elsewhere"));
    }

    @Test
    void objectCreated_functionKeepsFailing_retriedTwiceThenEventInItsDeadLetterQueue() throws Exception {
        String bucket = stack.template().bucket("DropBucket").orElseThrow().name();
        stack.clients().s3().putObject(r -> r.bucket(bucket).key("in/poison.bin"), RequestBody.fromString("x"));

        String dlq = queueUrl("DropDeadLetterQueue");
        List<software.amazon.awssdk.services.sqs.model.Message> dead = List.of();
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); dead.isEmpty()
                && System.nanoTime() < end; ) {
            dead = stack.clients().sqs().receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages();
        }

        assertThat(dead).hasSize(1);
        JsonNode event = Json.parse(dead.get(0).body());
        assertThat(event.path("detail").path("object").path("key").asText()).isEqualTo("in/poison.bin");
        var attributes = dead.get(0).messageAttributes();
        assertThat(attributes.get("ErrorMessage").stringValue()).isEqualTo("Poison message");
        assertThat(attributes.get("ErrorCode").stringValue()).isEqualTo("200");
        assertThat(attributes.get("RequestID").stringValue()).isNotBlank();
        assertThat(recorded("recorder")).filteredOn(e -> e.path("detail").path("object").path("key").asText()
                .equals("in/poison.bin")).hasSize(3);
    }

    @Test
    void sqsBatch_reportBatchItemFailures_onlyFailedMessageComesBack() throws Exception {
        String queueUrl = queueUrl("WorkQueue");
        stack.clients().sqs().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("ok-a").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("fail-me-b").build(),
                SendMessageBatchRequestEntry.builder().id("c").messageBody("ok-c").build()));

        await("worker", e -> count("worker", "fail-me-b") >= 3);

        assertThat(count("worker", "ok-a")).isEqualTo(1);
        assertThat(count("worker", "ok-c")).isEqualTo(1);
        JsonNode first = recorded("worker").get(0).path("Records").get(0);
        assertThat(first.path("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(first.path("eventSourceARN").asText()).endsWith(":clipflow-local-WorkQueue");
        assertThat(first.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
        var attrs = stack.clients().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        assertThat(Integer.parseInt(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)))
                .isEqualTo(1);
    }

    @Test
    void sqsPoisonMessage_functionThrows_movedToDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        stack.clients().sqs().sendMessage(r -> r.queueUrl(queueUrl("PoisonQueue")).messageBody("poison-1"));

        String dlq = queueUrl("PoisonDeadLetterQueue");
        List<String> moved = List.of();
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); moved.isEmpty()
                && System.nanoTime() < end; ) {
            moved = stack.clients().sqs().receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1)).messages()
                    .stream().map(m -> m.body()).toList();
        }

        assertThat(moved).containsExactly("poison-1");
        assertThat(count("poisoned", "poison-1")).isEqualTo(2);
    }

    private static String queueUrl(String logicalId) {
        return stack.clients().sqs().getQueueUrl(r -> r.queueName("clipflow-local-" + logicalId)).queueUrl();
    }

    private static List<JsonNode> recorded(String bean) throws IOException {
        Path f = records.resolve(bean + ".jsonl");
        if (!Files.exists(f)) {
            return List.of();
        }
        return Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Json::parse)
                .toList();
    }

    private static long count(String bean, String body) {
        try {
            return recorded(bean).stream().flatMap(e -> java.util.stream.StreamSupport.stream(
                    e.path("Records").spliterator(), false)).filter(r -> r.path("body").asText().equals(body)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode await(String bean, Predicate<JsonNode> match) throws Exception {
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < end; ) {
            for (JsonNode e : recorded(bean)) {
                if (match.test(e)) {
                    return e;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No matching event for " + bean + " in 30 s: " + recorded(bean));
    }
}
