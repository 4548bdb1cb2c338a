package dev.clipflow.pipeline;

/**
 * What ffprobe says about a source, after rotation is applied: {@code displayWidth} x
 * {@code displayHeight} is what a viewer sees (a phone video stored 1920x1080 with rotation 90 is
 * displayed 1080x1920).
 *
 * @param audioCodec null when the source has no audio stream
 */
public record MediaInfo(double durationSeconds, int width, int height, int rotation,
                        int displayWidth, int displayHeight, double frameRate,
                        String videoCodec, String audioCodec, long bitRate, String formatName) {

    public boolean hasAudio() {
        return audioCodec != null;
    }

    public boolean isPortrait() {
        return displayHeight > displayWidth;
    }
}
