package dev.clipflow.local.runtime.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clipflow.local.runtime.LocalClipflow;
import dev.clipflow.local.runtime.RepoRoot;
import dev.clipflow.local.runtime.TemplateCopies;
import dev.clipflow.local.runtime.function.FunctionResult;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.local.runtime.template.TemplateModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Generated from the template: for every function, the first call it makes with its sample event (from
 * {@code events/}) on the real template is found in the access log; then a copy of the template without that
 * action in the function's role (inline statements edited, a SAM policy template granting it dropped) makes the
 * same invocation fail with AccessDenied naming that action — so every permission the function's first step needs
 * is enforced, and the template grants it. The state machine's role likewise: the first call an execution makes with
 * {@code events/probe.json} as its input, removed, fails the execution with AccessDenied naming that action.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamRemovalIT {

    /** Functions whose sample event is not {@code events/<folder>.json}. */
    private static final Map<String, String> EVENTS = Map.of("IngestFunction", "ingest-eventbridge.json",
            "SweeperFunction", "sweeper-scheduled.json", "UploadApiFunction", "api-create-channel.json",
            "SocialApiFunction", "social-subscribe.json", "LiveConnectionsFunction", "live-connect.json",
            "LiveNotifierFunction", "live-notifier.json");
    /**
     * Functions left out, with the reason. The WebSocket authorizer makes no AWS call (it verifies the Cognito JWT
     * with the JDK and has no policy of its own, so there is nothing to remove), and its initialisation reads the
     * user pool's JWKS, which the local stack has no counterpart of.
     */
    private static final Map<String, String> NOT_CHECKED = Map.of("LiveAuthorizerFunction",
            "no AWS call and no policy of its own; its JWKS has no local counterpart (events/live-authorize.json)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root = RepoRoot.get();
    private final Path cache = root.resolve("local/runtime/target/function-cache");
    private final TemplateModel model = TemplateModel.load(root.resolve("template.yaml"));
    private final Map<String, AccessRequest> firstCall = new LinkedHashMap<>();
    private final List<String> baselineDenials = new ArrayList<>();
    private String stateMachine;
    private AccessRequest stateMachineFirstCall;

    Stream<String> functions() {
        return model.functions().stream().map(FunctionDef::logicalId).filter(f -> !NOT_CHECKED.containsKey(f));
    }

    private Path event(String function) {
        String folder = model.function(function).orElseThrow().codeUri().getParent().getParent().getFileName()
                .toString();
        return root.resolve("events").resolve(EVENTS.getOrDefault(function, folder + ".json"));
    }

    @BeforeAll
    void baseline() throws Exception {
        try (LocalClipflow stack = LocalClipflow.start(root.resolve("template.yaml"), cache)) {
            for (FunctionDef f : model.functions()) {
                if (NOT_CHECKED.containsKey(f.logicalId())) {
                    System.err.println("IamRemovalIT: not checked " + f.logicalId() + ": " + NOT_CHECKED.get(
                            f.logicalId()));
                    continue;
                }
                assertThat(event(f.logicalId())).as("a sample event for " + f.logicalId()).isRegularFile();
                int before = stack.accessLog().size();
                invoke(stack, f.logicalId());
                List<AccessLog.Entry> made = stack.accessLog().subList(before, stack.accessLog().size()).stream()
                        .filter(e -> e.role().owner().equals(f.logicalId())).toList();
                made.stream().filter(e -> e.decision() == Decision.ALLOW).findFirst()
                        .ifPresent(e -> firstCall.put(f.logicalId(), e.request()));
                made.stream().filter(e -> e.decision() != Decision.ALLOW).forEach(e -> baselineDenials.add(
                        new Denial(e.role(), e.request(), e.decision()).message()));
            }
            stateMachine = stack.template().stateMachine().logicalId();
            int before = stack.accessLog().size();
            runExecution(stack);
            stateMachineFirstCall = stack.accessLog().subList(before, stack.accessLog().size()).stream()
                    .filter(e -> e.role().owner().equals(stateMachine) && e.decision() == Decision.ALLOW)
                    .map(AccessLog.Entry::request).findFirst().orElse(null);
        }
        System.err.println("IamRemovalIT: first calls " + firstCall + "; denials with the sample events: "
                + baselineDenials);
    }

    @AfterAll
    void report() {
        System.err.println("IamRemovalIT: done");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void withoutItsFirstCallsAction_theInvocationFailsWithAccessDeniedNamingIt(String function) throws Exception {
        AccessRequest call = firstCall.get(function);
        Assumptions.assumeTrue(call != null, function + " made no AWS call with " + event(function));
        Path copy = templateWithout(function, call.action());
        assertThat(TemplateModel.load(copy).role(function).orElseThrow().decide(call))
                .as("the copy no longer grants " + call).isNotEqualTo(Decision.ALLOW);

        try (LocalClipflow stack = LocalClipflow.start(copy, cache)) {
            boolean failed = invoke(stack, function);

            assertThat(stack.accessLog()).anySatisfy(e -> {
                assertThat(e.role().owner()).isEqualTo(function);
                assertThat(e.request().action()).isEqualTo(call.action());
                assertThat(e.decision()).isEqualTo(Decision.IMPLICIT_DENY);
            });
            assertThat(failed).as(function + " fails without " + call.action()).isTrue();
        }
    }

    @Test
    void stateMachineWithoutItsFirstCallsAction_theExecutionFailsWithAccessDeniedNamingIt() throws Exception {
        assertThat(stateMachineFirstCall).as("the state machine's first call with events/probe.json").isNotNull();
        Path copy = templateWithout(stateMachine, stateMachineFirstCall.action());
        assertThat(TemplateModel.load(copy).role(stateMachine).orElseThrow().decide(stateMachineFirstCall))
                .as("the copy no longer grants " + stateMachineFirstCall).isNotEqualTo(Decision.ALLOW);

        try (LocalClipflow stack = LocalClipflow.start(copy, cache)) {
            SfnClient sfn = stack.clients().sfn();
            String arn = startExecution(stack);
            // The pipeline retries Lambda errors with backoff before its Catch: the first failed task is enough.
            HistoryEvent failed = null;
            for (long deadline = System.nanoTime() + 60_000_000_000L; failed == null && System.nanoTime() < deadline;
                    Thread.sleep(100)) {
                failed = sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(1000)).events().stream()
                        .filter(h -> h.taskFailedEventDetails() != null).findFirst().orElse(null);
            }
            sfn.stopExecution(r -> r.executionArn(arn));

            assertThat(stack.accessLog()).anySatisfy(e -> {
                assertThat(e.role().owner()).isEqualTo(stateMachine);
                assertThat(e.request()).isEqualTo(stateMachineFirstCall);
                assertThat(e.decision()).isEqualTo(Decision.IMPLICIT_DENY);
            });
            assertThat(failed).as("a failed task in " + arn).isNotNull();
            assertThat(failed.taskFailedEventDetails().error()).isEqualTo("Lambda.AWSLambdaException");
            assertThat(failed.taskFailedEventDetails().cause()).contains("AccessDeniedException",
                    stateMachineFirstCall.action() + " on resource: " + stateMachineFirstCall.resource());
        }
    }

    private String startExecution(LocalClipflow stack) throws Exception {
        String input = Files.readString(root.resolve("events/probe.json")).replace("clipflow-uploads-example",
                stack.template().bucket("UploadsBucket").orElseThrow().name());
        return stack.clients().sfn().startExecution(r -> r.stateMachineArn(stack.template().stateMachine().arn())
                .input(input)).executionArn();
    }

    /** One execution of the template's state machine with {@code events/probe.json}, awaited for up to a minute. */
    private void runExecution(LocalClipflow stack) throws Exception {
        SfnClient sfn = stack.clients().sfn();
        String arn = startExecution(stack);
        long deadline = System.nanoTime() + 60_000_000_000L;
        DescribeExecutionResponse d = sfn.describeExecution(r -> r.executionArn(arn));
        while (d.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
            d = sfn.describeExecution(r -> r.executionArn(arn));
        }
        assertThat(d.status()).as("execution " + arn + " ended").isNotEqualTo(ExecutionStatus.RUNNING);
    }

    /**
     * Invokes with the sample event (its example uploads bucket made the stack's); whether it failed: a function
     * error, a failed init, an HTTP 5xx answer or SQS batch item failures.
     */
    private boolean invoke(LocalClipflow stack, String function) throws Exception {
        JsonNode event = JSON.readTree(Files.readString(event(function)).replace("clipflow-uploads-example",
                stack.template().bucket("UploadsBucket").orElseThrow().name()));
        try {
            FunctionResult r = stack.invoke(function, event);
            if (r.failed()) {
                return true;
            }
            JsonNode payload = r.payload() == null || r.payload().length == 0 ? null : JSON.readTree(r.payload());
            return payload != null && (payload.path("statusCode").asInt(200) >= 500
                    || !payload.path("batchItemFailures").isEmpty());
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** A JSON copy of the template without {@code action} in the role of {@code function}. */
    @SuppressWarnings("unchecked")
    private Path templateWithout(String function, String action) throws Exception {
        Map<String, Object> template = TemplateCopies.read(root);
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources.get(function))
                .get("Properties");
        List<Object> kept = new ArrayList<>();
        for (Object entry : (List<Object>) props.get("Policies")) {
            Map<String, Object> m = (Map<String, Object>) entry;
            if (m.containsKey("Statement")) {
                List<Object> statements = new ArrayList<>();
                Object s = m.get("Statement");
                for (Object st : s instanceof List<?> l ? l : List.of(s)) {
                    Map<String, Object> statement = new LinkedHashMap<>((Map<String, Object>) st);
                    Object a = statement.get("Action");
                    List<Object> actions = new ArrayList<>(a instanceof List<?> l ? l : List.of(a));
                    actions.removeIf(x -> String.valueOf(x).equalsIgnoreCase(action));
                    if (!actions.isEmpty()) {
                        statement.put("Action", actions);
                        statements.add(statement);
                    }
                }
                if (!statements.isEmpty()) {
                    kept.add(Map.of("Statement", statements));
                }
            } else {
                String name = m.keySet().iterator().next();
                Object params = m.get(name);
                Map<String, Object> p = params instanceof Map<?, ?> pm ? (Map<String, Object>) pm : Map.of();
                boolean grants = PolicyTemplates.published().expand(name, p).stream().anyMatch(st -> String.valueOf(
                        ((Map<?, ?>) st).get("Action")).toLowerCase(Locale.ROOT).contains(action.toLowerCase(
                        Locale.ROOT)));
                if (!grants) {
                    kept.add(entry);
                }
            }
        }
        props.put("Policies", kept);
        return TemplateCopies.write(template, root.resolve("local/runtime/target/iam-removal")
                .resolve(function + "-without-" + action.replace(':', '-') + ".json"));
    }
}
