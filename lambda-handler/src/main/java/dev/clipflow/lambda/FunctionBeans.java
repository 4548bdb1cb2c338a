package dev.clipflow.lambda;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

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

    /**
     * Registers {@code name} as a function of class {@code type} (a {@code Function}, {@code Consumer} or
     * {@code Supplier} with its type arguments declared), built by {@code factory} when the context refreshes.
     */
    public static <F> void register(GenericApplicationContext context, String name, Class<F> type,
                                    Supplier<? extends F> factory) {
        Objects.requireNonNull(factory, "factory");
        var functionType = FunctionTypeUtils.discoverFunctionTypeFromClass(type);
        if (functionType == null) {
            throw new IllegalArgumentException(type.getName() + " is not a Function, Consumer or Supplier");
        }
        context.registerBean(name, FunctionRegistration.class,
                () -> new FunctionRegistration<>(factory.get(), name).type(functionType),
                definition -> ((RootBeanDefinition) definition).setTargetType(
                        ResolvableType.forClassWithGenerics(FunctionRegistration.class, type)));
    }
}
