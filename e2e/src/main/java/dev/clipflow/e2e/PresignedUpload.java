package dev.clipflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Uploads a file through the presigned multipart URLs of a create-video answer, fetching further batches with
 * {@code GET /videos/{id}/upload/parts?from=N}, and answers the body of {@code POST .../upload/complete}.
 */
public final class PresignedUpload {

    private final DeployedClipflow target;
    private final ApiCalls api;

    public PresignedUpload(DeployedClipflow target, ApiCalls api) {
        this.target = target;
        this.api = api;
    }

    /**
     * @param created the 201 body of {@code POST /videos}
     * @throws PartUploadFailedException when a PUT is refused or answers no ETag
     */
    public ObjectNode upload(TestUser user, JsonNode created, Path file) {
        String videoId = created.path("videoId").asText();
        long partSize = created.path("partSize").asLong();
        int partCount = created.path("partCount").asInt();
        ObjectNode complete = ClipflowApi.object();
        ArrayNode done = complete.putArray("parts");
        JsonNode urls = created.path("parts");
        int index = 0;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            for (int part = 1; part <= partCount; part++) {
                if (index >= urls.size()) {
                    ClipflowApi.Response more = api.call(user, "GET", "/videos/" + videoId + "/upload/parts?from="
                            + part, null);
                    if (more.status() != 200) {
                        throw new PartUploadFailedException("part URLs from " + part + ": HTTP " + more.status());
                    }
                    urls = more.body().path("parts");
                    index = 0;
                }
                JsonNode entry = urls.get(index++);
                long offset = (part - 1L) * partSize;
                byte[] bytes = new byte[(int) Math.min(partSize, in.length() - offset)];
                in.seek(offset);
                in.readFully(bytes);
                ClipflowApi.PartResult r = api.put(target.reachable(entry.path("url").asText()), bytes);
                if (r.status() != 200 || r.eTag().isEmpty()) {
                    throw new PartUploadFailedException("part " + part + " of video " + videoId + ": HTTP "
                            + r.status() + (r.eTag().isEmpty() ? ", no ETag" : ""));
                }
                done.addObject().put("partNumber", entry.path("partNumber").asInt(part)).put("eTag", r.eTag());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return complete;
    }
}
