package dev.clipflow.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) spent so far by this JVM's own threads and by its child processes that have been
 * waited for, from {@code /proc/self/stat} (fields 14-17: utime, stime, cutime, cstime, in clock ticks).
 *
 * <p>Why this is exact for ffmpeg: the kernel adds a child's whole user and system time (every thread) to the
 * parent's {@code cutime}/{@code cstime} when the parent reaps it, and the JDK reaps every {@link Process} before
 * {@code waitFor} returns; {@code ProcessRunner} waits for each ffmpeg and ffprobe it starts. So the difference of
 * two readings around a transcode is exactly what its ffmpeg and ffprobe processes used, whatever else runs on
 * the machine (other load changes wall time, not this). The resolution is one tick (1/100 s on Linux).
 *
 * @param selfSeconds     this JVM's threads (Java-side work: measuring segments, stitching, the sprite)
 * @param childrenSeconds its reaped children: ffmpeg and ffprobe
 */
record CpuTime(double selfSeconds, double childrenSeconds) {
    /** {@code getconf CLK_TCK}; 100 on Linux unless the script says otherwise. */
    static final double TICKS_PER_SECOND = Double.parseDouble(System.getProperty("bench.clkTck", "100"));

    static CpuTime now() {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/self/stat"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /proc/self/stat (Linux only)", e);
        }
        // Fields after the command name, which is in parentheses and may contain spaces; field 3 is at [0].
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long self = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        long children = Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return new CpuTime(self / TICKS_PER_SECOND, children / TICKS_PER_SECOND);
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(selfSeconds - earlier.selfSeconds, childrenSeconds - earlier.childrenSeconds);
    }

    double totalSeconds() {
        return selfSeconds + childrenSeconds;
    }
}
