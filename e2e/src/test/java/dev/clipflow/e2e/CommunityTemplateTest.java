package dev.clipflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.testing.template.CfnYaml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The localstack-community reduction of the real template.yaml, and the zips that carry the layer (offline). */
class CommunityTemplateTest {

    static final Set<String> PSEUDO = Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix",
            "AWS::StackName", "AWS::StackId", "AWS::NoValue");

    static CommunityTemplate derived() {
        return CommunityTemplate.derive(CfnYaml.read(RepoRoot.get().resolve("template.yaml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resource(CommunityTemplate t, String id) {
        return (Map<String, Object>) ((Map<String, Object>) t.template().get("Resources")).get(id);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(CommunityTemplate t, String id) {
        return (Map<String, Object>) resource(t, id).get("Properties");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resources(CommunityTemplate t) {
        return (Map<String, Object>) t.template().get("Resources");
    }

    static Map<String, Object> env(CommunityTemplate t, String id) {
        return (Map<String, Object>) ((Map<String, Object>) props(t, id).get("Environment")).get("Variables");
    }

    @Test
    void realTemplate_licensedResourcesAndTheirUsesRemoved_pipelineKept() {
        CommunityTemplate t = derived();

        assertThat(t.removed()).containsExactlyInAnyOrder("UserPool", "UserPoolClient", "HttpApi",
                "MediaOriginAccessControl", "MediaDistribution", "FfmpegLayer",
                // the signing key of restricted media and its key group (the secret with its private key stays)
                "MediaSigningPublicKey", "MediaKeyGroup",
                // the WebSocket API, and the permissions that let it invoke the live functions
                "LiveApi", "LiveApiStage", "LiveConnectAuthorizer", "LiveConnectionsIntegration", "LiveConnectRoute",
                "LiveDisconnectRoute", "LiveAuthorizerPermission", "LiveConnectPermission", "LiveDisconnectPermission");
        assertThat(resources(t)).containsKeys("LiveConnectionsTable", "LiveNotifierFunction");
        assertThat(t.layered()).containsExactlyInAnyOrder("ProbeFunction", "TranscodeFunction",
                "TranscodeChunkFunction");
        Map<String, Object> resources = (Map<String, Object>) t.template().get("Resources");
        assertThat(resources).containsKeys("VideoPipeline", "UploadsBucket", "MediaBucket", "VideosTable",
                "ChannelsTable", "FeedFanoutQueue", "IngestFunction", "UploadApiFunction", "SocialApiFunction");
        assertThat(props(t, "UploadApiFunction")).doesNotContainKey("Events");
        assertThat(((Map<?, ?>) props(t, "IngestFunction").get("Events")).keySet()).hasToString("[ObjectCreated]");
        assertThat(((Map<?, ?>) props(t, "FeedFanoutFunction").get("Events")).keySet()).hasToString("[FanoutBatches]");
        assertThat(props(t, "ProbeFunction")).doesNotContainKey("Layers");
        assertThat(env(t, "ProbeFunction")).containsEntry("FFMPEG_PATH", "/var/task/bin/ffmpeg")
                .containsEntry("FFPROBE_PATH", "/var/task/bin/ffprobe");
        assertThat(env(t, "UploadApiFunction")).containsEntry("MEDIA_BASE_URL", "https://mediadistribution.invalid");
        assertThat(String.valueOf(props(t, "MediaBucketPolicy"))).contains("DenyInsecureTransport")
                .doesNotContain("cloudfront");
        Map<String, String> outputs = new HashMap<>();
        ((Map<?, ?>) t.template().get("Outputs")).keySet().forEach(k -> outputs.put(k.toString(), "x"));
        assertThat(outputs).doesNotContainKeys("ApiUrl", "UserPoolId", "MediaDistributionDomain");
        assertThat(StackOutputs.withoutHttpApi(outputs).videosTable()).isEqualTo("x");
    }

    @Test
    void realTemplate_everyReferenceLeftResolves() {
        CommunityTemplate t = derived();
        Set<String> names = new HashSet<>(PSEUDO);
        names.addAll(((Map<String, ?>) t.template().get("Resources")).keySet());
        names.addAll(((Map<String, ?>) t.template().get("Parameters")).keySet());
        // What the SAM transform generates from a function's event: <FunctionId><EventName> (e.g. the rule).
        ((Map<String, ?>) t.template().get("Resources")).keySet().forEach(id -> {
            if (props(t, id) != null && props(t, id).get("Events") instanceof Map<?, ?> events) {
                events.keySet().forEach(e -> names.add(id + e));
            }
        });
        Set<String> referenced = new HashSet<>();
        refs(t.template(), referenced);

        assertThat(referenced).isNotEmpty().allSatisfy(r -> assertThat(names).as("defined names").contains(r));
    }

    @Test
    void yaml_roundTripsAndKeepsArtifactPathsForTheRewrite(@TempDir Path dir) throws IOException {
        CommunityTemplate t = derived();
        t.codeUri("ProbeFunction", "e2e/target/localstack-community/probe.zip");
        String yaml = t.yaml();
        var paths = java.util.regex.Pattern.compile("(?m)^\\s*(?:CodeUri|DefinitionUri):\\s*(\\S+)$").matcher(yaml);
        while (paths.find()) {
            Files.createDirectories(dir.resolve(paths.group(1)).getParent());
            Files.writeString(dir.resolve(paths.group(1)), "x");
        }

        assertThat((Object) new Yaml().load(yaml)).isEqualTo(t.template());
        assertThat(yaml).contains("CodeUri: functions/ingest/target/ingest.zip",
                "CodeUri: e2e/target/localstack-community/probe.zip", "DefinitionUri: statemachine/")
                .contains("Transform: AWS::Serverless-2016-10-31").doesNotContain("ContentUri");
        TemplateArtifacts.Rewritten r = TemplateArtifacts.rewrite(yaml, dir, (k, f) -> "s3://b/" + k);
        assertThat(r.uploads()).containsKeys("statemachine/video-pipeline.asl.json",
                "e2e/target/localstack-community/probe.zip", "functions/upload-api/target/upload-api.zip");
        assertThat(r.body()).doesNotContain("CodeUri: functions/");
    }

    @Test
    void referenceInAPlaceTheReductionDoesNotKnow_failsWithItsPointer() {
        Map<String, Object> source = Map.of("Resources", Map.of(
                "Pool", Map.of("Type", "AWS::Cognito::UserPool"),
                "Queue", Map.of("Type", "AWS::SQS::Queue", "Properties",
                        Map.of("QueueName", Map.of("Fn::GetAtt", List.of("Pool", "ProviderName"))))));

        assertThatThrownBy(() -> CommunityTemplate.derive(source)).isInstanceOf(CommunityTemplateException.class)
                .hasMessageContaining("/Resources/Queue/Properties/QueueName -> [Pool]");
    }

    @Test
    void zipWithBinaries_addedExecutableBesideTheClasses(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("fn.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("dev/x/A.class"));
            z.write(new byte[] {1, 2});
            z.closeEntry();
        }
        Path ffmpeg = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\n");

        Path out = LambdaZips.withBinaries(zip, Map.of("bin/ffmpeg", ffmpeg), dir.resolve("out/fn.zip"));

        Map<String, Integer> modes = unixModes(out);
        assertThat(modes).containsKeys("dev/x/A.class", "bin/ffmpeg");
        assertThat(modes.get("bin/ffmpeg") & 0777).as("mode of bin/ffmpeg").isEqualTo(0755);
    }

    @Test
    void zipWithBinaries_missingZip_namesIt(@TempDir Path dir) {
        assertThatThrownBy(() -> LambdaZips.withBinaries(dir.resolve("none.zip"), Map.of(), dir.resolve("o.zip")))
                .isInstanceOf(DeployArtifactMissingException.class).hasMessageContaining("none.zip");
    }

    /** Entry name to the Unix mode in its central-directory record (external attributes, high 16 bits). */
    static Map<String, Integer> unixModes(Path zip) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        int end = b.limit() - 22;
        while (b.getInt(end) != 0x06054b50) {
            end--;
        }
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        int at = b.getInt(end + 16);
        Map<String, Integer> modes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extra = Short.toUnsignedInt(b.getShort(at + 30));
            int comment = Short.toUnsignedInt(b.getShort(at + 32));
            int external = b.getInt(at + 38);
            byte[] name = new byte[nameLength];
            b.get(at + 46, name);
            modes.put(new String(name, java.nio.charset.StandardCharsets.UTF_8), external >>> 16);
            at += 46 + nameLength + extra + comment;
        }
        return modes;
    }

    static void refs(Object node, Set<String> out) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String r) {
                out.add(r.split("\\.", 2)[0]);
            }
            if (map.get("Fn::GetAtt") instanceof List<?> l) {
                out.add(String.valueOf(l.getFirst()));
            } else if (map.get("Fn::GetAtt") instanceof String s) {
                out.add(s.split("\\.", 2)[0]);
            }
            Object sub = map.get("Fn::Sub");
            String text = sub instanceof List<?> l ? String.valueOf(l.getFirst()) : sub instanceof String s ? s : null;
            if (text != null) {
                var m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9:]+)[^}]*}").matcher(text);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
            map.values().forEach(v -> refs(v, out));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> refs(v, out));
        }
    }
}
