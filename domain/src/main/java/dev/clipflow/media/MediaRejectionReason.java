package dev.clipflow.media;

/** Why an uploaded file cannot become a video, each with a sentence its creator understands. */
public enum MediaRejectionReason {
    EMPTY_FILE("The uploaded file is empty (0 bytes)."),
    NOT_A_VIDEO("The uploaded file is not a video we can read."),
    AUDIO_ONLY("The uploaded file contains only audio; a video needs a picture."),
    TRUNCATED("The uploaded file is incomplete: it ends before the video does. Upload it again."),
    CORRUPT("The uploaded file is damaged and cannot be decoded."),
    TOO_LONG("The video is longer than the maximum we accept."),
    TOO_LARGE("The video's picture is larger than the maximum we accept."),
    FRAME_RATE_TOO_HIGH("The video has more frames per second than the maximum we accept."),
    CODED_SIZE_TOO_LARGE("The video's stored picture is larger than the maximum we accept."),
    PIXEL_RATE_TOO_HIGH("The video's picture size and frame rate together are more than we can process."),
    COST_ABOVE_CEILING("Processing this video would cost more than its channel allows per video.");

    private final String explanation;

    MediaRejectionReason(String explanation) {
        this.explanation = explanation;
    }

    /** A sentence for the creator, without technical detail. */
    public String explanation() {
        return explanation;
    }
}
