package dev.clipflow.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.local.asl.eval.ScaledClock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaFunction;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.local.runtime.api.HttpRoutes;
import dev.clipflow.local.runtime.cdn.LocalCloudFront;
import dev.clipflow.local.runtime.cdn.MediaServer;
import dev.clipflow.local.runtime.eventbridge.BusRules;
import dev.clipflow.local.runtime.eventbridge.LocalEventBus;
import dev.clipflow.local.runtime.eventbridge.ScheduledEvents;
import dev.clipflow.local.runtime.function.AsyncInvoker;
import dev.clipflow.local.runtime.function.FunctionHost;
import dev.clipflow.local.runtime.function.FunctionResult;
import dev.clipflow.local.runtime.function.LocalFunctions;
import dev.clipflow.local.runtime.iam.AccessLog;
import dev.clipflow.local.runtime.iam.JsonProtocolProxy;
import dev.clipflow.local.runtime.iam.JsonRequests;
import dev.clipflow.local.runtime.iam.Principals;
import dev.clipflow.local.runtime.iam.Role;
import dev.clipflow.local.runtime.iam.S3Authorizer;
import dev.clipflow.local.runtime.iam.StateMachineAuthorizer;
import dev.clipflow.local.runtime.integrations.EmulatorDynamoDb;
import dev.clipflow.local.runtime.integrations.EmulatorEvents;
import dev.clipflow.local.runtime.integrations.EmulatorSqs;
import dev.clipflow.local.runtime.integrations.LocalMetrics;
import dev.clipflow.local.runtime.s3.ObjectCreatedRouter;
import dev.clipflow.local.runtime.s3.S3Cors;
import dev.clipflow.local.runtime.s3.S3EventProxy;
import dev.clipflow.local.runtime.s3.S3Gate;
import dev.clipflow.local.runtime.sfn.LocalStepFunctions;
import dev.clipflow.local.runtime.sfn.SfnEndpoint;
import dev.clipflow.local.runtime.sqs.SqsEventSource;
import dev.clipflow.local.runtime.sqs.SqsMappings;
import dev.clipflow.local.runtime.template.BucketDef;
import dev.clipflow.local.runtime.template.LocalAws;
import dev.clipflow.local.runtime.template.StateMachineDef;
import dev.clipflow.local.runtime.template.TemplateModel;
import dev.clipflow.testing.Emulators;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The whole stack on one machine, built from {@code template.yaml}: the emulators (S3Proxy, ElasticMQ,
 * Dynoxide, a minimal Secrets Manager) with the template's buckets, tables, queues and secrets (generated values
 * generated at start); the Step Functions endpoint with the template's state machine (its
 * DefinitionSubstitutions resolved to local function ARNs; its DynamoDB and SQS tasks against the emulators);
 * every function hosted from its own zip ({@link LocalFunctions}); and the template's event sources: S3 "object
 * created" (the public S3 endpoint is an {@link S3EventProxy} in front of S3Proxy, so every write — presigned PUTs
 * from curl included — emits the event), the template's EventBridge buses ({@link LocalEventBus}) and their rules'
 * SQS targets ({@link BusRules}), SQS queues ({@link SqsEventSource}) and schedules ({@link ScheduledEvents}).
 *
 * <p>The constructor builds the parts in dependency order, each complete when built; the compiler checks that no
 * part is used before it exists. One cycle is in the nature of the stack: the functions' environment names the
 * S3 and Step Functions endpoints, and those deliver work back to the functions (object-created events, task
 * invocations). It is broken by address: those ports are bound first ({@link Loopback}), the functions are built
 * with their addresses, then the endpoints start serving on them. Everything started is closed in reverse order.
 * Not named LocalStack, to avoid confusion with the product.
 */
public final class LocalClipflow implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final TemplateModel template;
    private final Principals principals;
    private final LocalEventBus eventBus;
    private final LocalCloudFront cloudFront;
    private final Map<String, String> config;
    private final AwsClients clients;
    private final LocalFunctions functions;
    private final LocalMetrics metrics = new LocalMetrics();
    private final SfnEndpoint sfnEndpoint;
    private final AsyncInvoker asyncInvoker;
    private final ObjectCreatedRouter objectEvents;
    private final Optional<MediaServer> media;
    private final ScheduledEvents scheduledEvents;
    private final List<SqsEventSource> sqsSources;
    private final HttpRoutes routes;

    /** Starts the stack described by {@code templateFile} with real time (clock speed 1) and IAM enforced. */
    public static LocalClipflow start(Path templateFile, Path cacheDir) {
        return start(templateFile, cacheDir, 1.0);
    }

    /** Starts the stack described by {@code templateFile} with IAM enforced. */
    public static LocalClipflow start(Path templateFile, Path cacheDir, double clockSpeed) {
        return start(templateFile, cacheDir, clockSpeed, true);
    }

    /**
     * Starts the stack described by {@code templateFile}.
     *
     * @param cacheDir where function zips are extracted
     * @param clockSpeed how much faster than real time the state machine's Wait states and Retry intervals pass
     * @param iam enforce the template's roles: each function (and the state machine) calls the endpoints with
     *            its own key, and a call its role does not allow fails with the service's AccessDenied error
     *            ({@code dev.clipflow.local.runtime.iam}); the stack's own key (tests, CLI) is not restricted
     */
    public static LocalClipflow start(Path templateFile, Path cacheDir, double clockSpeed, boolean iam) {
        return new LocalClipflow(templateFile, cacheDir, clockSpeed, iam);
    }

    private LocalClipflow(Path templateFile, Path cacheDir, double clockSpeed, boolean iam) {
        Emulators emulators = Emulators.start();
        started.push(emulators::stop);
        try {
            // The ports first, unserved. The template names the CDN stand-in's host (the distribution's DomainName);
            // the functions' environment names the S3 and Step Functions endpoints. An unserved port is released
            // with the stack; the server later started on it stops it again at close, which is harmless.
            HttpServer mediaPort = Loopback.http("the CloudFront stand-in");
            started.push(() -> mediaPort.stop(0));
            ServerSocket s3Port = Loopback.socket("the S3 endpoint");
            started.push(s3Port);
            HttpServer sfnPort = Loopback.http("the Step Functions endpoint");
            started.push(() -> sfnPort.stop(0));

            LocalSigningKeys signingKeys = LocalSigningKeys.generate();
            template = TemplateModel.load(templateFile, new LocalAws("clipflow-local",
                    emulators.sqsEndpoint().toString(), Loopback.host(mediaPort)), signingKeys.parameters());
            principals = iam ? new Principals(Emulators.ACCESS_KEY, template.roles()) : null;

            // The template's resources, created on the emulators themselves before any endpoint serves.
            AwsClients emulatorClients = new AwsClients(emulators.lookup());
            Provisioner.buckets(template, emulatorClients.s3());
            Provisioner.tables(template, emulatorClients.dynamoDb());
            Provisioner.secrets(template, emulatorClients.secretsManager(), signingKeys.secretValues());
            Map<String, String> queueUrls = Provisioner.queues(template, emulatorClients.sqs());

            eventBus = started(LocalEventBus.start(template.eventBuses()));
            cloudFront = started(LocalCloudFront.start());
            Map<String, String> endpoints = new LinkedHashMap<>(emulators.config());
            endpoints.put("AWS_ENDPOINT_URL_S3", Loopback.url(s3Port));
            endpoints.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventBus.endpoint().toString());
            endpoints.put("AWS_ENDPOINT_URL_CLOUDFRONT", cloudFront.endpoint().toString());
            endpoints.put("AWS_ENDPOINT_URL_SFN", Loopback.url(sfnPort));
            if (iam) {
                gate(endpoints, "AWS_ENDPOINT_URL_DYNAMODB", JsonRequests.Service.DYNAMODB);
                gate(endpoints, "AWS_ENDPOINT_URL_SQS", JsonRequests.Service.SQS);
                gate(endpoints, "AWS_ENDPOINT_URL_SECRETS_MANAGER", JsonRequests.Service.SECRETS_MANAGER);
                gate(endpoints, "AWS_ENDPOINT_URL_EVENTBRIDGE", JsonRequests.Service.EVENTS);
                gate(endpoints, "AWS_ENDPOINT_URL_SFN", JsonRequests.Service.STATES);
            }
            config = Map.copyOf(endpoints);
            clients = new AwsClients(config::get);
            functions = started(new LocalFunctions(template, config, accessKeyIds(template, principals), cacheDir));

            // What delivers work to the functions, now that they exist.
            LocalStepFunctions sfn = new LocalStepFunctions(stateMachineTasks(template, config, functions,
                    principals, metrics), new ScaledClock(clockSpeed));
            sfnEndpoint = started(SfnEndpoint.start(sfnPort, sfn));
            for (StateMachineDef sm : template.stateMachines()) {
                sfn.createStateMachine(Json.object().put("name", sm.name()).put("definition", sm.definition())
                        .put("type", sm.type()).put("roleArn", "arn:aws:iam::" + LocalAws.ACCOUNT + ":role/local"));
            }
            asyncInvoker = started(new AsyncInvoker(template, queueUrls, clients.sqs(), functions::invoke,
                    clockSpeed, System.err));
            BusRules.start(template, eventBus, queueUrls, clients.sqs(), System.err);
            objectEvents = new ObjectCreatedRouter(template, clients.s3(), functions::invoke, asyncInvoker);
            started(S3EventProxy.start(s3Port, emulators.s3Endpoint(), objectEvents,
                    iam ? new S3Authorizer(principals) : S3Gate.OPEN, new S3Cors(template.buckets().stream()
                            .collect(Collectors.toMap(BucketDef::name, BucketDef::cors)))));
            media = template.distributions().stream().filter(d -> d.originBucket() != null).findFirst()
                    .map(d -> started(MediaServer.start(mediaPort, template.bucket(d.originBucket()).orElseThrow()
                            .name(), clients.s3(), d.signed())));
            scheduledEvents = started(ScheduledEvents.start(template, asyncInvoker, clockSpeed, System.err));
            sqsSources = SqsMappings.start(template, queueUrls, clients.sqs(), functions::invoke);
            sqsSources.forEach(this::started);
            routes = HttpRoutes.from(template.functions());
        } catch (RuntimeException e) {
            closeAll(e);
            throw e;
        }
    }

    private <T extends AutoCloseable> T started(T part) {
        started.push(part);
        return part;
    }

    /** Puts an authorising endpoint in front of the one {@code endpoints} names, and names it there instead. */
    private void gate(Map<String, String> endpoints, String name, JsonRequests.Service service) {
        JsonProtocolProxy gate = started(JsonProtocolProxy.start(service, URI.create(endpoints.get(name)),
                principals));
        endpoints.put(name, gate.endpoint().toString());
    }

    /** The access key id each role's owner (a function's logical id) signs with; none without IAM enforcement. */
    private static Map<String, String> accessKeyIds(TemplateModel template, Principals principals) {
        return principals == null ? Map.of() : template.roles().stream()
                .collect(Collectors.toMap(Role::owner, Principals::accessKeyId));
    }

    /**
     * The state machines' tasks. Each machine's run with its own role (signed with its key, authorised by its
     * policies): the engine is shared, so a task is dispatched by the machine named in its context object. A
     * machine created through the API rather than the template (a test's, {@code ./clipflow execute}'s) runs its
     * tasks as the template's main state machine: locally there are no roles but the template's.
     */
    private static TaskInvoker stateMachineTasks(TemplateModel template, Map<String, String> config,
                                                 LocalFunctions functions, Principals principals,
                                                 LocalMetrics metrics) {
        Map<String, TaskInvoker> machineTasks = new HashMap<>();
        for (StateMachineDef sm : template.stateMachines()) {
            Optional<Role> machineRole = principals == null ? Optional.empty() : template.role(sm.logicalId());
            Map<String, String> machineConfig = new LinkedHashMap<>(config);
            machineRole.ifPresent(r -> machineConfig.put("AWS_ACCESS_KEY_ID", Principals.accessKeyId(r)));
            TaskInvoker invoker = new IntegrationTaskInvoker(functions::lambda, new EmulatorDynamoDb(machineConfig),
                    new EmulatorSqs(machineConfig), new EmulatorEvents(machineConfig), metrics);
            if (machineRole.isPresent()) {
                invoker = new StateMachineAuthorizer(principals, machineRole.get(), invoker);
            }
            machineTasks.put(sm.name(), invoker);
        }
        TaskInvoker mainTasks = template.stateMachines().isEmpty() ? null
                : machineTasks.get(template.stateMachine().name());
        return request -> {
            TaskInvoker invoker = machineTasks.getOrDefault(machineName(request.context()), mainTasks);
            if (invoker == null) {
                throw new IllegalStateException("No state machine in the template to run the tasks of "
                        + machineName(request.context()) + " as");
            }
            return invoker.invoke(request);
        };
    }

    /**
     * The name of the state machine a task runs in, from the context object's {@code StateMachine.Id}
     * ({@code ...:stateMachine:<name>}, or {@code <name>/<label>} for a Distributed Map's child executions).
     */
    static String machineName(JsonNode context) {
        String id = context.path("StateMachine").path("Id").asText("");
        String name = id.substring(id.indexOf(":stateMachine:") + ":stateMachine:".length());
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** Whether the template's roles are enforced (see {@link #start(Path, Path, double, boolean)}). */
    public boolean iam() {
        return principals != null;
    }

    /** The authorisations the endpoints made (empty without IAM enforcement). */
    public List<AccessLog.Entry> accessLog() {
        return principals == null ? List.of() : principals.log().entries();
    }

    /** The access key id a function's (or the state machine's) role signs with; empty without IAM enforcement. */
    public Optional<String> accessKeyId(String owner) {
        return principals == null ? Optional.empty() : principals.role(owner).map(Principals::accessKeyId);
    }

    public TemplateModel template() {
        return template;
    }

    /** Clients for the local stack (S3, DynamoDB, SQS, Step Functions, Secrets Manager). */
    public AwsClients clients() {
        return clients;
    }

    /** The CloudWatch data points the state machine's tasks put (there is no local CloudWatch to send them to). */
    public LocalMetrics metrics() {
        return metrics;
    }

    /** Endpoints, credentials and region of the local stack, as {@code AWS_*} variables. */
    public Map<String, String> config() {
        return config;
    }

    /** Makes the local CloudFront API answer the next {@code n} requests 503 (tests of the deletion's Retry). */
    public void failNextCdnInvalidations(int n) {
        cloudFront.failNext(n);
    }

    /** The CDN invalidations the stack asked for (distribution id, caller reference, paths), oldest first. */
    public List<List<String>> cdnInvalidations() {
        return cloudFront.invalidations().stream().map(i -> {
            List<String> row = new ArrayList<>(List.of(i.distributionId(), i.callerReference()));
            row.addAll(i.paths());
            return List.copyOf(row);
        }).toList();
    }

    /**
     * The CloudFront stand-in's URL and the bucket it serves (the distribution's origin); empty when the template
     * has no distribution with an S3 origin.
     */
    public Optional<Map.Entry<URI, String>> media() {
        return media.map(m -> Map.entry(m.url(), m.bucket()));
    }

    /** The template's event buses: the events the functions published, and subscriptions to them. */
    public LocalEventBus eventBus() {
        return eventBus;
    }

    public SfnEndpoint stepFunctions() {
        return sfnEndpoint;
    }

    public HttpRoutes routes() {
        return routes;
    }

    /** The running {@code Type: Schedule} events, with their period here (the template's over the clock speed). */
    List<ScheduledEvents.Schedule> schedules() {
        return scheduledEvents.schedules();
    }

    /** The running SQS event sources (one per {@code Type: SQS} event of the template). */
    public List<SqsEventSource> sqsEventSources() {
        return List.copyOf(sqsSources);
    }

    /**
     * The host of a function, created on first use. Empty when the template has no such function.
     *
     * @throws dev.clipflow.local.runtime.function.FunctionArtifactMissingException when its zip was not built
     */
    public Optional<FunctionHost> host(String name) {
        return functions.host(name);
    }

    /** The engine's view of a function: a function whose zip is missing answers Lambda's not-found error. */
    Optional<LambdaFunction> lambda(String name) {
        return functions.lambda(name);
    }

    /** As {@link LocalFunctions#warmUp}. */
    public CompletableFuture<Void> warmUp(int parallelism, boolean yieldToInvocations) {
        return functions.warmUp(parallelism, yieldToInvocations);
    }

    /** Invokes a function synchronously (RequestResponse), as {@code sam local invoke} does. */
    public FunctionResult invoke(String function, JsonNode event) {
        return functions.invoke(function, event);
    }

    /**
     * Emits the "object created" event of an object in a bucket, synchronously, to whatever the template routes
     * it to (see {@link ObjectCreatedRouter}); returns each invocation's result. Writes through the stack's S3
     * endpoint emit it by themselves, asynchronously; this is for objects written some other way.
     */
    public List<FunctionResult> objectCreated(String bucket, String key) {
        return objectEvents.route(bucket, key, null);
    }

    /** Whether a function's artifact exists (it was built). */
    public boolean built(String function) {
        return functions.built(function);
    }

    /** Stops everything the stack started, the last started first, the emulators last. */
    @Override
    public void close() {
        closeAll(null);
    }

    private void closeAll(RuntimeException failure) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    System.err.println("closing the local stack: " + e);
                }
            }
        }
    }
}
