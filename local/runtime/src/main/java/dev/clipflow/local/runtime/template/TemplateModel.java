package dev.clipflow.local.runtime.template;

import static dev.clipflow.local.runtime.template.TemplateMaps.integer;
import static dev.clipflow.local.runtime.template.TemplateMaps.map;
import static dev.clipflow.local.runtime.template.TemplateMaps.stringKeys;
import static dev.clipflow.local.runtime.template.TemplateMaps.text;

import dev.clipflow.local.runtime.iam.Role;
import dev.clipflow.local.runtime.iam.RolePolicies;
import dev.clipflow.testing.template.CfnYaml;
import dev.clipflow.testing.template.TableDef;
import dev.clipflow.testing.template.TableReader;
import dev.clipflow.testing.template.TemplateYamlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local view of {@code template.yaml}: its functions, buckets, tables, queues, secrets and state machine, with
 * SAM's {@code Globals} merged and the intrinsics resolved to local names and ARNs ({@link LocalAws}). Everything the
 * local runtime provisions and wires comes from here; there is no second copy of the wiring.
 *
 * <p>Resources whose {@code Condition} is false are left out. Parameters take their {@code Default} unless
 * overridden.
 */
public final class TemplateModel {

    private final Path file;
    private final Map<String, String> parameters;
    private final List<FunctionDef> functions = new ArrayList<>();
    private final List<BucketDef> buckets = new ArrayList<>();
    private final List<TableDef> tables = new ArrayList<>();
    private final List<QueueDef> queues = new ArrayList<>();
    private final List<StateMachineDef> stateMachines = new ArrayList<>();
    private final List<DistributionDef> distributions = new ArrayList<>();
    private final List<SecretDef> secrets = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private final List<String> eventBuses = new ArrayList<>();
    private final List<RuleDef> rules = new ArrayList<>();

    private TemplateModel(Path file, Map<String, String> parameters) {
        this.file = file;
        this.parameters = parameters;
    }

    /** Loads a template with default parameters and the default local names. */
    public static TemplateModel load(Path templateFile) {
        return load(templateFile, LocalAws.defaults(), Map.of());
    }

    /**
     * @param parameterOverrides values for the template's Parameters (others take their Default)
     * @throws TemplateInvalidException when the template cannot be read or resolved
     */
    public static TemplateModel load(Path templateFile, LocalAws local, Map<String, String> parameterOverrides) {
        Path file = templateFile.toAbsolutePath().normalize();
        Map<String, Object> root;
        try {
            root = CfnYaml.read(file);
        } catch (TemplateYamlException e) {
            throw new TemplateInvalidException(e.getMessage());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        stringKeys(root.get("Parameters")).forEach((name, def) -> {
            Object value = parameterOverrides.containsKey(name)
                    ? parameterOverrides.get(name) : map(def).get("Default");
            params.put(name, value == null ? "" : String.valueOf(value));
        });
        Map<String, Object> resources = stringKeys(root.get("Resources"));
        Map<String, Object> globals = stringKeys(map(root.get("Globals")).get("Function"));
        LocalReferences refs = new LocalReferences(resources, local, globals);
        Intrinsics intrinsics = new Intrinsics(params, stringKeys(root.get("Conditions")),
                stringKeys(root.get("Mappings")), refs::apply);
        refs.bind(intrinsics);
        Map<String, String> paramText = new LinkedHashMap<>();
        params.forEach((k, v) -> paramText.put(k, String.valueOf(v)));
        TemplateModel model = new TemplateModel(file, Map.copyOf(paramText));
        new Builder(model, intrinsics, refs, globals, local.stackName()).build(resources);
        return model;
    }

    public Path file() {
        return file;
    }

    /** The folder relative paths in the template (CodeUri, DefinitionUri) start from: the repository root. */
    public Path baseDir() {
        return file.getParent();
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public List<FunctionDef> functions() {
        return List.copyOf(functions);
    }

    public Optional<FunctionDef> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name) || f.logicalId().equals(name)).findFirst();
    }

    public List<BucketDef> buckets() {
        return List.copyOf(buckets);
    }

    public Optional<BucketDef> bucket(String logicalId) {
        return buckets.stream().filter(b -> b.logicalId().equals(logicalId)).findFirst();
    }

    public List<TableDef> tables() {
        return List.copyOf(tables);
    }

    public List<QueueDef> queues() {
        return List.copyOf(queues);
    }

    public List<StateMachineDef> stateMachines() {
        return List.copyOf(stateMachines);
    }

    /** The CloudFront distributions (served locally by the CloudFront stand-in). */
    public List<DistributionDef> distributions() {
        return List.copyOf(distributions);
    }

    /** The Secrets Manager secrets (created on the local Secrets Manager, generated values included). */
    public List<SecretDef> secrets() {
        return List.copyOf(secrets);
    }

    /** The names of the template's own EventBridge buses ({@code AWS::Events::EventBus}). */
    public List<String> eventBuses() {
        return List.copyOf(eventBuses);
    }

    /** The enabled {@code AWS::Events::Rule}s that target queues of the template. */
    public List<RuleDef> rules() {
        return List.copyOf(rules);
    }

    /**
     * The IAM roles SAM creates: one per function and one per state machine, each from the resource's
     * {@code Policies} (inline statements and SAM policy templates, {@link RolePolicies}).
     */
    public List<Role> roles() {
        return List.copyOf(roles);
    }

    /** The role of a function or state machine, by logical id. */
    public Optional<Role> role(String owner) {
        return roles.stream().filter(r -> r.owner().equals(owner)).findFirst();
    }

    /** The logical id of the video pipeline when the template has more than one state machine. */
    public static final String PIPELINE = "VideoPipeline";

    /**
     * The video pipeline: the template's one state machine, or, among several (the pipeline and the deletion workflow,
     * docs/adr/0014), the one with logical id {@value #PIPELINE}.
     */
    public StateMachineDef stateMachine() {
        if (stateMachines.size() == 1) {
            return stateMachines.get(0);
        }
        return stateMachine(PIPELINE).orElseThrow(() -> new TemplateInvalidException("Expected one state machine, or "
                + PIPELINE + " among several, in " + file + "; found " + stateMachines.stream()
                .map(StateMachineDef::logicalId).toList()));
    }

    /** A state machine by logical id. */
    public Optional<StateMachineDef> stateMachine(String logicalId) {
        return stateMachines.stream().filter(sm -> sm.logicalId().equals(logicalId)).findFirst();
    }

    /** Reads the resources into the model's lists. */
    private record Builder(TemplateModel model, Intrinsics in, LocalReferences refs, Map<String, Object> globals,
                           String stackName) {

        void build(Map<String, Object> resources) {
            Map<String, Map<?, ?>> pendingDistributions = new LinkedHashMap<>();
            Map<String, Map<?, ?>> pendingRules = new LinkedHashMap<>();
            resources.forEach((id, raw) -> {
                Map<?, ?> resource = map(raw);
                Object condition = resource.get("Condition");
                if (condition != null && !in.condition(String.valueOf(condition))) {
                    return;
                }
                Map<?, ?> props = map(resource.get("Properties"));
                switch (String.valueOf(resource.get("Type"))) {
                    case "AWS::Serverless::Function" -> model.functions.add(function(id, props));
                    case "AWS::S3::Bucket" -> model.buckets.add(bucket(id, props));
                    case "AWS::DynamoDB::Table" -> model.tables.add(TableReader.read(id, refs.tableName(id, props),
                            stringKeys(in.resolve(props))));
                    case "AWS::SQS::Queue" -> model.queues.add(queue(id, props));
                    case "AWS::Serverless::StateMachine" -> model.stateMachines.add(stateMachine(id, props));
                    case "AWS::CloudFront::Distribution" -> pendingDistributions.put(id, props);
                    case "AWS::SecretsManager::Secret" -> model.secrets.add(secret(id, props));
                    case "AWS::Events::EventBus" -> model.eventBuses.add(refs.eventBusName(id, props));
                    case "AWS::Events::Rule" -> pendingRules.put(id, props);
                    default -> {
                    }
                }
            });
            resolveDeadLetterQueues();
            // after the queues, which a rule's targets name
            pendingRules.forEach((id, props) -> rule(id, props).ifPresent(model.rules::add));
            // after the buckets, which a distribution's origins name
            pendingDistributions.forEach((id, props) -> model.distributions.add(distribution(id, props,
                    resources)));
        }

        private DistributionDef distribution(String id, Map<?, ?> props, Map<String, Object> resources) {
            List<String> domains = new ArrayList<>();
            Map<?, ?> config = map(props.get("DistributionConfig"));
            for (Object origin : TemplateMaps.list(config.get("Origins"))) {
                Object domain = map(origin).get("DomainName");
                if (domain != null && map(origin).get("S3OriginConfig") != null) {
                    domains.add(String.valueOf(in.resolve(domain)));
                }
            }
            List<DistributionDef.SignedBehavior> signed = new ArrayList<>();
            for (Object behavior : TemplateMaps.list(config.get("CacheBehaviors"))) {
                List<String> keys = new ArrayList<>();
                for (Object group : TemplateMaps.list(map(behavior).get("TrustedKeyGroups"))) {
                    Map<?, ?> groupProps = map(map(resources.get(String.valueOf(map(group).get("Ref"))))
                            .get("Properties"));
                    for (Object key : TemplateMaps.list(map(groupProps.get("KeyGroupConfig")).get("Items"))) {
                        Map<?, ?> keyProps = map(map(resources.get(String.valueOf(map(key).get("Ref"))))
                                .get("Properties"));
                        keys.add(String.valueOf(in.resolve(map(keyProps.get("PublicKeyConfig")).get("EncodedKey"))));
                    }
                }
                if (!TemplateMaps.list(map(behavior).get("TrustedKeyGroups")).isEmpty()) {
                    signed.add(new DistributionDef.SignedBehavior(String.valueOf(map(behavior).get("PathPattern")),
                            keys));
                }
            }
            return new DistributionDef(id, DistributionDef.originBucket(domains, model.buckets), signed);
        }

        /** Redrive targets by ARN → logical id, now that every queue is known (a DLQ may come after its queue). */
        private void resolveDeadLetterQueues() {
            model.queues.replaceAll(q -> q.deadLetterQueue() == null ? q : new QueueDef(q.logicalId(), q.name(),
                    q.attributes(), model.queues.stream().filter(d -> d.arn().equals(q.deadLetterQueue()))
                    .map(QueueDef::logicalId).findFirst().orElseThrow(() -> new TemplateInvalidException(
                            "The redrive target " + q.deadLetterQueue() + " of " + q.logicalId()
                                    + " is not a queue of the template")), q.maxReceiveCount()));
        }

        private FunctionDef function(String id, Map<?, ?> rawProps) {
            Map<String, Object> merged = stringKeys(TemplateMaps.merge(globals, rawProps));
            Map<String, Object> p = stringKeys(in.resolve(merged));
            Map<String, String> env = new LinkedHashMap<>();
            stringKeys(map(p.get("Environment")).get("Variables")).forEach((k, v) -> env.put(k, String.valueOf(v)));
            List<EventSourceDef> events = new ArrayList<>();
            stringKeys(p.get("Events")).forEach((name, e) -> events.add(new EventSourceDef(name,
                    text(map(e).get("Type")), stringKeys(map(e).get("Properties")))));
            Object codeUri = p.get("CodeUri");
            model.roles.add(role(id, refs.functionName(id, rawProps), p.get("Policies")));
            return new FunctionDef(id, refs.functionName(id, rawProps),
                    codeUri == null ? null : model.baseDir().resolve(String.valueOf(codeUri)).normalize(),
                    text(p.get("Handler")), text(p.get("Runtime")), integer(p.get("MemorySize"), 128),
                    integer(p.get("Timeout"), 3), env, events, text(p.get("AutoPublishAlias")), async(id, p),
                    reserved(id, p.get("ReservedConcurrentExecutions")));
        }

        /** SAM's role {@code <id>Role}; the session is the function's (or state machine's) name. */
        private Role role(String id, String sessionName, Object policies) {
            return new Role(id, stackName + "-" + id + "Role", sessionName, RolePolicies.read(id, policies,
                    in::resolve));
        }

        private static int reserved(String id, Object value) {
            int reserved = integer(value, FunctionDef.UNRESERVED);
            if (reserved < 0 && value != null) {
                throw new TemplateInvalidException("ReservedConcurrentExecutions of " + id + " must be 0 or more, not "
                        + value);
            }
            return reserved;
        }

        /** {@code EventInvokeConfig} and {@code DeadLetterQueue} (SQS only: an SNS topic has no local stand-in). */
        private static AsyncInvokeConfig async(String id, Map<String, Object> p) {
            Map<?, ?> config = map(p.get("EventInvokeConfig"));
            Map<?, ?> dlq = map(p.get("DeadLetterQueue"));
            String target = null;
            if (!dlq.isEmpty()) {
                if (!"SQS".equals(text(dlq.get("Type")))) {
                    throw new TemplateInvalidException("DeadLetterQueue of " + id + ": only Type SQS runs locally, not "
                            + dlq.get("Type"));
                }
                target = text(dlq.get("TargetArn"));
            }
            try {
                return new AsyncInvokeConfig(integer(config.get("MaximumRetryAttempts"), 2),
                        integer(config.get("MaximumEventAgeInSeconds"), 21_600), target);
            } catch (TemplateInvalidException e) {
                throw new TemplateInvalidException(id + ": " + e.getMessage());
            }
        }

        private SecretDef secret(String id, Map<?, ?> rawProps) {
            Map<String, Object> p = stringKeys(in.resolve(rawProps));
            Map<?, ?> generate = map(p.get("GenerateSecretString"));
            return new SecretDef(id, refs.secretName(id, rawProps), text(p.get("SecretString")),
                    p.containsKey("GenerateSecretString") ? GeneratedSecretString.read(id, generate) : null);
        }

        private BucketDef bucket(String id, Map<?, ?> rawProps) {
            Map<?, ?> p = map(in.resolve(rawProps));
            Object eb = map(map(p.get("NotificationConfiguration")).get("EventBridgeConfiguration"))
                    .get("EventBridgeEnabled");
            return new BucketDef(id, refs.bucketName(id, rawProps), Boolean.parseBoolean(String.valueOf(eb)),
                    CorsRule.read(p.get("CorsConfiguration")));
        }

        /** A rule's SQS targets (by the template's queue ARNs); empty when disabled or without one. */
        private Optional<RuleDef> rule(String id, Map<?, ?> rawProps) {
            Map<String, Object> p = stringKeys(in.resolve(rawProps));
            if ("DISABLED".equals(text(p.get("State")))) {
                return Optional.empty();
            }
            List<String> queueArns = new ArrayList<>();
            for (Object target : TemplateMaps.list(p.get("Targets"))) {
                String arn = String.valueOf(map(target).get("Arn"));
                if (model.queues.stream().anyMatch(q -> q.arn().equals(arn))) {
                    queueArns.add(arn);
                }
            }
            String bus = p.get("EventBusName") == null ? "default" : String.valueOf(p.get("EventBusName"));
            int slash = bus.lastIndexOf('/');
            bus = bus.startsWith("arn:") && slash > 0 ? bus.substring(slash + 1) : bus;
            return queueArns.isEmpty() ? Optional.empty()
                    : Optional.of(new RuleDef(id, bus, map(p.get("EventPattern")), queueArns));
        }

        private QueueDef queue(String id, Map<?, ?> rawProps) {
            Map<String, Object> p = stringKeys(in.resolve(rawProps));
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String a : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
                    "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds", "FifoQueue", "ContentBasedDeduplication")) {
                if (p.get(a) != null) {
                    attributes.put(a, String.valueOf(p.get(a)));
                }
            }
            Map<?, ?> redrive = map(p.get("RedrivePolicy"));
            String dlq = null;
            if (redrive.get("deadLetterTargetArn") != null) {
                dlq = String.valueOf(redrive.get("deadLetterTargetArn"));
            }
            return new QueueDef(id, refs.queueName(id, rawProps), attributes, dlq,
                    integer(redrive.get("maxReceiveCount"), 0));
        }

        private StateMachineDef stateMachine(String id, Map<?, ?> rawProps) {
            Map<String, Object> p = stringKeys(in.resolve(rawProps));
            Map<String, String> subs = new LinkedHashMap<>();
            stringKeys(p.get("DefinitionSubstitutions")).forEach((k, v) -> subs.put(k, String.valueOf(v)));
            Path uri = null;
            String text;
            if (p.get("DefinitionUri") != null) {
                uri = model.baseDir().resolve(String.valueOf(p.get("DefinitionUri"))).normalize();
                try {
                    text = Files.readString(uri);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the state machine definition " + uri, e);
                }
            } else {
                text = Definitions.toJson(p.get("Definition"));
            }
            model.roles.add(role(id, refs.stateMachineName(id, rawProps), p.get("Policies")));
            return new StateMachineDef(id, refs.stateMachineName(id, rawProps),
                    p.get("Type") == null ? "STANDARD" : String.valueOf(p.get("Type")), uri, subs,
                    Definitions.substitute(text, subs));
        }
    }
}
