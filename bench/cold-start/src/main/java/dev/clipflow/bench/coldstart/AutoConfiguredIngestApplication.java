package dev.clipflow.bench.coldstart;

import dev.clipflow.ingest.Ingest;
import dev.clipflow.ingest.IngestApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The lever's "before": the ingest application as it was before functional registration (issue 13), an
 * annotated configuration with Spring Boot's auto-configuration, the same bean. Benchmark mode
 * {@code scf-autoconfig}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class AutoConfiguredIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(AutoConfiguredIngestApplication.class, args);
    }

    /** The same wiring as the function's, so the two candidates differ only in how the bean is registered. */
    @Bean
    public Ingest ingest(Environment env) {
        return IngestApplication.ingest(env);
    }
}
