package dev.clipflow.ffmpeg;

/**
 * Thrown when ffmpeg or ffprobe cannot be started, or exits non-zero for a reason that is not the
 * source's fault (a bad option, a full scratch disk, a crash). Permanent: the pipeline does not
 * retry it. The message carries the command's name, its exit code and the tail of its stderr.
 */
public class FfmpegFailedException extends RuntimeException {
    private final int exitCode;

    public FfmpegFailedException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public FfmpegFailedException(String message, int exitCode) {
        this(message, exitCode, null);
    }

    /** The process's exit code; -1 when it did not start. */
    public int exitCode() {
        return exitCode;
    }
}
