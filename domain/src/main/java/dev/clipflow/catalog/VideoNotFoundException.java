package dev.clipflow.catalog;

/** Thrown when a video id names no video in the catalog. Permanent. */
public class VideoNotFoundException extends RuntimeException {
    private final String videoId;

    public VideoNotFoundException(String videoId) {
        super("Video " + videoId + " does not exist");
        this.videoId = videoId;
    }

    public String videoId() {
        return videoId;
    }
}
