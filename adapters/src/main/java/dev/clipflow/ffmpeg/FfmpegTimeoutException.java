package dev.clipflow.ffmpeg;

/**
 * Thrown when ffmpeg or ffprobe runs longer than its time budget and is stopped. Permanent: the
 * same source would run out of time again (the source is longer or larger than the stage can
 * handle at its memory size).
 */
public class FfmpegTimeoutException extends RuntimeException {
    public FfmpegTimeoutException(String message) {
        super(message);
    }
}
