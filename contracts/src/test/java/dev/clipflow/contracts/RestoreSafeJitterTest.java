package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Retry jitter on Lambda comes from {@code RestoreSafeJitter} (docs/adr/0015): a random source seeded before the
 * SnapStart snapshot is the same in every sandbox restored from it, so their retries would back off in step. Read
 * from the compiled classes of every template function's start-class package: no class refers to
 * {@code ThreadLocalRandom}, {@code Random} or {@code SplittableRandom}, and a class that builds a {@code BatchWriter}
 * also refers to {@code RestoreSafeJitter}.
 */
class RestoreSafeJitterTest {
    private static final List<String> SHARED_SEEDS = List.of("java/util/concurrent/ThreadLocalRandom",
            "java/util/Random", "java/util/SplittableRandom");
    private static final String BATCH_WRITER = "dev/clipflow/batch/BatchWriter";
    private static final String RESTORE_SAFE = "dev/clipflow/lambda/RestoreSafeJitter";

    @Test
    void everyFunction_wiresItsJitterFromRestoreSafeJitter() {
        List<String> problems = new ArrayList<>();
        int classes = 0;
        int batchWriters = 0;
        for (var main : mainClasses().entrySet()) {
            Map<String, byte[]> found = packageClasses(main.getKey(), main.getValue());
            classes += found.size();
            for (var entry : found.entrySet()) {
                problems.addAll(problems(entry.getKey(), entry.getValue()));
                batchWriters += refersTo(entry.getValue(), BATCH_WRITER) ? 1 : 0;
            }
        }
        assertThat(classes).as("classes read").isGreaterThan(50);
        assertThat(batchWriters).as("start classes building a BatchWriter (feed-fanout, subscription)")
                .isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void aClassWithTheDefaultJitter_named() throws IOException {
        assertThat(problems("Fixture", classBytes(DefaultJitterFixture.class))).containsExactly(
                "Fixture refers to java/util/concurrent/ThreadLocalRandom (a seed shared by restored sandboxes)",
                "Fixture builds a BatchWriter without RestoreSafeJitter");
    }

    /** What is wrong with one class file: an empty list when its jitter is restore-safe. */
    static List<String> problems(String name, byte[] classFile) {
        List<String> problems = new ArrayList<>();
        for (String shared : SHARED_SEEDS) {
            if (refersTo(classFile, shared)) {
                problems.add(name + " refers to " + shared + " (a seed shared by restored sandboxes)");
            }
        }
        if (refersTo(classFile, BATCH_WRITER) && !refersTo(classFile, RESTORE_SAFE)) {
            problems.add(name + " builds a BatchWriter without RestoreSafeJitter");
        }
        return problems;
    }

    /**
     * Whether the class file's constant pool holds {@code internalName} as a whole UTF-8 entry (its two-byte length
     * first), the entry a class constant refers to: {@code java/util/Random} does not match
     * {@code java/util/RandomAccess}.
     */
    private static boolean refersTo(byte[] classFile, String internalName) {
        byte[] text = internalName.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[text.length + 2];
        entry[0] = (byte) (text.length >> 8);
        entry[1] = (byte) text.length;
        System.arraycopy(text, 0, entry, 2, text.length);
        outer:
        for (int i = 0; i + entry.length <= classFile.length; i++) {
            for (int j = 0; j < entry.length; j++) {
                if (classFile[i + j] != entry[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Each template function's start class to its module's compiled classes (CodeUri functions/m/target/m.zip). */
    @SuppressWarnings("unchecked")
    private static Map<String, Path> mainClasses() {
        var resources = (Map<String, Map<String, Object>>) (Map<?, ?>) Repo.template().get("Resources");
        Map<String, Path> mains = new TreeMap<>();
        for (Map<String, Object> resource : resources.values()) {
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                continue;
            }
            Map<?, ?> props = (Map<?, ?>) resource.get("Properties");
            Map<?, ?> env = (Map<?, ?>) ((Map<?, ?>) props.get("Environment")).get("Variables");
            Path zip = Path.of(String.valueOf(props.get("CodeUri")));
            mains.put(String.valueOf(env.get("MAIN_CLASS")),
                    Repo.root().resolve(zip.getParent()).resolve("classes"));
        }
        assertThat(mains).as("template functions' MAIN_CLASS").hasSizeGreaterThan(10);
        return mains;
    }

    /** Every class file in {@code mainClass}'s package (and below) in the module's compiled classes. */
    private static Map<String, byte[]> packageClasses(String mainClass, Path classesDir) {
        Path dir = classesDir.resolve(mainClass.substring(0, mainClass.lastIndexOf('.')).replace('.', '/'));
        assertThat(dir).as("compiled classes of %s (build its module first)", mainClass).isDirectory();
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes.put(classesDir.relativize(file).toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (var in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
