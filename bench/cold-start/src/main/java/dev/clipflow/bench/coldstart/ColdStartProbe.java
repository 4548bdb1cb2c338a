package dev.clipflow.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.clipflow.lambda.LeverCandidates;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * One cold start, in the JVM it runs in: builds the handler the way the Lambda runtime does
 * ({@code scf}: the function's handler, {@link RequestIdFunctionInvoker}, with the ingest bean of the function's
 * start class; {@code scf-boot}: the same start class through Spring Cloud Function's own {@link FunctionInvoker},
 * which runs it with Spring Boot's {@code FunctionalSpringApplication}, as our handler did before it started the
 * context itself; {@code scf-autoconfig}: that with {@link AutoConfiguredIngestApplication}; the handler with some
 * of its trims undone, {@link LeverCandidates}; {@code plain}: {@link PlainIngestHandler}), hands it the event, and
 * prints {@code coldstart <mode> <ms> <constructed-ms> <cpu-ms> <classes>}: milliseconds from the JVM's start to
 * the first event handled and to the handler constructed, the process's CPU time by then (all threads: on a shared,
 * loaded machine it moves less than the wall clock) and the number of classes loaded. Configuration comes from
 * system properties (see run.sh).
 */
public final class ColdStartProbe {
    private static final String INGEST = "dev.clipflow.ingest.IngestApplication";
    private static final String COMMONS_LOGGING_FACTORY = "org.apache.commons.logging.LogFactory";

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!mode.equals("scf") && !mode.equals("plain")) {
            // The earlier candidates as they were: Spring's commons-logging through Log4j's API (lambda-handler's
            // service file now sends it straight to SLF4J).
            System.setProperty(COMMONS_LOGGING_FACTORY, "org.apache.commons.logging.impl.Log4jApiLogFactory");
        }
        RequestStreamHandler handler = switch (mode) {
            case "scf" -> scf(INGEST);
            case "scf-boot" -> boot(INGEST);
            case "scf-autoconfig" -> boot(AutoConfiguredIngestApplication.class.getName());
            case "plain" -> new PlainIngestHandler();
            default -> {
                if (!LeverCandidates.NAMES.contains(mode)) {
                    throw new IllegalArgumentException("mode is scf, scf-boot, scf-autoconfig, plain or one of "
                            + LeverCandidates.NAMES + ", not " + mode);
                }
                System.setProperty("MAIN_CLASS", INGEST);
                yield LeverCandidates.handler(mode, "ingest");
            }
        };
        long constructed = System.currentTimeMillis() - jvmStart;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new BenchContext("IngestFunction"));
        long elapsed = System.currentTimeMillis() - jvmStart;
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        String result = out.toString(StandardCharsets.UTF_8);
        if (!result.contains("ORPHAN_DELETED")) {
            throw new IllegalStateException("Unexpected result from " + mode + ": " + result);
        }
        System.out.println("coldstart " + mode + " " + elapsed + " " + constructed + " " + cpu + " " + classes);
    }

    /** The function's handler as Lambda builds it: MAIN_CLASS names the start class, the bean is ingest. */
    private static RequestStreamHandler scf(String mainClass) {
        System.setProperty("MAIN_CLASS", mainClass);
        return new RequestIdFunctionInvoker("ingest");
    }

    /** Spring Cloud Function's own handler, which starts the start class with Spring Boot. */
    private static RequestStreamHandler boot(String mainClass) {
        System.setProperty("MAIN_CLASS", mainClass);
        return new FunctionInvoker("ingest");
    }
}
