package dev.clipflow.pipeline;

/**
 * What ffprobe says about a source, after rotation is applied: {@code displayWidth} x
 * {@code displayHeight} is what a viewer sees (a phone video stored 1920x1080 with rotation 90 is
 * displayed 1080x1920).
 *
 * <p>Times are on the output timeline, whose zero is the earliest start of any stream.
 *
 * @param durationSeconds the container's duration (the longest stream)
 * @param audioCodec      null when the source has no audio stream
 * @param audioSampleRate the audio stream's sample rate in Hz; 0 when there is no audio or it is unknown (also
 *                        when absent from JSON written before it was recorded: boxed so that it may be)
 * @param videoEndSeconds where the picture ends (its last frame's end); 0 when unknown or absent, read as
 *                        {@code durationSeconds} (see {@link #pictureEndSeconds()}). Shorter than the
 *                        duration when the audio runs on after the picture.
 */
public record MediaInfo(double durationSeconds, int width, int height, int rotation,
                        int displayWidth, int displayHeight, double frameRate,
                        String videoCodec, String audioCodec, long bitRate, String formatName,
                        Integer audioSampleRate, Double videoEndSeconds) {

    public MediaInfo {
        audioSampleRate = audioSampleRate == null ? 0 : audioSampleRate;
        videoEndSeconds = videoEndSeconds == null ? 0 : videoEndSeconds;
    }

    /** Facts without the audio sample rate and the picture's end (inputs written before they were recorded). */
    public MediaInfo(double durationSeconds, int width, int height, int rotation, int displayWidth,
                     int displayHeight, double frameRate, String videoCodec, String audioCodec, long bitRate,
                     String formatName) {
        this(durationSeconds, width, height, rotation, displayWidth, displayHeight, frameRate, videoCodec,
                audioCodec, bitRate, formatName, 0, 0.0);
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }

    public boolean isPortrait() {
        return displayHeight > displayWidth;
    }

    /** Where the picture ends on the output timeline: {@code videoEndSeconds} when known, else the duration. */
    public double pictureEndSeconds() {
        return videoEndSeconds > 0 ? videoEndSeconds : durationSeconds;
    }
}
