package dev.clipflow.local.runtime.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actions and resources AWS authorises for an S3 REST request (path-style addressing), as the S3 API
 * reference lists them per operation: objects are {@code arn:aws:s3:::bucket/key}, buckets
 * {@code arn:aws:s3:::bucket}; multipart create/upload part/complete are {@code s3:PutObject}, abort
 * {@code s3:AbortMultipartUpload}; HeadObject is {@code s3:GetObject}; ListObjects(V2) is {@code s3:ListBucket}
 * with the {@code s3:prefix}, {@code s3:delimiter} and {@code s3:max-keys} condition keys; DeleteObjects is
 * {@code s3:DeleteObject} on each key; CopyObject and UploadPartCopy also need {@code s3:GetObject} on the source.
 */
public final class S3Requests {

    private S3Requests() {
    }

    /** A request's bucket and key (decoded; key {@code null} for a bucket request, bucket {@code null} for /). */
    public record Target(String bucket, String key, Map<String, String> query) {
    }

    public static Target target(String requestTarget) {
        int q = requestTarget.indexOf('?');
        String path = q < 0 ? requestTarget : requestTarget.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String p : requestTarget.substring(q + 1).split("&")) {
                if (!p.isEmpty()) {
                    int eq = p.indexOf('=');
                    query.put(decode(eq < 0 ? p : p.substring(0, eq)), eq < 0 ? "" : decode(p.substring(eq + 1)));
                }
            }
        }
        String[] parts = path.replaceFirst("^/", "").split("/", 2);
        String bucket = parts[0].isEmpty() ? null : decode(parts[0]);
        String key = parts.length < 2 || parts[1].isEmpty() ? null : decode(parts[1]);
        return new Target(bucket, key, query);
    }

    /**
     * @param copySource the {@code x-amz-copy-source} header, or {@code null}
     * @param deleteKeys the keys of a DeleteObjects body ({@code POST /bucket?delete})
     * @throws PolicyUnsupportedException for a request this mapping does not know (never let through unchecked)
     */
    public static List<AccessRequest> map(String method, String requestTarget, String copySource,
                                          List<String> deleteKeys) {
        Target t = target(requestTarget);
        Map<String, String> q = t.query();
        if (t.bucket() == null) {
            return List.of(new AccessRequest("s3:ListAllMyBuckets", "*"));
        }
        String bucketArn = "arn:aws:s3:::" + t.bucket();
        if (t.key() == null) {
            if (method.equals("POST") && q.containsKey("delete")) {
                return deleteKeys.stream().map(k -> new AccessRequest("s3:DeleteObject", bucketArn + "/" + k))
                        .toList();
            }
            return List.of(new AccessRequest(bucketAction(method, q), bucketArn, listContext(method, q)));
        }
        String objectArn = bucketArn + "/" + t.key();
        List<AccessRequest> out = new ArrayList<>();
        out.add(new AccessRequest(objectAction(method, q), objectArn));
        if (copySource != null && method.equals("PUT")) {
            String source = decode(copySource.replaceFirst("^/", "").replaceFirst("\\?versionId=.*$", ""));
            out.add(new AccessRequest("s3:GetObject", "arn:aws:s3:::" + source));
        }
        return out;
    }

    /** The {@code s3:ListBucket} request S3 checks to tell "no such key" (404) from "access denied" (403). */
    public static AccessRequest listForMissingKey(String bucket, String key) {
        return new AccessRequest("s3:ListBucket", "arn:aws:s3:::" + bucket, Map.of("s3:prefix", key));
    }

    private static Map<String, String> listContext(String method, Map<String, String> q) {
        Map<String, String> context = new LinkedHashMap<>();
        if (method.equals("GET") && q.keySet().stream().noneMatch(SUBRESOURCES::containsKey)) {
            for (String k : List.of("prefix", "delimiter", "max-keys")) {
                if (q.containsKey(k)) {
                    context.put("s3:" + k, q.get(k));
                }
            }
        }
        return context;
    }

    /** Bucket subresources and the action reading ({@code GET}) them needs. */
    private static final Map<String, String> SUBRESOURCES = Map.ofEntries(
            Map.entry("uploads", "s3:ListBucketMultipartUploads"), Map.entry("versions", "s3:ListBucketVersions"),
            Map.entry("location", "s3:GetBucketLocation"), Map.entry("lifecycle", "s3:GetLifecycleConfiguration"),
            Map.entry("policy", "s3:GetBucketPolicy"), Map.entry("acl", "s3:GetBucketAcl"),
            Map.entry("cors", "s3:GetBucketCORS"), Map.entry("versioning", "s3:GetBucketVersioning"),
            Map.entry("tagging", "s3:GetBucketTagging"), Map.entry("encryption", "s3:GetEncryptionConfiguration"),
            Map.entry("notification", "s3:GetBucketNotification"));

    private static String bucketAction(String method, Map<String, String> q) {
        String sub = q.keySet().stream().filter(SUBRESOURCES::containsKey).findFirst().orElse(null);
        return switch (method) {
            case "GET" -> sub == null ? "s3:ListBucket" : SUBRESOURCES.get(sub);
            case "HEAD" -> "s3:ListBucket";
            case "PUT" -> sub == null ? "s3:CreateBucket" : SUBRESOURCES.get(sub).replace(":Get", ":Put");
            case "DELETE" -> sub == null ? "s3:DeleteBucket" : SUBRESOURCES.get(sub).replace(":Get", ":Put");
            default -> throw new PolicyUnsupportedException("No IAM action known for S3 " + method + " on a bucket "
                    + q.keySet());
        };
    }

    private static String objectAction(String method, Map<String, String> q) {
        boolean version = q.containsKey("versionId");
        return switch (method) {
            case "GET", "HEAD" -> q.containsKey("uploadId") ? "s3:ListMultipartUploadParts"
                    : q.containsKey("tagging") ? "s3:GetObjectTagging" : q.containsKey("acl") ? "s3:GetObjectAcl"
                    : version ? "s3:GetObjectVersion" : "s3:GetObject";
            case "PUT" -> q.containsKey("tagging") ? "s3:PutObjectTagging" : q.containsKey("acl") ? "s3:PutObjectAcl"
                    : "s3:PutObject";
            case "POST" -> q.containsKey("uploads") || q.containsKey("uploadId") ? "s3:PutObject"
                    : q.containsKey("restore") ? "s3:RestoreObject" : q.containsKey("select") ? "s3:GetObject"
                    : unsupported(method, q);
            case "DELETE" -> q.containsKey("uploadId") ? "s3:AbortMultipartUpload"
                    : q.containsKey("tagging") ? "s3:DeleteObjectTagging"
                    : version ? "s3:DeleteObjectVersion" : "s3:DeleteObject";
            default -> unsupported(method, q);
        };
    }

    private static String unsupported(String method, Map<String, String> q) {
        throw new PolicyUnsupportedException("No IAM action known for S3 " + method + " on an object " + q.keySet());
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
