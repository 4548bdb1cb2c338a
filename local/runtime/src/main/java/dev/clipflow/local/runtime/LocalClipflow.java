package dev.clipflow.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.local.asl.eval.ScaledClock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaFunction;
import dev.clipflow.local.asl.task.LambdaResponse;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.local.runtime.events.HttpRoutes;
import dev.clipflow.local.runtime.events.LocalEventBus;
import dev.clipflow.local.runtime.events.S3Cors;
import dev.clipflow.local.runtime.events.S3EventProxy;
import dev.clipflow.local.runtime.events.S3Gate;
import dev.clipflow.local.runtime.events.SqsEventSource;
import dev.clipflow.local.runtime.function.FunctionArtifactMissingException;
import dev.clipflow.local.runtime.function.FunctionHost;
import dev.clipflow.local.runtime.function.FunctionResult;
import dev.clipflow.local.runtime.function.FunctionSpec;
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
import dev.clipflow.local.runtime.sfn.LocalStepFunctions;
import dev.clipflow.local.runtime.sfn.SfnEndpoint;
import dev.clipflow.local.runtime.template.FunctionDef;
import dev.clipflow.local.runtime.template.LocalAws;
import dev.clipflow.local.runtime.template.StateMachineDef;
import dev.clipflow.local.runtime.template.TemplateModel;
import dev.clipflow.testing.Emulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole stack on one machine, built from {@code template.yaml}: the emulators (S3Proxy, ElasticMQ,
 * Dynoxide, a minimal Secrets Manager) with the template's buckets, tables, queues and secrets (generated values
 * generated at start); the Step Functions endpoint with the template's state machine (its
 * DefinitionSubstitutions resolved to local function ARNs; its DynamoDB and SQS tasks against the emulators);
 * every function hosted from its own zip ({@link FunctionHost}); and the template's event sources: S3 "object
 * created" (the public S3 endpoint is an {@link S3EventProxy} in front of S3Proxy, so every write — presigned PUTs
 * from curl included — emits the event), the template's EventBridge buses ({@link LocalEventBus}) and their rules'
 * SQS targets ({@link BusRules}),
 * SQS queues ({@link SqsEventSource}) and schedules
 * ({@link ScheduledEvents}).
 * Not named LocalStack, to avoid confusion with the product.
 */
public final class LocalClipflow implements AutoCloseable {

    private final TemplateModel template;
    private final Emulators emulators;
    private final SfnEndpoint sfnEndpoint;
    private final S3EventProxy s3Proxy;
    private final MediaServer media;
    private final AwsClients clients;
    private final Map<String, String> functionConfig;
    private final Map<String, FunctionHost> hosts = new ConcurrentHashMap<>();
    private final Path cacheDir;
    private final Principals principals;
    private final List<AutoCloseable> iamEndpoints;
    private final HttpRoutes routes;
    private final ObjectCreatedRouter objectEvents;
    private final List<SqsEventSource> sqsSources = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LocalEventBus eventBus;
    private final LocalMetrics metrics;
    private final LocalCloudFront cloudFront;
    private AsyncInvoker asyncInvoker;
    private ScheduledEvents scheduledEvents;

    private LocalClipflow(TemplateModel template, Emulators emulators, SfnEndpoint sfnEndpoint, S3EventProxy s3Proxy,
                          MediaServer media, AwsClients clients, Map<String, String> functionConfig, Path cacheDir,
                          Principals principals, List<AutoCloseable> iamEndpoints, LocalEventBus eventBus,
                          LocalMetrics metrics, LocalCloudFront cloudFront) {
        this.cloudFront = cloudFront;
        this.eventBus = eventBus;
        this.metrics = metrics;
        this.template = template;
        this.emulators = emulators;
        this.sfnEndpoint = sfnEndpoint;
        this.s3Proxy = s3Proxy;
        this.media = media;
        this.clients = clients;
        this.functionConfig = functionConfig;
        this.cacheDir = cacheDir;
        this.principals = principals;
        this.iamEndpoints = iamEndpoints;
        this.routes = HttpRoutes.from(template.functions());
        this.objectEvents = new ObjectCreatedRouter(template, clients.s3(), this::invoke);
    }

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
        Emulators emulators = Emulators.start();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            MediaServer media = MediaServer.bind();
            started.add(media);
            LocalSigningKeys signingKeys = LocalSigningKeys.generate();
            TemplateModel template = TemplateModel.load(templateFile,
                    new LocalAws("clipflow-local", emulators.sqsEndpoint().toString(), media.host()),
                    signingKeys.parameters());
            LocalClipflow[] self = new LocalClipflow[1];
            Principals principals = iam ? new Principals(Emulators.ACCESS_KEY, template.roles()) : null;
            S3EventProxy proxy = S3EventProxy.start(emulators.s3Endpoint(), 0, (bucket, key, reason) -> {
                if (self[0] != null) {
                    self[0].objectWritten(bucket, key, reason);
                }
            }, iam ? new S3Authorizer(principals) : S3Gate.OPEN, new S3Cors(template.buckets().stream()
                    .collect(java.util.stream.Collectors.toMap(b -> b.name(), b -> b.cors()))));
            started.add(proxy);
            Map<String, String> config = new LinkedHashMap<>(emulators.config());
            config.put("AWS_ENDPOINT_URL_S3", proxy.endpoint().toString());
            LocalEventBus eventBus = LocalEventBus.start(template.eventBuses());
            started.add(eventBus);
            config.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventBus.endpoint().toString());
            LocalCloudFront cloudFront = LocalCloudFront.start();
            started.add(cloudFront);
            config.put("AWS_ENDPOINT_URL_CLOUDFRONT", cloudFront.endpoint().toString());
            List<AutoCloseable> iamEndpoints = new ArrayList<>();
            if (iam) {
                gate(config, "AWS_ENDPOINT_URL_DYNAMODB", JsonRequests.Service.DYNAMODB, principals, iamEndpoints);
                gate(config, "AWS_ENDPOINT_URL_SQS", JsonRequests.Service.SQS, principals, iamEndpoints);
                gate(config, "AWS_ENDPOINT_URL_SECRETS_MANAGER", JsonRequests.Service.SECRETS_MANAGER, principals,
                        iamEndpoints);
                gate(config, "AWS_ENDPOINT_URL_EVENTBRIDGE", JsonRequests.Service.EVENTS, principals, iamEndpoints);
                started.addAll(iamEndpoints);
            }
            // Each state machine's tasks run with its own role (signed with its key, authorised by its policies): the
            // engine is shared, so tasks are dispatched by the machine named in the context object.
            LocalMetrics metrics = new LocalMetrics();
            Map<String, TaskInvoker> machineTasks = new HashMap<>();
            for (StateMachineDef sm : template.stateMachines()) {
                Optional<Role> machineRole = iam ? template.role(sm.logicalId()) : Optional.empty();
                Map<String, String> machineConfig = new LinkedHashMap<>(config);
                machineRole.ifPresent(r -> machineConfig.put("AWS_ACCESS_KEY_ID", Principals.accessKeyId(r)));
                TaskInvoker invoker = new IntegrationTaskInvoker(
                        name -> Optional.ofNullable(self[0]).flatMap(s -> s.lambda(name)),
                        new EmulatorDynamoDb(machineConfig), new EmulatorSqs(machineConfig),
                        new EmulatorEvents(machineConfig), metrics);
                if (machineRole.isPresent()) {
                    invoker = new StateMachineAuthorizer(principals, machineRole.get(), invoker);
                }
                machineTasks.put(sm.name(), invoker);
            }
            // A machine created through the API rather than the template (a test's, `./clipflow execute`'s) runs its
            // tasks as the template's main state machine: locally there are no roles but the template's.
            TaskInvoker mainTasks = template.stateMachines().isEmpty() ? null
                    : machineTasks.get(template.stateMachine().name());
            TaskInvoker tasks = request -> {
                TaskInvoker invoker = machineTasks.getOrDefault(machineName(request.context()), mainTasks);
                if (invoker == null) {
                    throw new IllegalStateException("No state machine in the template to run the tasks of "
                            + machineName(request.context()) + " as");
                }
                return invoker.invoke(request);
            };
            LocalStepFunctions sfn = new LocalStepFunctions(tasks, new ScaledClock(clockSpeed));
            SfnEndpoint endpoint = SfnEndpoint.start(sfn, 0);
            started.add(endpoint);
            config.put("AWS_ENDPOINT_URL_SFN", endpoint.endpoint().toString());
            if (iam) {
                gate(config, "AWS_ENDPOINT_URL_SFN", JsonRequests.Service.STATES, principals, iamEndpoints);
                started.add(iamEndpoints.get(iamEndpoints.size() - 1));
            }
            AwsClients clients = new AwsClients(config::get);
            Provisioner.buckets(template, clients.s3());
            Provisioner.tables(template, clients.dynamoDb());
            Provisioner.secrets(template, clients.secretsManager(), signingKeys.secretValues());
            Map<String, String> queueUrls = Provisioner.queues(template, clients.sqs());
            for (StateMachineDef sm : template.stateMachines()) {
                sfn.createStateMachine(Json.object().put("name", sm.name()).put("definition", sm.definition())
                        .put("type", sm.type()).put("roleArn", "arn:aws:iam::" + LocalAws.ACCOUNT + ":role/local"));
            }
            template.distributions().stream().filter(d -> d.originBucket() != null).findFirst().ifPresent(d ->
                    media.serve(template.bucket(d.originBucket()).orElseThrow().name(), clients.s3(), d.signed()));
            LocalClipflow stack = new LocalClipflow(template, emulators, endpoint, proxy, media, clients,
                    Map.copyOf(config), cacheDir, principals, List.copyOf(iamEndpoints), eventBus, metrics, cloudFront);
            stack.asyncInvoker = new AsyncInvoker(template, queueUrls, clients.sqs(), stack::invoke, clockSpeed,
                    System.err);
            stack.scheduledEvents = ScheduledEvents.start(template, stack.asyncInvoker, clockSpeed, System.err);
            self[0] = stack;
            stack.sqsSources.addAll(SqsMappings.start(template, queueUrls, clients.sqs(), stack::invoke));
            BusRules.start(template, eventBus, queueUrls, clients.sqs(), System.err);
            return stack;
        } catch (RuntimeException e) {
            for (AutoCloseable c : started) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            emulators.stop();
            throw e;
        }
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

    /** Puts an authorising endpoint in front of the one {@code config} names, and names it there instead. */
    private static void gate(Map<String, String> config, String name, JsonRequests.Service service,
                             Principals principals, List<AutoCloseable> endpoints) {
        JsonProtocolProxy gate = JsonProtocolProxy.start(service, java.net.URI.create(config.get(name)), principals);
        endpoints.add(gate);
        config.put(name, gate.endpoint().toString());
    }

    /** Whether the template's roles are enforced (see {@link #start(Path, Path, double, boolean)}). */
    public boolean iam() {
        return principals != null;
    }

    /** The authorisations the endpoints made (empty without IAM enforcement). */
    public java.util.List<dev.clipflow.local.runtime.iam.AccessLog.Entry> accessLog() {
        return principals == null ? java.util.List.of() : principals.log().entries();
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
        return functionConfig;
    }

    /**
     * The CloudFront stand-in's URL and the bucket it serves (the distribution's origin); empty when the template
     * has no distribution with an S3 origin.
     */
    /** Makes the local CloudFront API answer the next {@code n} requests 503 (tests of the deletion's Retry). */
    public void failNextCdnInvalidations(int n) {
        cloudFront.failNext(n);
    }

    /**
     * While {@code on}, the CloudFront API answers every invalidation 403 AccessDenied (a test's permanent failure:
     * a role without the grant; no retry passes it).
     */
    public void denyCdnInvalidations(boolean on) {
        cloudFront.deny(on);
    }

    /** The CDN invalidations the stack asked for (distribution id, caller reference, paths), oldest first. */
    public List<List<String>> cdnInvalidations() {
        return cloudFront.invalidations().stream().map(i -> {
            List<String> row = new ArrayList<>(List.of(i.distributionId(), i.callerReference()));
            row.addAll(i.paths());
            return List.copyOf(row);
        }).toList();
    }

    public Optional<Map.Entry<java.net.URI, String>> media() {
        return media.bucket() == null ? Optional.empty() : Optional.of(Map.entry(media.url(), media.bucket()));
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
        Optional<FunctionDef> def = template.function(name);
        return def.map(f -> hosts.computeIfAbsent(f.name(), n -> new FunctionHost(spec(f), cacheDir)));
    }

    /** The engine's view of a function: a function whose zip is missing answers Lambda's not-found error. */
    Optional<LambdaFunction> lambda(String name) {
        try {
            return host(name).map(h -> payload -> {
                inFlight.incrementAndGet();
                try {
                    return h.invoke(payload);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (FunctionArtifactMissingException e) {
            return Optional.of(payload -> LambdaResponse.error("Lambda.ResourceNotFoundException", e.getMessage()));
        }
    }

    /**
     * Initialises every function in the background, {@code parallelism} at a time (each sees only its own
     * environment: {@link dev.clipflow.local.runtime.function.SystemEnvironment}), so cold starts move into time
     * the stack would idle. With {@code yieldToInvocations} a function starts initialising only while no
     * invocation is running, so warming does not take the CPU from a running stage such as the transcode
     * ({@code up --warm}); a function invoked meanwhile initialises on first use, or waits for its own warm-up.
     *
     * @return completes when every function is initialised (or failed to: that is logged)
     */
    public CompletableFuture<Void> warmUp(int parallelism, boolean yieldToInvocations) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "warm-up");
            t.setDaemon(true);
            return t;
        });
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (FunctionDef f : template.functions()) {
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    while (yieldToInvocations && inFlight.get() > 0) {
                        Thread.sleep(50);
                    }
                    host(f.name()).ifPresent(FunctionHost::warmUp);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    System.err.println("warm-up of " + f.name() + " failed: " + e.getMessage());
                }
            }, pool));
        }
        pool.shutdown();
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Invokes a function synchronously (RequestResponse), as {@code sam local invoke} does. */
    public FunctionResult invoke(String function, JsonNode event) {
        FunctionHost host = host(function).orElseThrow(() -> new IllegalArgumentException(
                "No function " + function + " in " + template.file()));
        inFlight.incrementAndGet();
        try {
            return host.invoke(Json.write(event).getBytes(StandardCharsets.UTF_8));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Emits the "object created" event of an object in a bucket, synchronously, to whatever the template routes
     * it to (see {@link ObjectCreatedRouter}); returns each invocation's result. Writes through the stack's S3
     * endpoint emit it by themselves, asynchronously; this is for objects written some other way.
     */
    public List<FunctionResult> objectCreated(String bucket, String key) {
        return objectEvents.route(bucket, key, null);
    }

    /**
     * A write seen by the S3 endpoint: each routed function gets the event as an asynchronous invocation
     * ({@link AsyncInvoker}: Lambda's retries, then the function's DeadLetterQueue), as S3 and EventBridge
     * deliver it.
     */
    private void objectWritten(String bucket, String key, String reason) {
        if (!objectEvents.routed(bucket)) {
            return;
        }
        String what = reason + " s3://" + bucket + "/" + key;
        // Not on this thread: it is the S3 endpoint's connection thread, and the HeadObject that builds the event
        // may come back over the very connection it serves.
        asyncInvoker.submit(() -> objectEvents.deliveries(bucket, key, reason), what);
    }

    private FunctionSpec spec(FunctionDef f) {
        Map<String, String> env = new LinkedHashMap<>(f.environment());
        env.replaceAll((k, v) -> LocalOverrides.local(v));
        env.putAll(functionConfig);
        accessKeyId(f.logicalId()).ifPresent(key -> env.put("AWS_ACCESS_KEY_ID", key));
        env.put("AWS_LAMBDA_FUNCTION_NAME", f.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(f.memoryMb()));
        env.put("AWS_DEFAULT_REGION", LocalAws.REGION);
        // The stack closes each function's class loader itself; a Spring shutdown hook running after that
        // only fails to load its logging classes (on Lambda the environment is frozen, never shut down).
        env.put("spring.main.register-shutdown-hook", "false");
        return new FunctionSpec(f.name(), f.codeUri(), f.handler(), f.memoryMb(), f.timeoutSeconds(), env,
                f.reservedConcurrency());
    }

    /** Whether a function's artifact exists (it was built). */
    public boolean built(String function) {
        return template.function(function).map(f -> f.codeUri() != null && Files.isRegularFile(f.codeUri()))
                .orElse(false);
    }

    @Override
    public void close() {
        sqsSources.forEach(SqsEventSource::close);
        if (scheduledEvents != null) {
            scheduledEvents.close();
        }
        if (asyncInvoker != null) {
            asyncInvoker.close();
        }
        s3Proxy.close();
        media.close();
        cloudFront.close();
        eventBus.close();
        hosts.values().forEach(FunctionHost::close);
        sfnEndpoint.close();
        for (AutoCloseable c : iamEndpoints) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("closing an IAM endpoint failed: " + e);
            }
        }
        emulators.stop();
    }
}
