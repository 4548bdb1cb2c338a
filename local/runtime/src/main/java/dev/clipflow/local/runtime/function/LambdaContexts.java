package dev.clipflow.local.runtime.function;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds a Lambda {@code Context} for one invocation as a {@link Proxy} of the function loader's own
 * {@code com.amazonaws.services.lambda.runtime.Context} interface (the host shares no Lambda classes with the
 * function), with its {@code LambdaLogger} writing to standard error.
 */
final class LambdaContexts {

    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private LambdaContexts() {
    }

    /** The per-invocation facts the context reports. */
    record Invocation(String requestId, String functionName, String functionArn, int memoryMb, Instant deadline) {
    }

    static Object create(ClassLoader loader, Invocation inv) throws ClassNotFoundException {
        Class<?> contextType = Class.forName(CONTEXT, false, loader);
        Class<?> loggerType = Class.forName(LOGGER, false, loader);
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, new LoggerHandler(System.err));
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, new ContextHandler(inv, logger));
    }

    private record ContextHandler(Invocation inv, Object logger) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "getAwsRequestId" -> inv.requestId();
                case "getLogGroupName" -> "/aws/lambda/" + inv.functionName();
                case "getLogStreamName" -> "local/[$LATEST]" + inv.requestId().replace("-", "");
                case "getFunctionName" -> inv.functionName();
                case "getFunctionVersion" -> "$LATEST";
                case "getInvokedFunctionArn" -> inv.functionArn();
                case "getRemainingTimeInMillis" ->
                        (int) Math.max(0, inv.deadline().toEpochMilli() - System.currentTimeMillis());
                case "getMemoryLimitInMB" -> inv.memoryMb();
                case "getLogger" -> logger;
                case "getIdentity", "getClientContext" -> null;
                case "toString" -> "LocalLambdaContext[" + inv.functionName() + ", " + inv.requestId() + "]";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args) : null;
            };
        }
    }

    private record LoggerHandler(PrintStream out) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if ("log".equals(method.getName()) && args != null && args.length >= 1) {
                Object message = args[0];
                String text = message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : String.valueOf(message);
                out.println(text);
                return null;
            }
            return switch (method.getName()) {
                case "toString" -> "LocalLambdaLogger";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args) : null;
            };
        }
    }
}
