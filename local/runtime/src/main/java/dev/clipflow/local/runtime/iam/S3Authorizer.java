package dev.clipflow.local.runtime.iam;

import dev.clipflow.local.runtime.s3.S3Gate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM for the S3 endpoint: a request signed with a role's key goes through only when the role allows every
 * action {@link S3Requests} maps it to; otherwise 403 {@code AccessDenied} with AWS's message. A GET or HEAD of a
 * missing key answers 403 unless the role may {@code s3:ListBucket} the bucket (with {@code s3:prefix} the key),
 * as S3 does. Presigned URLs carry their signer's key, so a URL the upload API signed is the upload API's call.
 */
public final class S3Authorizer implements S3Gate {

    private static final Pattern KEY = Pattern.compile("<Key>(.*?)</Key>", Pattern.DOTALL);

    private final Principals principals;

    public S3Authorizer(Principals principals) {
        this.principals = principals;
    }

    @Override
    public Refusal check(String method, String target, Map<String, String> headers, byte[] deleteBody) {
        Principals.Caller caller = caller(target, headers);
        if (caller instanceof Principals.UnknownKey unknown) {
            return new Refusal(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our"
                    + " records. (" + unknown.keyId() + ")");
        }
        if (!(caller instanceof Principals.Assumed assumed)) {
            return null;
        }
        List<AccessRequest> requests;
        try {
            requests = S3Requests.map(method, target, headers.get("x-amz-copy-source"), deleteKeys(deleteBody));
        } catch (PolicyUnsupportedException e) {
            return new Refusal(403, "AccessDenied", e.getMessage());
        }
        return principals.authorize(assumed.role(), requests).map(d -> new Refusal(403, "AccessDenied", d.message()))
                .orElse(null);
    }

    @Override
    public Refusal missingKey(String method, String target, Map<String, String> headers) {
        if (!(caller(target, headers) instanceof Principals.Assumed assumed)) {
            return null;
        }
        S3Requests.Target t = S3Requests.target(target);
        if (t.key() == null) {
            return null;
        }
        AccessRequest list = S3Requests.listForMissingKey(t.bucket(), t.key());
        return principals.authorize(assumed.role(), List.of(list)).map(d -> new Refusal(403, "AccessDenied",
                d.message())).orElse(null);
    }

    private Principals.Caller caller(String target, Map<String, String> headers) {
        int q = target.indexOf('?');
        String query = q < 0 ? null : target.substring(q + 1);
        return principals.caller(Principals.keyId(headers.get("authorization"), query));
    }

    private static List<String> deleteKeys(byte[] body) {
        List<String> keys = new ArrayList<>();
        Matcher m = KEY.matcher(new String(body, StandardCharsets.UTF_8));
        while (m.find()) {
            keys.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&apos;", "'").replace("&amp;", "&"));
        }
        return keys;
    }
}
