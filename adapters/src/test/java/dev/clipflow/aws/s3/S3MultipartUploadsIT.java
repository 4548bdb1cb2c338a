package dev.clipflow.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.catalog.upload.MultipartUploads.CompletedPart;
import dev.clipflow.catalog.upload.UploadNotOpenException;
import dev.clipflow.catalog.upload.UploadPartsInvalidException;
import dev.clipflow.testing.Emulators;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Presigned multipart uploads against S3Proxy, which checks SigV4 like S3. */
class S3MultipartUploadsIT {
    private static final String KEY = "uploads/chan-1/vid-1/my clip + é.mp4";

    private final AwsClients aws = new AwsClients(Emulators.shared().lookup());
    private final S3Client s3 = aws.s3();
    private final String bucket = Emulators.uniqueName("uploads");
    private final S3MultipartUploads uploads;
    private final HttpClient http = HttpClient.newHttpClient();

    S3MultipartUploadsIT() {
        s3.createBucket(b -> b.bucket(bucket));
        uploads = new S3MultipartUploads(s3, aws.s3Presigner(), bucket);
    }

    @Test
    void presignedParts_putAndComplete_storeTheObject() throws Exception {
        String uploadId = uploads.start(KEY, "video/mp4");
        String eTag = put(uploads.presignPart(KEY, uploadId, 1, 3000, Duration.ofMinutes(1)), new byte[3000]);

        uploads.complete(KEY, uploadId, List.of(new CompletedPart(1, eTag)));

        var head = s3.headObject(r -> r.bucket(bucket).key(KEY));
        assertThat(head.contentLength()).isEqualTo(3000);
        assertThat(head.contentType()).isEqualTo("video/mp4");
        // S3 answers 404 NoSuchUpload here (-> UploadNotOpenException); S3Proxy answers 400 InvalidPart.
        assertThatThrownBy(() -> uploads.complete(KEY, uploadId, List.of(new CompletedPart(1, eTag))))
                .isInstanceOfAny(UploadNotOpenException.class, UploadPartsInvalidException.class);
    }

    @Test
    void complete_wrongETag_isInvalidParts() throws Exception {
        String uploadId = uploads.start(KEY, "video/mp4");
        put(uploads.presignPart(KEY, uploadId, 1, 10, Duration.ofMinutes(1)), new byte[10]);

        assertThatThrownBy(() -> uploads.complete(KEY, uploadId,
                List.of(new CompletedPart(1, "\"00000000000000000000000000000000\""))))
                .isInstanceOf(UploadPartsInvalidException.class);
    }

    @Test
    void abort_openOrUnknownUpload_freesItWithoutError() {
        String uploadId = uploads.start(KEY, "video/mp4");

        uploads.abort(KEY, uploadId);

        assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
        assertThatCode(() -> uploads.abort(KEY, uploadId)).doesNotThrowAnyException();
        assertThatThrownBy(() -> uploads.complete(KEY, uploadId, List.of(new CompletedPart(1, "\"x\""))))
                .isInstanceOfAny(UploadNotOpenException.class, UploadPartsInvalidException.class);
    }

    private String put(URI url, byte[] bytes) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }
}
