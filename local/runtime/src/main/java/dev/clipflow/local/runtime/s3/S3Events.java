package dev.clipflow.local.runtime.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.runtime.eventbridge.EventEnvelope;
import dev.clipflow.local.runtime.template.LocalAws;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * S3 "object created" events in AWS's two shapes: the EventBridge event ({@code source aws.s3},
 * {@code detail-type Object Created}) and the S3 event notification ({@code Records[]}). Keys are encoded as S3
 * encodes them in both: form-URL-encoding with spaces as {@code +} and {@code /} kept ({@code "a b+é.mp4"} →
 * {@code "a+b%2B%C3%A9.mp4"}).
 */
public final class S3Events {

    private S3Events() {
    }

    /** The created object, as HeadObject reports it. */
    public record CreatedObject(String bucket, String key, long size, String eTag, String versionId, String reason) {
    }

    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    public static ObjectNode eventBridge(CreatedObject o, Instant at) {
        ObjectNode e = EventEnvelope.of("Object Created", "aws.s3", at, List.of(LocalAws.bucketArn(o.bucket())));
        ObjectNode d = e.putObject("detail");
        d.put("version", "0");
        d.putObject("bucket").put("name", o.bucket());
        ObjectNode obj = d.putObject("object");
        obj.put("key", encodeKey(o.key()));
        obj.put("size", o.size());
        obj.put("etag", o.eTag());
        if (o.versionId() != null) {
            obj.put("version-id", o.versionId());
        }
        obj.put("sequencer", sequencer(at));
        d.put("request-id", requestId());
        d.put("requester", LocalAws.ACCOUNT);
        d.put("source-ip-address", "127.0.0.1");
        d.put("reason", o.reason());
        return e;
    }

    public static ObjectNode notification(CreatedObject o, Instant at) {
        ObjectNode root = Json.object();
        ObjectNode r = root.putArray("Records").addObject();
        r.put("eventVersion", "2.1");
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", LocalAws.REGION);
        r.put("eventTime", at.truncatedTo(ChronoUnit.MILLIS).toString());
        r.put("eventName", "ObjectCreated:" + switch (o.reason()) {
            case "CompleteMultipartUpload" -> "CompleteMultipartUpload";
            case "CopyObject" -> "Copy";
            default -> "Put";
        });
        r.putObject("userIdentity").put("principalId", "AWS:LOCAL");
        r.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        r.putObject("responseElements").put("x-amz-request-id", requestId()).put("x-amz-id-2", requestId());
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "local");
        ObjectNode b = s3.putObject("bucket");
        b.put("name", o.bucket());
        b.putObject("ownerIdentity").put("principalId", "LOCAL");
        b.put("arn", LocalAws.bucketArn(o.bucket()));
        ObjectNode obj = s3.putObject("object");
        obj.put("key", encodeKey(o.key()));
        obj.put("size", o.size());
        obj.put("eTag", o.eTag());
        if (o.versionId() != null) {
            obj.put("versionId", o.versionId());
        }
        obj.put("sequencer", sequencer(at));
        return root;
    }

    private static String sequencer(Instant at) {
        return HexFormat.of().toHexDigits(at.toEpochMilli() * 1000 + (System.nanoTime() % 1000)).toUpperCase();
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }
}
