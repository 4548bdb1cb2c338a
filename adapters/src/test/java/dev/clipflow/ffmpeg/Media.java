package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-side measurements of media with the real ffmpeg and ffprobe: frames, key frames, audio samples, PSNR. */
final class Media {
    private static final FfmpegBinaries BINARIES = FfmpegBinaries.fromEnvironment();
    private static final Pattern PSNR = Pattern.compile("PSNR .*average:([0-9.]+|inf)");
    private static final int RATE = 48_000;

    private Media() {
    }

    /** One decoded video frame: its presentation time and whether it is a key frame. */
    record Frame(double seconds, boolean key) {
    }

    /** The first video stream's frames in presentation order. */
    static List<Frame> frames(Path input) {
        String out = run(List.of(BINARIES.ffprobe(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "frame=pts_time,key_frame", "-of", "csv=p=0", input.toString()), true);
        List<Frame> frames = new ArrayList<>();
        for (String line : out.lines().toList()) {
            String[] f = line.split(",");
            if (f.length >= 2 && !f[1].isBlank() && !f[1].equals("N/A")) {
                frames.add(new Frame(Double.parseDouble(f[1]), f[0].strip().equals("1")));
            }
        }
        return frames;
    }

    static List<Double> keyFrames(List<Frame> frames) {
        return frames.stream().filter(Frame::key).map(Frame::seconds).toList();
    }

    /** What ffmpeg complains about while decoding every stream of the input to the end; empty when nothing. */
    static String decodeErrors(Path input) {
        ProcessResult r = ProcessRunner.run(List.of(BINARIES.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error",
                "-i", input.toString(), "-f", "null", "-"), Duration.ofMinutes(2));
        assertThat(r.exitCode()).as("decoding %s: %s", input, r.stderr()).isZero();
        return r.stderr();
    }

    /** A stream's start time ({@code v} or {@code a}). */
    static double start(Path input, String type) {
        String out = run(List.of(BINARIES.ffprobe(), "-v", "error", "-select_streams", type + ":0", "-show_entries",
                "stream=start_time", "-of", "csv=p=0", input.toString()), true);
        return Double.parseDouble(out.strip().split("\n")[0].replace(",", ""));
    }

    static boolean hasStream(Path input, String type) {
        return !run(List.of(BINARIES.ffprobe(), "-v", "error", "-select_streams", type, "-show_entries",
                "stream=index", "-of", "csv=p=0", input.toString()), true).isBlank();
    }

    /** The first audio stream decoded to mono 16-bit samples at 48 kHz. */
    static short[] audio(Path input) {
        ProcessResult r = ProcessRunner.run(List.of(BINARIES.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error",
                "-i", input.toString(), "-map", "0:a:0", "-ac", "1", "-ar", String.valueOf(RATE), "-f", "s16le", "-"),
                Duration.ofMinutes(2));
        assertThat(r.exitCode()).as("decoding the audio of %s: %s", input, r.stderr()).isZero();
        short[] samples = new short[r.stdout().length / 2];
        ByteBuffer.wrap(r.stdout()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /**
     * The largest second difference of the samples within 0.1 s of {@code seconds}: a click or a gap shows as a
     * spike there, a smooth tone stays as low as anywhere else.
     */
    static int roughness(short[] samples, double seconds) {
        int at = (int) (seconds * RATE);
        int max = 0;
        for (int i = Math.max(2, at - RATE / 10); i < Math.min(samples.length, at + RATE / 10); i++) {
            max = Math.max(max, Math.abs(samples[i] - 2 * samples[i - 1] + samples[i - 2]));
        }
        return max;
    }

    static double rms(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }

    static double rmsDifference(short[] a, short[] b) {
        double sum = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum / Math.max(1, n));
    }

    /** PSNR (dB, average over frames and planes) of the rendition's picture against the source's, frame by frame. */
    static double psnr(Path source, Path rendition) {
        ProcessResult r = ProcessRunner.run(List.of(BINARIES.ffmpeg(), "-hide_banner", "-nostdin", "-nostats",
                "-i", source.toString(), "-i", rendition.toString(), "-lavfi",
                "[0:v]setpts=PTS-STARTPTS[a];[1:v]setpts=PTS-STARTPTS[b];[a][b]psnr", "-f", "null", "-"),
                Duration.ofMinutes(3));
        Matcher m = PSNR.matcher(r.stderr());
        assertThat(m.find()).as("psnr output: %s", r.stderr()).isTrue();
        return m.group(1).equals("inf") ? 100 : Double.parseDouble(m.group(1));
    }

    private static String run(List<String> command, boolean mustSucceed) {
        ProcessResult r = ProcessRunner.run(command, Duration.ofMinutes(2));
        if (mustSucceed) {
            assertThat(r.exitCode()).as("%s: %s", command, r.stderr()).isZero();
        }
        return new String(r.stdout(), StandardCharsets.UTF_8);
    }
}
