package dev.clipflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.local.runtime.api.LocalHttpApi;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline parts of the localstack and aws targets: outputs, URL translation, template rewriting, users. */
class TargetPartsTest {

    static Map<String, String> outputs() {
        Map<String, String> m = new HashMap<>();
        m.put("ApiUrl", "https://abc123.execute-api.eu-west-1.amazonaws.com");
        m.put("UserPoolId", "eu-west-1_pool");
        m.put("UserPoolClientId", "client");
        m.put("UploadsBucketName", "up");
        m.put("MediaBucketName", "media");
        m.put("VideosTableName", "videos");
        m.put("ChannelsTableName", "channels");
        m.put("StateMachineArn", "arn:aws:states:eu-west-1:1:stateMachine:p");
        return m;
    }

    @Test
    void stackOutputs_templateOutputs_mapped() {
        StackOutputs o = StackOutputs.from(outputs());

        assertThat(o.apiUrl()).hasHost("abc123.execute-api.eu-west-1.amazonaws.com");
        assertThat(o.mediaBucket()).isEqualTo("media");
        assertThat(o.stateMachineArn()).endsWith(":p");
        assertThat(o.mediaDomain()).isEmpty();
    }

    @Test
    void stackOutputs_missingOutput_namesIt() {
        Map<String, String> m = outputs();
        m.remove("StateMachineArn");

        assertThatThrownBy(() -> StackOutputs.from(m)).isInstanceOf(StackOutputMissingException.class)
                .hasMessageContaining("'StateMachineArn'");
    }

    @Test
    void stackOutputs_everyKeyTheSuiteReads_isATemplateOutput() throws IOException {
        String template = Files.readString(RepoRoot.get().resolve("template.yaml"));
        String outputsSection = template.substring(template.indexOf("\nOutputs:"));

        for (String key : outputs().keySet()) {
            assertThat(outputsSection).as("template.yaml Outputs").contains("\n  " + key + ":");
        }
    }

    @Test
    void localStackApiUrl_outputUrl_hostBasedOnMappedPort() {
        URI url = LocalStackUrls.api(URI.create("https://abc123.execute-api.us-east-1.amazonaws.com"),
                URI.create("http://127.0.0.1:49153"));

        assertThat(url).isEqualTo(URI.create("http://abc123.execute-api.localhost.localstack.cloud:49153"));
    }

    @Test
    void localStackPresigned_pathStyleOnContainerPort_sameSignatureOnMappedPort() {
        URI u = LocalStackUrls.reachable("http://localhost.localstack.cloud:4566/up/uploads/c/v/a%20b.mp4"
                + "?uploadId=x&partNumber=1&X-Amz-Signature=abc", URI.create("http://127.0.0.1:49153"));

        assertThat(u.toString()).isEqualTo("http://127.0.0.1:49153/up/uploads/c/v/a%20b.mp4"
                + "?uploadId=x&partNumber=1&X-Amz-Signature=abc");
    }

    @Test
    void localStackPresigned_virtualHosted_becomesPathStyle() {
        URI u = LocalStackUrls.reachable("https://up.s3.us-east-1.amazonaws.com/k.mp4?X-Amz-Signature=abc",
                URI.create("http://127.0.0.1:49153"));

        assertThat(u.toString()).isEqualTo("http://127.0.0.1:49153/up/k.mp4?X-Amz-Signature=abc");
    }

    @Test
    void templateArtifacts_realTemplate_everyLocalPathUploadedAndReplaced(@TempDir Path dir) throws IOException {
        String template = Files.readString(RepoRoot.get().resolve("template.yaml"));
        Matcher paths = Pattern.compile("(?m)^\\s*(?:CodeUri|ContentUri|DefinitionUri):\\s*(\\S+)").matcher(template);
        List<String> expected = new ArrayList<>();
        while (paths.find()) {
            Files.createDirectories(dir.resolve(paths.group(1)).getParent());
            Files.writeString(dir.resolve(paths.group(1)), "x");
            expected.add(paths.group(1));
        }
        List<String> keys = new ArrayList<>();

        TemplateArtifacts.Rewritten r = TemplateArtifacts.rewrite(template, dir, (key, file) -> {
            keys.add(key);
            return "s3://bucket/" + key;
        });

        assertThat(expected).contains("functions/upload-api/target/upload-api.zip", "layers/ffmpeg",
                "statemachine/video-pipeline.asl.json");
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expected.stream().distinct().map(p -> "artifacts/" + p)
                .toList());
        assertThat(r.body()).contains("CodeUri: s3://bucket/artifacts/functions/ingest/target/ingest.zip")
                .contains("ContentUri: s3://bucket/artifacts/layers/ffmpeg")
                .doesNotContain("CodeUri: functions/").contains("!Ref VideosTable")
                .startsWith("AWSTemplateFormatVersion");
        // Above CloudFormation's 51,200-byte TemplateBody the deployer uploads it (TemplateURL, 1 MB).
        assertThat(r.body().length()).isLessThan(1_048_576);
    }

    @Test
    void templateArtifacts_missingZip_namesTheFileAndTheBuild(@TempDir Path dir) {
        assertThatThrownBy(() -> TemplateArtifacts.rewrite("  F:\n    Properties:\n      CodeUri: fn/target/fn.zip\n",
                dir, (k, f) -> "s3://b/" + k)).isInstanceOf(DeployArtifactMissingException.class)
                .hasMessageContaining("fn.zip").hasMessageContaining("./mvnw -B -DskipTests package")
                .hasMessageContaining("sam build");
    }

    @Test
    void templateArtifacts_samBuiltTemplate_parentPathsUploadedAndLayerFolderZippedWithModes(@TempDir Path dir)
            throws IOException {
        Path build = Files.createDirectories(dir.resolve(".aws-sam/build"));
        Files.createDirectories(dir.resolve("functions/fn/target"));
        Files.writeString(dir.resolve("functions/fn/target/fn.zip"), "x");
        Path ffmpeg = Files.writeString(Files.createDirectories(build.resolve("FfmpegLayer/bin")).resolve("ffmpeg"),
                "#!/bin/sh\n");
        ffmpeg.toFile().setExecutable(true);
        Map<String, Path> uploaded = new HashMap<>();

        TemplateArtifacts.Rewritten r = TemplateArtifacts.rewrite(
                "      CodeUri: ../../functions/fn/target/fn.zip\n      ContentUri: FfmpegLayer\n", build, (k, f) -> {
                    uploaded.put(k, f);
                    return "s3://b/" + k;
                });

        assertThat(r.body()).isEqualTo("      CodeUri: s3://b/artifacts/functions/fn/target/fn.zip\n"
                + "      ContentUri: s3://b/artifacts/FfmpegLayer.zip\n");
        assertThat(CommunityTemplateTest.unixModes(uploaded.get("artifacts/FfmpegLayer.zip")))
                .containsKey("bin/ffmpeg").extractingByKey("bin/ffmpeg")
                .satisfies(mode -> assertThat(mode & 0777).as("mode of bin/ffmpeg").isEqualTo(0755));
    }

    @Test
    void templateArtifacts_s3UrisAndIntrinsics_leftAlone(@TempDir Path dir) {
        String t = "      CodeUri: s3://b/k.zip\n      CodeUri: !Ref Code\n";

        assertThat(TemplateArtifacts.rewrite(t, dir, (k, f) -> "s3://never/" + k).body()).isEqualTo(t);
    }

    @Test
    void localStackContainerEnv_tokenPassedThroughOnlyWhenSet() {
        assertThat(LocalStackTarget.containerEnv(Map.of("LOCALSTACK_AUTH_TOKEN", "ls-123")))
                .containsEntry("LOCALSTACK_AUTH_TOKEN", "ls-123");
        assertThat(LocalStackTarget.containerEnv(Map.of("LOCALSTACK_AUTH_TOKEN", " ")))
                .doesNotContainKey("LOCALSTACK_AUTH_TOKEN");
        assertThat(LocalStackTarget.containerEnv(Map.of())).doesNotContainKey("LOCALSTACK_AUTH_TOKEN")
                .containsEntry("S3_SKIP_SIGNATURE_VALIDATION", "1");
    }

    @Test
    void cognitoPassword_fitsTheTemplatesPasswordPolicy() {
        String p = CognitoTestUsers.password();

        assertThat(p).hasSizeGreaterThanOrEqualTo(12).containsPattern("[a-z]").containsPattern("[A-Z]")
                .containsPattern("[0-9]");
        assertThat(CognitoTestUsers.password()).isNotEqualTo(p);
    }

    @Test
    void devIdentityUsers_headerIsTheLocalRuntimes_andNamesAreUnique() {
        DevIdentityUsers users = new DevIdentityUsers();

        TestUser a = users.create("creator");
        TestUser b = users.create("subscriber");

        assertThat(DevIdentityUsers.HEADER).isEqualTo(LocalHttpApi.USER_HEADER);
        assertThat(a.headers()).containsEntry(LocalHttpApi.USER_HEADER, a.name());
        assertThat(a.name()).startsWith("e2e-creator-").isNotEqualTo(b.name());
    }
}
