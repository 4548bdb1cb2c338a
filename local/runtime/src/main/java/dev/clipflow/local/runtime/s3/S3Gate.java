package dev.clipflow.local.runtime.s3;

import java.util.Map;

/**
 * Decides, for the S3 endpoint ({@link S3EventProxy}), whether a request may reach S3Proxy: IAM locally. The
 * endpoint answers a refusal itself, as S3 does ({@code <Error>} XML).
 */
public interface S3Gate {

    /** An error S3 answers instead: HTTP status, S3 error code ({@code AccessDenied}) and message. */
    record Refusal(int status, String code, String message) {
    }

    /** Lets every request through. */
    S3Gate OPEN = new S3Gate() {
        @Override
        public Refusal check(String method, String target, Map<String, String> headers, byte[] deleteBody) {
            return null;
        }

        @Override
        public Refusal missingKey(String method, String target, Map<String, String> headers) {
            return null;
        }
    };

    /**
     * @param headers names in lower case
     * @param deleteBody the body of a DeleteObjects request ({@code POST /bucket?delete}), else empty
     * @return {@code null} to forward the request
     */
    Refusal check(String method, String target, Map<String, String> headers, byte[] deleteBody);

    /**
     * S3Proxy answered 404 to a GET or HEAD of an object: S3 answers 403 instead when the caller may not
     * {@code s3:ListBucket} the bucket (it must not learn whether the key exists).
     *
     * @return {@code null} to forward the 404
     */
    Refusal missingKey(String method, String target, Map<String, String> headers);
}
