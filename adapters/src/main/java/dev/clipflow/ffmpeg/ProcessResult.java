package dev.clipflow.ffmpeg;

/**
 * How a finished process ended.
 *
 * @param stderr the first and the last lines of its standard error, "[...]" between them when some were left
 *               out (bounded: {@link ProcessRunner#headAndTail})
 */
record ProcessResult(int exitCode, byte[] stdout, String stderr) {
}
