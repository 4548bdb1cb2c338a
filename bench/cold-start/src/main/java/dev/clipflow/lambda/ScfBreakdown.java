package dev.clipflow.lambda;

import dev.clipflow.bench.coldstart.BenchContext;
import dev.clipflow.bench.coldstart.PlainBreakdown;
import java.io.ByteArrayInputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.cloud.function.utils.FunctionClassUtils;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.messaging.Message;

/**
 * Where the function's cold start goes (the SCF side of {@link PlainBreakdown}): the steps {@link FunctionContext}
 * and {@link RequestIdFunctionInvoker} take for the ingest function, one after the other in a fresh JVM, each timed
 * with the classes it loaded; a step pays for the classes it is the first to load. The refresh is split by the beans
 * the handler and the start class register (a bean's own time, without the beans it asked for while being built).
 * Prints {@code breakdown <step> <ms> <classes>} lines (no class count for a bean). Lives in the handler's package
 * for its steps.
 */
public final class ScfBreakdown {
    /** The beans the handler and the start class register, each a step of the refresh of its own. */
    private static final List<Map.Entry<String, String>> BEANS = List.of(
            Map.entry(JsonMapper.class.getName(), "SCF's JSON mapper"),
            Map.entry(FunctionBeans.AWS_TYPES_CONVERTER, "the AWS adapter's converter (aws-lambda-java-events types)"),
            Map.entry(SimpleFunctionRegistry.class.getName(), "SCF's catalog (message converters, conversion service)"),
            Map.entry("ingest", "the function's bean: ingest (SDK clients, domain)"));
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    private final Map<String, long[]> steps = new LinkedHashMap<>();
    private long time = System.currentTimeMillis();
    private long classes = CLASSES.getTotalLoadedClassCount();

    private ScfBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        ScfBreakdown b = new ScfBreakdown();
        b.steps.put("jvm-to-main", new long[] {b.time - jvmStart, b.classes});
        byte[] event = Files.readAllBytes(Path.of(args[0]));

        LoggerFactory.getLogger(RequestIdFunctionInvoker.class).debug("logging initialised");
        b.lap("slf4j + logback (the handler's logger)");
        ClassLoader loader = FunctionContext.class.getClassLoader();
        StandardEnvironment environment = FunctionContext.environment(loader);
        b.lap("environment (system properties, variables, application.properties)");
        FunctionLogging.configure(environment);
        b.lap("logging (Logback: ECS console, logging.level.*)");
        Class<?> startClass = FunctionClassUtils.getStartClass();
        GenericApplicationContext context = FunctionContext.create(startClass, environment);
        b.lap("context: catalog beans + start class registered (FunctionCatalogBeans, FunctionBeans)");
        BeanTimes beans = new BeanTimes();
        context.getBeanFactory().addBeanPostProcessor(beans);
        context.refresh();
        String rest = "refresh: the rest (post-processors, Spring's own beans)";
        b.lap(rest);
        long[] refresh = b.steps.remove(rest);
        BEANS.forEach(bean -> {
            long ms = beans.exclusive.getOrDefault(bean.getKey(), 0L);
            b.steps.put("refresh: " + bean.getValue(), new long[] {ms, -1});
            refresh[0] -= ms;
        });
        b.steps.put(rest, refresh);

        JsonMapper jsonMapper = context.getBean(JsonMapper.class);
        FunctionInvocationWrapper function = context.getBean(FunctionCatalog.class).lookup("ingest",
                "application/json");
        b.lap("catalog lookup (FunctionInvocationWrapper, type resolution)");
        Message<byte[]> request = AWSLambdaUtils.generateMessage(new ByteArrayInputStream(event),
                function.getInputType(), function.isSupplier(), jsonMapper, new BenchContext("IngestFunction"));
        b.lap("first event: AWSLambdaUtils.generateMessage");
        Object response = function.apply(request);
        b.lap("first event: function.apply (SCF's input conversion; the domain: GetItem + DeleteObject)");
        byte[] out = AWSLambdaUtils.generateOutputFromObject(request, response, jsonMapper, function.getOutputType());
        b.lap("first event: AWSLambdaUtils.generateOutputFromObject");
        if (!new String(out, StandardCharsets.UTF_8).contains("ORPHAN_DELETED")) {
            throw new IllegalStateException("Unexpected result: " + new String(out, StandardCharsets.UTF_8));
        }
        b.steps.put("total", new long[] {b.time - jvmStart, b.classes});
        b.steps.forEach((step, v) -> System.out.println("breakdown\t" + step + "\t" + v[0] + "\t"
                + (v[1] < 0 ? "" : v[1])));
    }

    private void lap(String step) {
        long now = System.currentTimeMillis();
        long loaded = CLASSES.getTotalLoadedClassCount();
        steps.put(step, new long[] {now - time, loaded - classes});
        time = now;
        classes = loaded;
    }

    /** A bean's own creation time: before its instantiation to after its initialisation, less its inner beans. */
    private static final class BeanTimes implements InstantiationAwareBeanPostProcessor {
        private final Deque<long[]> open = new ArrayDeque<>();
        private final Deque<String> names = new ArrayDeque<>();
        private final Map<String, Long> exclusive = new LinkedHashMap<>();

        @Override
        public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
            open.push(new long[] {System.currentTimeMillis(), 0});
            names.push(beanName);
            return null;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!beanName.equals(names.peek())) {
                return bean;
            }
            names.pop();
            long[] started = open.pop();
            long inclusive = System.currentTimeMillis() - started[0];
            exclusive.merge(beanName, inclusive - started[1], Long::sum);
            if (!open.isEmpty()) {
                open.peek()[1] += inclusive;
            }
            return bean;
        }
    }
}
