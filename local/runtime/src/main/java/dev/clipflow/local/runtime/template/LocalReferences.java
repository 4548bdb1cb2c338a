package dev.clipflow.local.runtime.template;

import java.util.Map;

/**
 * What {@code Ref} and {@code Fn::GetAtt} give for each resource type locally: names and ARNs of the local
 * account ({@link LocalAws}); SAM's {@code <Function>.Alias} reference is the alias ARN; a secret's is its
 * (partial) ARN. Resources without a
 * local counterpart (CloudFront, Cognito, API Gateway, ...) give {@link Unresolved} values.
 */
final class LocalReferences {

    private final Map<String, Object> resources;
    private final LocalAws local;
    private final Map<String, Object> globalsFunction;
    private Intrinsics intrinsics;

    LocalReferences(Map<String, Object> resources, LocalAws local, Map<String, Object> globalsFunction) {
        this.resources = resources;
        this.local = local;
        this.globalsFunction = globalsFunction;
    }

    void bind(Intrinsics resolver) {
        this.intrinsics = resolver;
    }

    Object apply(String logicalId, String attribute) {
        if ("AWS::StackName".equals(logicalId)) {
            return local.stackName();
        }
        String id = logicalId;
        String samSuffix = null;
        if (attribute == null && logicalId.contains(".")) {
            id = logicalId.substring(0, logicalId.indexOf('.'));
            samSuffix = logicalId.substring(logicalId.indexOf('.') + 1);
        }
        Map<?, ?> resource = TemplateMaps.map(resources.get(id));
        if (resource.isEmpty()) {
            throw new TemplateInvalidException("Reference to an unknown resource or parameter: " + logicalId);
        }
        String type = String.valueOf(resource.get("Type"));
        Map<?, ?> props = TemplateMaps.map(resource.get("Properties"));
        return switch (type) {
            case "AWS::S3::Bucket" -> bucket(id, props, attribute);
            case "AWS::DynamoDB::Table" -> table(id, props, attribute);
            case "AWS::SQS::Queue" -> queue(id, props, attribute);
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> function(id, props, attribute, samSuffix);
            case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" -> stateMachine(id, props,
                    attribute);
            case "AWS::Logs::LogGroup" -> logGroup(id, props, attribute);
            case "AWS::Events::EventBus" -> eventBus(id, props, attribute);
            case "AWS::SecretsManager::Secret" -> attribute == null || "Id".equals(attribute)
                    ? LocalAws.secretArn(secretName(id, props)) : new Unresolved(logicalId + "." + attribute);
            // Ref of a public key or key group is its id (CloudFront's are generated; a local one names the resource).
            case "AWS::CloudFront::PublicKey", "AWS::CloudFront::KeyGroup" -> attribute == null
                    ? "local-" + id : new Unresolved(logicalId + "." + attribute);
            // Ref: the distribution id; locally the logical id (the local CloudFront API answers for it).
            case "AWS::CloudFront::Distribution" -> attribute == null ? logicalId
                    : "DomainName".equals(attribute) && local.mediaHost() != null
                    ? local.mediaHost() : new Unresolved(logicalId + "." + attribute);
            default -> new Unresolved(logicalId + (attribute == null ? "" : "." + attribute));
        };
    }

    String bucketName(String id, Map<?, ?> props) {
        Object explicit = props.get("BucketName");
        return explicit == null ? local.bucketName(id) : String.valueOf(intrinsics.resolve(explicit));
    }

    String tableName(String id, Map<?, ?> props) {
        Object explicit = props.get("TableName");
        return explicit == null ? local.tableName(id) : String.valueOf(intrinsics.resolve(explicit));
    }

    String queueName(String id, Map<?, ?> props) {
        Object explicit = props.get("QueueName");
        boolean fifo = Boolean.parseBoolean(String.valueOf(intrinsics.resolve(props.get("FifoQueue"))));
        return explicit == null ? local.queueName(id, fifo) : String.valueOf(intrinsics.resolve(explicit));
    }

    String secretName(String id, Map<?, ?> props) {
        Object explicit = props.get("Name");
        return explicit == null ? local.secretName(id) : String.valueOf(intrinsics.resolve(explicit));
    }

    String functionName(String id, Map<?, ?> props) {
        Object explicit = props.get("FunctionName");
        return explicit == null ? id : String.valueOf(intrinsics.resolve(explicit));
    }

    String stateMachineName(String id, Map<?, ?> props) {
        Object explicit = props.containsKey("Name") ? props.get("Name") : props.get("StateMachineName");
        return explicit == null ? local.stackName() + "-" + id : String.valueOf(intrinsics.resolve(explicit));
    }

    String aliasName(Map<?, ?> props) {
        Object alias = props.containsKey("AutoPublishAlias") ? props.get("AutoPublishAlias")
                : globalsFunction.get("AutoPublishAlias");
        return alias == null ? null : String.valueOf(intrinsics.resolve(alias));
    }

    private Object bucket(String id, Map<?, ?> props, String attribute) {
        String name = bucketName(id, props);
        return switch (attribute == null ? "" : attribute) {
            case "" -> name;
            case "Arn" -> LocalAws.bucketArn(name);
            case "DomainName" -> name + ".s3." + LocalAws.URL_SUFFIX;
            case "RegionalDomainName" -> name + ".s3." + LocalAws.REGION + "." + LocalAws.URL_SUFFIX;
            default -> new Unresolved(id + "." + attribute);
        };
    }

    private Object table(String id, Map<?, ?> props, String attribute) {
        String name = tableName(id, props);
        return switch (attribute == null ? "" : attribute) {
            case "" -> name;
            case "Arn" -> LocalAws.tableArn(name);
            default -> new Unresolved(id + "." + attribute);
        };
    }

    private Object queue(String id, Map<?, ?> props, String attribute) {
        String name = queueName(id, props);
        return switch (attribute == null ? "" : attribute) {
            case "", "QueueUrl" -> local.queueUrl(name);
            case "Arn" -> LocalAws.queueArn(name);
            case "QueueName" -> name;
            default -> new Unresolved(id + "." + attribute);
        };
    }

    private Object function(String id, Map<?, ?> props, String attribute, String samSuffix) {
        String name = functionName(id, props);
        if ("Alias".equals(samSuffix)) {
            String alias = aliasName(props);
            return alias == null ? new Unresolved(id + ".Alias") : LocalAws.functionArn(name) + ":" + alias;
        }
        if ("Version".equals(samSuffix)) {
            return LocalAws.functionArn(name) + ":1";
        }
        return switch (attribute == null ? "" : attribute) {
            case "" -> name;
            case "Arn" -> LocalAws.functionArn(name);
            default -> new Unresolved(id + "." + attribute);
        };
    }

    private Object stateMachine(String id, Map<?, ?> props, String attribute) {
        String name = stateMachineName(id, props);
        return switch (attribute == null ? "" : attribute) {
            case "", "Arn" -> LocalAws.stateMachineArn(name);
            case "Name" -> name;
            default -> new Unresolved(id + "." + attribute);
        };
    }

    /** An event bus: {@code Ref} and {@code Name} give its name, {@code Arn} its ARN. */
    private Object eventBus(String id, Map<?, ?> props, String attribute) {
        String name = eventBusName(id, props);
        return switch (attribute == null ? "" : attribute) {
            case "", "Name" -> name;
            case "Arn" -> LocalAws.eventBusArn(name);
            default -> new Unresolved(id + "." + attribute);
        };
    }

    String eventBusName(String id, Map<?, ?> props) {
        Object explicit = props.get("Name");
        return explicit == null ? local.stackName() + "-" + id : String.valueOf(intrinsics.resolve(explicit));
    }

    private Object logGroup(String id, Map<?, ?> props, String attribute) {
        Object explicit = props.get("LogGroupName");
        String name = explicit == null ? local.stackName() + "-" + id : String.valueOf(intrinsics.resolve(explicit));
        return "Arn".equals(attribute) ? "arn:aws:logs:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT + ":log-group:"
                + name + ":*" : name;
    }
}
