package dev.clipflow.local.runtime.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.runtime.RepoRoot;
import dev.clipflow.local.runtime.template.CorsRule;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The S3 endpoint's CORS, with the template's own rules: the browser console's presigned part PUTs to the uploads
 * bucket are allowed from another origin and can read the ETag; other methods, and buckets without rules, are not.
 */
class S3CorsTest {

    static final TemplateModel MODEL = TemplateModel.load(RepoRoot.get().resolve("template.yaml"));
    static final String UPLOADS = MODEL.bucket("UploadsBucket").orElseThrow().name();
    static final String MEDIA = MODEL.bucket("MediaBucket").orElseThrow().name();
    static final S3Cors CORS = new S3Cors(Map.of(UPLOADS, MODEL.bucket("UploadsBucket").orElseThrow().cors(),
            MEDIA, MODEL.bucket("MediaBucket").orElseThrow().cors()));

    @Test
    void template_uploadsBucket_allowsPutAndExposesETag() {
        List<CorsRule> rules = MODEL.bucket("UploadsBucket").orElseThrow().cors();

        assertThat(rules).isNotEmpty();
        assertThat(rules.get(0).allows("http://127.0.0.1:3000", "PUT", List.of("content-type"))).isTrue();
        assertThat(rules.get(0).allows("http://127.0.0.1:3000", "DELETE", List.of())).isFalse();
        assertThat(rules.get(0).exposedHeaders()).contains("ETag");
    }

    @Test
    void preflight_presignedPartPut_allowedWithMaxAge() throws IOException {
        HttpHead request = head("OPTIONS /" + UPLOADS + "/uploads/v1/source?partNumber=1&uploadId=x HTTP/1.1",
                "Origin: http://127.0.0.1:3000", "Access-Control-Request-Method: PUT",
                "Access-Control-Request-Headers: content-type");

        assertThat(CORS.isPreflight(request)).isTrue();
        String response = new String(CORS.preflight(request), StandardCharsets.ISO_8859_1);

        assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").contains("Access-Control-Allow-Origin: *\r\n",
                "Access-Control-Allow-Methods: PUT\r\n", "Access-Control-Allow-Headers: content-type\r\n",
                "Access-Control-Max-Age: 3000\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void preflight_otherMethodOrBucketWithoutRules_forbidden() throws IOException {
        HttpHead delete = head("OPTIONS /" + UPLOADS + "/uploads/v1/source HTTP/1.1",
                "Origin: http://127.0.0.1:3000", "Access-Control-Request-Method: DELETE");
        HttpHead media = head("OPTIONS /" + MEDIA + "/videos/v1/master.m3u8 HTTP/1.1",
                "Origin: http://127.0.0.1:3000", "Access-Control-Request-Method: PUT");

        for (HttpHead request : List.of(delete, media)) {
            assertThat(new String(CORS.preflight(request), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 403 Forbidden\r\n").contains("<Code>AccessForbidden</Code>")
                    .doesNotContain("Access-Control-Allow-Origin");
        }
    }

    @Test
    void response_crossOriginPut_exposesETag_sameOriginUnchanged() throws IOException {
        HttpHead put = head("PUT /" + UPLOADS + "/uploads/v1/source?partNumber=1 HTTP/1.1",
                "Origin: http://127.0.0.1:3000", "Content-Length: 3");
        byte[] upstream = "HTTP/1.1 200 OK\r\nETag: \"abc\"\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

        String response = new String(S3Cors.withHeaders(upstream, CORS.responseHeaders(put)),
                StandardCharsets.ISO_8859_1);

        assertThat(response).startsWith("HTTP/1.1 200 OK\r\nETag: \"abc\"\r\n")
                .contains("Access-Control-Allow-Origin: *\r\n", "Access-Control-Expose-Headers: ETag\r\n")
                .endsWith("\r\n\r\n");
        HttpHead sameOrigin = head("PUT /" + UPLOADS + "/k HTTP/1.1", "Content-Length: 3");
        assertThat(S3Cors.withHeaders(upstream, CORS.responseHeaders(sameOrigin))).isEqualTo(upstream);
    }

    @Test
    void response_upstreamsOwnCorsHeaders_replacedNotDoubled() throws IOException {
        HttpHead put = head("PUT /" + UPLOADS + "/uploads/v1/source?partNumber=1 HTTP/1.1",
                "Origin: http://127.0.0.1:3000", "Content-Length: 3");
        byte[] upstream = ("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nETag: \"abc\"\r\n"
                + "access-control-expose-headers: x-amz-request-id\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

        String response = new String(S3Cors.withHeaders(upstream, CORS.responseHeaders(put)),
                StandardCharsets.ISO_8859_1);

        assertThat(response.split("(?i)access-control-allow-origin", -1)).hasSize(2);
        assertThat(response).startsWith("HTTP/1.1 200 OK\r\nETag: \"abc\"\r\n")
                .contains("Access-Control-Expose-Headers: ETag\r\n").doesNotContain("x-amz-request-id")
                .endsWith("\r\n\r\n");
    }

    private static HttpHead head(String... lines) throws IOException {
        return HttpHead.read(new ByteArrayInputStream((String.join("\r\n", lines) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)));
    }
}
