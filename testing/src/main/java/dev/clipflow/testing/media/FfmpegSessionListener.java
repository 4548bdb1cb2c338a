package dev.clipflow.testing.media;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs {@link LocalFfmpeg#install()} when a test JVM's JUnit session opens (registered in
 * META-INF/services), so every test of every module that depends on this one sees FFMPEG_PATH and
 * FFPROBE_PATH as system properties before its first line, fetched once if nothing is configured.
 */
public final class FfmpegSessionListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LocalFfmpeg.install();
    }
}
