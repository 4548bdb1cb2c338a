package dev.clipflow.local.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.local.asl.parse.DefinitionParser;
import dev.clipflow.local.runtime.RepoRoot;
import dev.clipflow.testing.template.CfnYaml;
import dev.clipflow.testing.template.TableDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateModelTest {

    static final TemplateModel MODEL = TemplateModel.load(RepoRoot.get().resolve("template.yaml"));

    @Test
    void functions_realTemplate_globalsMergedAndRefsResolved() {
        FunctionDef probe = MODEL.function("ProbeFunction").orElseThrow();

        assertThat(probe.handler())
                .isEqualTo("dev.clipflow.lambda.RequestIdFunctionInvoker::handleRequest");
        assertThat(probe.codeUri()).isEqualTo(RepoRoot.get().resolve("functions/probe/target/probe.zip"));
        assertThat(probe.runtime()).startsWith("java");
        Map<?, ?> raw = CfnYaml.read(RepoRoot.get().resolve("template.yaml"));
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) raw.get("Globals")).get("Function");
        Map<?, ?> own = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) raw.get("Resources")).get("ProbeFunction"))
                .get("Properties");
        assertThat(probe.timeoutSeconds()).isEqualTo(own.containsKey("Timeout") ? own.get("Timeout")
                : globals.get("Timeout"));
        assertThat(probe.memoryMb()).isEqualTo(own.containsKey("MemorySize") ? own.get("MemorySize")
                : globals.get("MemorySize"));
        assertThat(probe.autoPublishAlias()).isEqualTo("live");
        assertThat(probe.environment())
                .containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", "probe")
                .containsEntry("MAIN_CLASS", "dev.clipflow.probe.ProbeApplication")
                .containsEntry("VIDEOS_TABLE", "clipflow-local-VideosTable")
                .containsEntry("UPLOADS_BUCKET", "clipflow-local-uploadsbucket")
                .containsEntry("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS", "WARN");
    }

    @Test
    void functions_realTemplate_everyFunctionFollowsTheHouseLayout() {
        assertThat(MODEL.functions()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.name()).endsWith("Function");
            assertThat(f.codeUri().toString()).endsWith(".zip");
            assertThat(f.environment()).containsKeys("MAIN_CLASS", "SPRING_CLOUD_FUNCTION_DEFINITION");
        });
        FunctionDef transcode = MODEL.function("TranscodeFunction").orElseThrow();
        assertThat(transcode.memoryMb()).isEqualTo(10240);
        assertThat(transcode.timeoutSeconds()).isEqualTo(900);
    }

    @Test
    void reservedConcurrency_realTemplate_parametersOrUnreserved() {
        assertThat(MODEL.function("ProbeFunction").orElseThrow().reservedConcurrency()).isEqualTo(20);
        assertThat(MODEL.function("TranscodeChunkFunction").orElseThrow().reservedConcurrency())
                .as("ChunkConcurrency").isEqualTo(100);
        assertThat(MODEL.function("IngestFunction").orElseThrow().reservedConcurrency())
                .isEqualTo(FunctionDef.UNRESERVED);

        TemplateModel unreserved = TemplateModel.load(RepoRoot.get().resolve("template.yaml"), LocalAws.defaults(),
                Map.of("ProbeReservedConcurrency", "-1", "ReserveChunkConcurrency", "false", "ChunkConcurrency", "7"));
        assertThat(unreserved.function("ProbeFunction").orElseThrow().reservedConcurrency())
                .isEqualTo(FunctionDef.UNRESERVED);
        assertThat(unreserved.function("TranscodeChunkFunction").orElseThrow().reservedConcurrency())
                .isEqualTo(FunctionDef.UNRESERVED);
        assertThat(unreserved.function("ProbeFunction").orElseThrow().environment())
                .containsEntry("CHUNK_CONCURRENCY", "7");
    }

    @Test
    void distribution_realTemplate_originIsTheMediaBucketAndDomainIsTheLocalStandIn() {
        TemplateModel model = TemplateModel.load(RepoRoot.get().resolve("template.yaml"),
                new LocalAws("clipflow-local", "http://127.0.0.1:9324", "127.0.0.1:4567"),
                Map.of("MediaSigningPublicKeyPem", "PEM"));

        // restricted/* is served only with a signature of the key group's key: the parameter's PEM (docs/adr/0014).
        assertThat(model.distributions()).containsExactly(new DistributionDef("MediaDistribution", "MediaBucket",
                List.of(new DistributionDef.SignedBehavior("restricted/*", List.of("PEM")))));
        assertThat(model.function("UploadApiFunction").orElseThrow().environment())
                .containsEntry("MEDIA_SIGNING_KEY_PAIR_ID", "local-MediaSigningPublicKey")
                .containsKey("MEDIA_SIGNING_KEY_SECRET_ARN");
        assertThat(model.function("UploadApiFunction").orElseThrow().environment())
                .containsEntry("MEDIA_BASE_URL", "https://127.0.0.1:4567");
        assertThat(MODEL.function("UploadApiFunction").orElseThrow().environment().get("MEDIA_BASE_URL"))
                .as("without a stand-in the domain stays symbolic").endsWith(".unresolved.local");
    }

    @Test
    void ingest_realTemplate_stateMachineArnAndEventBridgeRouteResolved() {
        FunctionDef ingest = MODEL.function("IngestFunction").orElseThrow();

        assertThat(ingest.environment()).containsEntry("STATE_MACHINE_ARN",
                "arn:aws:states:us-east-1:000000000000:stateMachine:clipflow-dev-video-pipeline");
        EventSourceDef rule = ingest.events("EventBridgeRule").get(0);
        Map<?, ?> pattern = (Map<?, ?>) rule.properties().get("Pattern");
        assertThat(pattern.get("detail-type")).asList().containsExactly("Object Created");
        assertThat(((Map<?, ?>) ((Map<?, ?>) pattern.get("detail")).get("bucket")).get("name")).asList()
                .containsExactly("clipflow-local-uploadsbucket");
        assertThat(ingest.async()).isEqualTo(new dev.clipflow.local.runtime.template.AsyncInvokeConfig(2, 3600,
                MODEL.queues().stream().filter(q -> q.logicalId().equals("IngestDeadLetterQueue")).findFirst()
                        .orElseThrow().arn()));
        assertThat(MODEL.function("PublishFunction").orElseThrow().async())
                .isEqualTo(dev.clipflow.local.runtime.template.AsyncInvokeConfig.DEFAULT);
    }

    @Test
    void environment_resourceWithoutLocalCounterpart_symbolicHostNotAPlaceholder() {
        assertThat(MODEL.function("UploadApiFunction").orElseThrow().environment().get("MEDIA_BASE_URL"))
                .isEqualTo("https://mediadistribution-domainname.unresolved.local");
        assertThat(MODEL.functions()).allSatisfy(f -> assertThat(f.environment().values()).noneMatch(
                v -> v.contains("${")));
    }

    @Test
    void secrets_realTemplate_cursorKeyGeneratedLocallyAndOnlyItsArnInTheEnvironment() {
        SecretDef cursor = MODEL.secrets().stream().filter(s -> s.logicalId().equals("CursorSecret")).findFirst()
                .orElseThrow();
        String key = cursor.value(new java.security.SecureRandom());

        assertThat(cursor.name()).isEqualTo("clipflow-local-CursorSecret");
        assertThat(key).matches("[A-Za-z0-9]{48}").isNotEqualTo(cursor.value(new java.security.SecureRandom()));
        assertThat(MODEL.function("SocialApiFunction").orElseThrow().environment())
                .containsEntry("CURSOR_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:"
                        + "clipflow-local-CursorSecret")
                .doesNotContainKey("CURSOR_SECRET");
        assertThat(MODEL.functions()).allSatisfy(f -> assertThat(f.environment().values())
                .noneMatch(v -> v.contains("resolve:") || v.equals(key)));
    }

    @Test
    void secrets_literalNameAndJsonTemplate(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, """
                Resources:
                  Plain:
                    Type: AWS::SecretsManager::Secret
                    Properties: {Name: my/plain, SecretString: literal-value}
                  Db:
                    Type: AWS::SecretsManager::Secret
                    Properties:
                      GenerateSecretString:
                        SecretStringTemplate: '{"username": "app"}'
                        GenerateStringKey: password
                        PasswordLength: 12
                        ExcludeCharacters: '"@/\\'
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: x.zip
                      Handler: a.B::handleRequest
                      Environment:
                        Variables:
                          PLAIN: !Ref Plain
                          DB: !Ref Db
                """);
        TemplateModel model = TemplateModel.load(t);

        assertThat(model.function("Fn").orElseThrow().environment())
                .containsEntry("PLAIN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:my/plain")
                .containsEntry("DB", "arn:aws:secretsmanager:us-east-1:000000000000:secret:clipflow-local-Db");
        assertThat(model.secrets().get(0).value(new java.security.SecureRandom())).isEqualTo("literal-value");
        assertThat(model.secrets().get(1).value(new java.security.SecureRandom()))
                .matches("\\{\"username\": \"app\",\"password\":\"[^\"@/\\\\]{12}\"}");
    }

    @Test
    void buckets_realTemplate_uploadsSendToEventBridge() {
        assertThat(MODEL.bucket("UploadsBucket").orElseThrow().eventBridgeEnabled()).isTrue();
        assertThat(MODEL.bucket("MediaBucket").orElseThrow().name()).isEqualTo("clipflow-local-mediabucket");
    }

    @Test
    void tables_realTemplate_keysIndexesAndTtl() {
        TableDef videos = MODEL.tables().stream().filter(t -> t.logicalId().equals("VideosTable")).findFirst()
                .orElseThrow();
        assertThat(videos.keySchema()).containsExactly(new TableDef.Key("videoId", "HASH"));
        assertThat(videos.globalIndexes()).hasSize(2).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("byChannel");
            assertThat(i.keySchema()).containsExactly(new TableDef.Key("channelId", "HASH"),
                    new TableDef.Key("createdAt", "RANGE"));
        }).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("bySweepQueue");
            assertThat(i.keySchema()).containsExactly(new TableDef.Key("sweepQueue", "HASH"),
                    new TableDef.Key("updatedAt", "RANGE"));
            assertThat(i.projection()).isEqualTo("KEYS_ONLY");
        });
        TableDef channels = MODEL.tables().stream().filter(t -> t.logicalId().equals("ChannelsTable")).findFirst()
                .orElseThrow();
        assertThat(channels.ttlAttribute()).isEqualTo("expiresAt");
    }

    /** The WebSocket API has no local counterpart; its table and functions are in the local stack all the same. */
    @Test
    void live_realTemplate_connectionsTableAndThreeFunctionsOfOneZip_webSocketApiSymbolic() {
        TableDef live = MODEL.tables().stream().filter(t -> t.logicalId().equals("LiveConnectionsTable")).findFirst()
                .orElseThrow();
        assertThat(live.keySchema()).containsExactly(new TableDef.Key("connectionId", "HASH"));
        assertThat(live.ttlAttribute()).isEqualTo("expiresAt");
        assertThat(live.globalIndexes()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("byOwner");
            assertThat(i.keySchema()).containsExactly(new TableDef.Key("ownerId", "HASH"),
                    new TableDef.Key("connectionId", "RANGE"));
            assertThat(i.projection()).isEqualTo("INCLUDE");
            assertThat(i.nonKeyAttributes()).containsExactly("expiresAt");
        });
        for (String id : new String[] {"LiveAuthorizerFunction", "LiveConnectionsFunction", "LiveNotifierFunction"}) {
            assertThat(MODEL.function(id).orElseThrow().codeUri())
                    .isEqualTo(RepoRoot.get().resolve("functions/live/target/live.zip"));
        }
        FunctionDef notifier = MODEL.function("LiveNotifierFunction").orElseThrow();
        assertThat(notifier.environment().get("LIVE_CONNECTIONS_TABLE")).isEqualTo(live.name());
        assertThat(notifier.environment().get("LIVE_API_ENDPOINT")).contains("unresolved.local").doesNotContain("${");
        assertThat(notifier.events("EventBridgeRule")).singleElement()
                .satisfies(e -> assertThat(e.properties().get("Pattern")).isEqualTo(Map.of("source",
                        java.util.List.of("clipflow.videos"))));
    }

    @Test
    void queues_realTemplate_deadLetterQueuePresent() {
        assertThat(MODEL.queues()).extracting(QueueDef::logicalId).contains("IngestDeadLetterQueue");
    }

    @Test
    void stateMachine_realTemplate_substitutedWithLocalAliasArnsAndValid() {
        StateMachineDef sm = MODEL.stateMachine();

        assertThat(sm.name()).isEqualTo("clipflow-dev-video-pipeline");
        assertThat(sm.substitutions()).containsEntry("ProbeFunctionArn",
                "arn:aws:lambda:us-east-1:000000000000:function:ProbeFunction:live");
        assertThat(sm.definition()).doesNotContainPattern("\\$\\{[A-Za-z]").contains("function:TranscodeFunction:live");
        assertThat(DefinitionParser.parse(sm.definition()).valid()).isTrue();
    }

    @Test
    void rules_realTemplate_theEditRuleTargetsItsQueue_samFunctionRulesAreNotRules() {
        assertThat(MODEL.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.logicalId()).isEqualTo("VideoEditedRule");
            assertThat(rule.busName()).isEqualTo(MODEL.eventBuses().getFirst());
            assertThat(rule.queueArns()).containsExactly(MODEL.queues().stream()
                    .filter(q -> q.logicalId().equals("RelatedReindexQueue")).findFirst().orElseThrow().arn());
            assertThat(rule.pattern().keySet().stream().map(String::valueOf).toList())
                    .containsExactlyInAnyOrder("source", "detail-type", "detail");
        });
    }

    @Test
    void rules_disabledOrWithoutAQueueTarget_areLeftOut(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, """
                Resources:
                  Bus: {Type: AWS::Events::EventBus, Properties: {Name: b}}
                  Q: {Type: AWS::SQS::Queue}
                  Routed:
                    Type: AWS::Events::Rule
                    Properties:
                      EventBusName: !GetAtt Bus.Arn
                      EventPattern: {source: [x]}
                      Targets: [{Id: q, Arn: !GetAtt Q.Arn}, {Id: t, Arn: arn:aws:sns:us-east-1:1:t}]
                  Off:
                    Type: AWS::Events::Rule
                    Properties: {State: DISABLED, EventPattern: {source: [x]}, Targets: [{Id: q, Arn: !GetAtt Q.Arn}]}
                  Elsewhere:
                    Type: AWS::Events::Rule
                    Properties: {EventPattern: {source: [x]}, Targets: [{Id: t, Arn: arn:aws:sns:us-east-1:1:t}]}
                """);

        assertThat(TemplateModel.load(t).rules()).singleElement().satisfies(rule -> {
            assertThat(rule.logicalId()).isEqualTo("Routed");
            assertThat(rule.busName()).isEqualTo("b");
            assertThat(rule.queueArns()).containsExactly("arn:aws:sqs:us-east-1:000000000000:clipflow-local-Q");
        });
    }

    @Test
    void load_shortFormTags_allParseAndUnknownOnesStaySymbolic(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, """
                Parameters:
                  Stage: {Type: String, Default: qa}
                Conditions:
                  IsQa: !Equals [!Ref Stage, qa]
                  NotQa: !Not [!Condition IsQa]
                  Both: !And [!Condition IsQa, !Or [!Condition NotQa, !Equals [a, a]]]
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: x.zip
                      Handler: a.B::handleRequest
                      Environment:
                        Variables:
                          A: !If [Both, !Join ["-", [x, !Select [1, !Split [",", "p,q,r"]]]], no]
                          B: !Sub ["${Stage}-${V}-${!Literal}-${AWS::Region}", {V: !GetAtt Q.QueueName}]
                          C: !ImportValue other-stack-export
                          D: !Base64 hi
                          E: !If [NotQa, gone, !Ref AWS::NoValue]
                          F: !GetAtt Q.Arn
                """);
        Map<String, String> env = TemplateModel.load(t).function("Fn").orElseThrow().environment();

        assertThat(env).containsEntry("A", "x-q")
                .containsEntry("B", "qa-clipflow-local-Q-${Literal}-us-east-1")
                .containsEntry("D", "aGk=")
                .containsEntry("F", "arn:aws:sqs:us-east-1:000000000000:clipflow-local-Q")
                .doesNotContainKey("E");
        assertThat(env.get("C")).isEqualTo("importvalue-other-stack-export.unresolved.local");
    }

    @Test
    void load_notYaml_namedError(@TempDir Path dir) throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), "a: [unclosed");
        assertThatThrownBy(() -> TemplateModel.load(t)).isInstanceOf(TemplateInvalidException.class);
    }
}
