package dev.clipflow.catalog.upload;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link MultipartUploads} that records what it was asked (test double). */
final class FakeMultipartUploads implements MultipartUploads {
    final Map<String, String> open = new HashMap<>();
    final List<String> completed = new ArrayList<>();
    final List<String> aborted = new ArrayList<>();
    private int next;

    @Override
    public String start(String key, String contentType) {
        String id = "upload-" + (++next);
        open.put(id, key);
        return id;
    }

    @Override
    public URI presignPart(String key, String uploadId, int partNumber, long sizeBytes, Duration ttl) {
        return URI.create("https://s3.example/" + uploadId + "?partNumber=" + partNumber + "&size=" + sizeBytes
                + "&ttl=" + ttl.toSeconds());
    }

    @Override
    public void complete(String key, String uploadId, List<CompletedPart> parts) {
        if (open.remove(uploadId) == null) {
            throw new UploadNotOpenException(key);
        }
        completed.add(uploadId);
    }

    @Override
    public void abort(String key, String uploadId) {
        open.remove(uploadId);
        aborted.add(uploadId);
    }
}
