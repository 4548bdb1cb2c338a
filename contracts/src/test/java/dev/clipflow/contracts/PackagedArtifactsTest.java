package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clipflow.testing.media.LocalFfmpeg;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code sam deploy} uploads matches the template that deploys it (runs in {@code ./mvnw verify} after the
 * function modules have packaged their zips: this module depends on them for the build order). The layer is
 * checked as {@code sam build} wrote it to {@code .aws-sam/build/FfmpegLayer} when that is there, otherwise as the
 * pinned release it is built from (the same bytes: {@link #ffmpegLayer_buildScriptPinsTheTestsRelease}).
 */
class PackagedArtifactsTest {

    static final Path ROOT = Repo.root();

    @Test
    void realTemplate_everyZipAndTheLayerDeployAndLoad(@TempDir Path work) throws IOException {
        Path layer = samBuiltLayer().orElse(pinnedReleaseAsLayer(work.resolve("layer")));
        PackagedArtifacts check = new PackagedArtifacts(ROOT, Repo.template(), PackagedArtifacts.Limits.LAMBDA,
                work.resolve("functions"), id -> id.equals("FfmpegLayer") ? layer.toString() : null);

        assertThat(check.problems()).as("artifacts against template.yaml").isEmpty();
        assertThat(functionIds()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void samBuiltLayer_isThePinnedReleaseByteForByte() throws IOException {
        Path layer = samBuiltLayer().orElse(null);
        assumeTrue(layer != null, "no sam build output here (.aws-sam/build/FfmpegLayer/bin): run `sam build` to "
                + "check the built layer; the pins are checked without it");
        LocalFfmpeg.Release r = LocalFfmpeg.Release.CURRENT;

        assertThat(sha256(layer.resolve("bin/ffmpeg"))).isEqualTo(r.ffmpegSha256());
        assertThat(sha256(layer.resolve("bin/ffprobe"))).isEqualTo(r.ffprobeSha256());
    }

    @Test
    void ffmpegLayer_buildScriptPinsTheTestsRelease() throws IOException {
        Map<?, ?> layer = (Map<?, ?>) ((Map<?, ?>) Repo.template().get("Resources")).get("FfmpegLayer");
        String contentUri = (String) ((Map<?, ?>) layer.get("Properties")).get("ContentUri");
        String makefile = Files.readString(ROOT.resolve(contentUri).resolve("Makefile"));
        String buildSh = Files.readString(ROOT.resolve(contentUri).resolve("build.sh"));
        LocalFfmpeg.Release r = LocalFfmpeg.Release.CURRENT;

        assertThat(((Map<?, ?>) layer.get("Metadata")).get("BuildMethod")).isEqualTo("makefile");
        assertThat(makefile).as("sam build runs `make build-<LogicalId>`").containsPattern("(?m)^build-FfmpegLayer:")
                .contains("$(ARTIFACTS_DIR)");
        assertThat(buildSh).contains(r.wheel().toString().replaceFirst("[^/]+$", ""), r.wheelSha256(),
                r.ffmpegSha256(), r.ffprobeSha256(), r.ffmpegEntry(), r.ffprobeEntry());
    }

    @Test
    void missingZip_namedWithTheBuildCommand(@TempDir Path dir) {
        List<String> problems = check(dir, function("fn/target/fn.zip", "a.B::handleRequest", Map.of()),
                PackagedArtifacts.Limits.LAMBDA);

        assertThat(problems).containsExactly(
                "FnFunction: CodeUri fn/target/fn.zip does not exist (build it: ./mvnw -B -DskipTests package)");
    }

    @Test
    void goodZip_noProblem(@TempDir Path dir) throws IOException {
        zip(dir.resolve("fn.zip"), Map.of(CLASS_ENTRY, classBytes(65)));

        assertThat(check(dir, function("fn.zip", HANDLER, Map.of()), PackagedArtifacts.Limits.LAMBDA)).isEmpty();
    }

    @Test
    void classNewerThanTheRuntimeAndMissingHandlerAndNonFunctionalStartClass_eachNamed(@TempDir Path dir)
            throws IOException {
        zip(dir.resolve("fn.zip"), Map.of(CLASS_ENTRY, classBytes(66)));

        List<String> problems = check(dir, function("fn.zip", "x.Missing::handleRequest",
                Map.of("MAIN_CLASS", "dev.clipflow.contracts.HandlerFixture", "SPRING_CLOUD_FUNCTION_DEFINITION",
                        "fn")), PackagedArtifacts.Limits.LAMBDA);

        assertThat(problems).containsExactly(
                "FnFunction: class file version 66 in fn.zip, newer than java21 runs (65)",
                "FnFunction: handler class x.Missing is not in the package",
                "FnFunction: MAIN_CLASS dev.clipflow.contracts.HandlerFixture is not a functional start class (an "
                        + "ApplicationContextInitializer registering its beans with FunctionBeans, docs/adr/0015)");
    }

    @Test
    void functionallyRegisteredStartClass_itsBeanFoundAndAMissingOneNamed(@TempDir Path work) {
        // The ingest function's start class registers its bean (FunctionBeans) instead of declaring a @Bean method.
        try (FunctionZip pkg = FunctionZip.extract(ROOT.resolve("functions/ingest/target/ingest.zip"),
                work.resolve("ingest"))) {
            assertThat(pkg.beanProblem("dev.clipflow.ingest.IngestApplication", "ingest")).isEmpty();
            assertThat(pkg.beanProblem("dev.clipflow.ingest.IngestApplication", "ingest|nosuch")).contains(
                    "SPRING_CLOUD_FUNCTION_DEFINITION names no registered Function/Consumer/Supplier bean of "
                            + "dev.clipflow.ingest.IngestApplication: nosuch");
        }
    }

    @Test
    void overTheSizeLimits_named(@TempDir Path dir) throws IOException {
        zip(dir.resolve("fn.zip"), Map.of(CLASS_ENTRY, classBytes(65)));

        List<String> problems = check(dir, function("fn.zip", HANDLER, Map.of()),
                new PackagedArtifacts.Limits(100, 200));

        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("FnFunction: ").contains("over"));
    }

    @Test
    void layerWithDynamicOrForeignBinaryOrWithoutTheConfiguredPath_named(@TempDir Path dir) throws IOException {
        zip(dir.resolve("fn.zip"), Map.of(CLASS_ENTRY, classBytes(65)));
        Path bin = Files.createDirectories(dir.resolve("layer/bin"));
        Files.write(bin.resolve("ffmpeg"), elf(ElfExecutable.EM_X86_64, true));
        Files.write(bin.resolve("ffprobe"), elf(ElfExecutable.EM_AARCH64, false));
        bin.resolve("ffmpeg").toFile().setExecutable(true);
        bin.resolve("ffprobe").toFile().setExecutable(true);
        Map<String, Object> resources = new LinkedHashMap<>(function("fn.zip", HANDLER,
                Map.of("FFMPEG_PATH", "/opt/bin/ffmpeg", "FFSOMETHING", "/opt/bin/missing")));
        Map<String, Object> fn = new LinkedHashMap<>(cast(resources.get("FnFunction")));
        Map<String, Object> props = new LinkedHashMap<>(cast(fn.get("Properties")));
        props.put("Layers", List.of(Map.of("Ref", "Layer")));
        fn.put("Properties", props);
        resources.put("FnFunction", fn);
        resources.put("Layer", Map.of("Type", "AWS::Serverless::LayerVersion", "Properties",
                Map.of("ContentUri", "layer", "CompatibleRuntimes", List.of("java21"),
                        "CompatibleArchitectures", List.of("x86_64"))));

        List<String> problems = new PackagedArtifacts(dir, Map.of("Resources", resources),
                PackagedArtifacts.Limits.LAMBDA, dir.resolve("work"), id -> null).problems();

        assertThat(problems).containsExactlyInAnyOrder(
                "Layer: bin/ffmpeg dynamically linked (has a program interpreter)",
                "Layer: bin/ffprobe ELF machine 183, not 62",
                "FnFunction: /opt/bin/missing is in its environment but in none of its layers [Layer]");
    }

    // ------------------------------------------------------------------ fixtures

    static final String CLASS_ENTRY = "dev/clipflow/contracts/HandlerFixture.class";
    static final String HANDLER = "dev.clipflow.contracts.HandlerFixture::handleRequest";

    static List<String> check(Path dir, Map<String, Object> resources, PackagedArtifacts.Limits limits) {
        return new PackagedArtifacts(dir, Map.of("Resources", resources), limits, dir.resolve("work"), id -> null)
                .problems();
    }

    static Map<String, Object> function(String codeUri, String handler, Map<String, String> env) {
        Map<String, Object> props = new LinkedHashMap<>(Map.of("CodeUri", codeUri, "Handler", handler,
                "Runtime", "java21", "Architectures", List.of("x86_64")));
        if (!env.isEmpty()) {
            props.put("Environment", Map.of("Variables", env));
        }
        return Map.of("FnFunction", Map.of("Type", "AWS::Serverless::Function", "Properties", props));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    /** A real class file of this module (compiled for release 21), its major version set to {@code major}. */
    static byte[] classBytes(int major) throws IOException {
        try (InputStream in = PackagedArtifactsTest.class.getResourceAsStream("HandlerFixture.class")) {
            byte[] b = in.readAllBytes();
            b[6] = (byte) (major >> 8);
            b[7] = (byte) major;
            return b;
        }
    }

    static void zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    /** An ELF64 header and one program header (PT_INTERP when {@code dynamic}, else PT_LOAD). */
    static byte[] elf(int machine, boolean dynamic) {
        ByteBuffer b = ByteBuffer.allocate(64 + 56).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x464c457f).put(4, (byte) 2).put(5, (byte) 1).put(6, (byte) 1);
        b.putShort(16, (short) 2).putShort(18, (short) machine).putLong(32, 64).putShort(54, (short) 56)
                .putShort(56, (short) 1);
        b.putInt(64, dynamic ? 3 : 1);
        return b.array();
    }

    static java.util.Optional<Path> samBuiltLayer() {
        Path built = ROOT.resolve(".aws-sam/build/FfmpegLayer");
        return Files.isRegularFile(built.resolve("bin/ffmpeg")) ? java.util.Optional.of(built)
                : java.util.Optional.empty();
    }

    /** The release the layer is built from (fetched and SHA-256 checked by LocalFfmpeg), laid out as the layer. */
    static Path pinnedReleaseAsLayer(Path dir) throws IOException {
        LocalFfmpeg.Binaries b = LocalFfmpeg.fetched(LocalFfmpeg.Release.CURRENT, LocalFfmpeg.defaultCache(),
                System.err::println);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("ffmpeg"), b.ffmpeg());
        Files.createSymbolicLink(bin.resolve("ffprobe"), b.ffprobe());
        return dir;
    }

    static List<String> functionIds() {
        return ((Map<?, ?>) Repo.template().get("Resources")).entrySet().stream()
                .filter(e -> "AWS::Serverless::Function".equals(((Map<?, ?>) e.getValue()).get("Type")))
                .map(e -> e.getKey().toString()).toList();
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
