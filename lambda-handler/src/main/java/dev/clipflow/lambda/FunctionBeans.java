package dev.clipflow.lambda;

import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConverter;

/**
 * Functional registration of a function bean, the one way every function's start class (an
 * {@code ApplicationContextInitializer}, docs/adr/0015) declares the bean that {@code SPRING_CLOUD_FUNCTION_DEFINITION}
 * names. Spring Cloud Function starts such a class with {@code FunctionalSpringApplication}: no component scan, no
 * auto-configuration, no annotation processing, and the catalog finds the function by its {@link FunctionRegistration}.
 * The bean definition carries {@code FunctionRegistration<F>} as its target type, so the contract tests can check the
 * name and the function's class without building it.
 */
public final class FunctionBeans {
    private FunctionBeans() {
    }

    /** The bean name the AWS adapter's auto-configuration gives its converter for the aws-lambda-java-events types. */
    static final String AWS_TYPES_CONVERTER = "awsTypesMessageConverter";

    /**
     * Registers {@code name} as a function of class {@code type} (a {@code Function}, {@code Consumer} or
     * {@code Supplier} with its type arguments declared), built by {@code factory} when the context refreshes. Also
     * registers, once, the AWS adapter's converter for the aws-lambda-java-events types (an {@code SQSEvent} in,
     * an {@code SQSBatchResponse} out), which auto-configuration used to add and a functional context does not.
     */
    public static <F> void register(GenericApplicationContext context, String name, Class<F> type,
                                    Supplier<? extends F> factory) {
        Objects.requireNonNull(factory, "factory");
        var functionType = FunctionTypeUtils.discoverFunctionTypeFromClass(type);
        if (functionType == null) {
            throw new IllegalArgumentException(type.getName() + " is not a Function, Consumer or Supplier");
        }
        register(context, name, type, functionType, factory);
    }

    /**
     * Registers {@code name} as a pipeline stage's {@link LambdaStage} from {@code input} (the payload of its
     * {@code Message}) to {@code output}, built by {@code factory} when the context refreshes.
     */
    public static <I, O> void registerStage(GenericApplicationContext context, String name, Class<I> input,
                                            Class<O> output, Supplier<LambdaStage<I, O>> factory) {
        Objects.requireNonNull(factory, "factory");
        Type functionType = ResolvableType.forClassWithGenerics(Function.class,
                ResolvableType.forClassWithGenerics(Message.class, input), ResolvableType.forClass(output)).getType();
        register(context, name, LambdaStage.class, functionType, factory);
    }

    private static void register(GenericApplicationContext context, String name, Class<?> type, Type functionType,
                                 Supplier<?> factory) {
        if (!context.containsBeanDefinition(AWS_TYPES_CONVERTER)) {
            context.registerBean(AWS_TYPES_CONVERTER, MessageConverter.class,
                    () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        }
        context.registerBean(name, FunctionRegistration.class,
                () -> new FunctionRegistration<>(factory.get(), name).type(functionType),
                definition -> ((RootBeanDefinition) definition).setTargetType(
                        ResolvableType.forClassWithGenerics(FunctionRegistration.class, type)));
    }

    /**
     * Declares a dry request for SnapStart priming: before the snapshot the handler sends {@code event} through the
     * whole invocation ({@link PrimingRequest}). The event must have no effect outside the JVM.
     */
    public static void primingRequest(GenericApplicationContext context, String name, String event) {
        PrimingRequest request = new PrimingRequest(name, event);
        context.registerBean("primingRequest#" + name, PrimingRequest.class, () -> request);
    }

    /**
     * Declares a warm-up step for SnapStart priming, run before the snapshot once the context is refreshed (so
     * {@code step} may look up the function's beans, e.g. its SDK client). It must have no effect outside the JVM:
     * an SDK call goes through {@code dev.clipflow.aws.SdkPriming.prime}, signed and not sent.
     */
    public static void primingStep(GenericApplicationContext context, String name, Runnable step) {
        PrimingStep primingStep = new PrimingStep(name, step);
        context.registerBean("primingStep#" + name, PrimingStep.class, () -> primingStep);
    }
}
