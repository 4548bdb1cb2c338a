package dev.clipflow.ffmpeg;

/**
 * How a finished process ended.
 *
 * @param stderrTail the last lines of its standard error (bounded)
 */
record ProcessResult(int exitCode, byte[] stdout, String stderrTail) {
}
