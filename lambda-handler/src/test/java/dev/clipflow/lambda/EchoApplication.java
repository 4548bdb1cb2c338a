package dev.clipflow.lambda;

import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A function that logs a line while it runs, as the real ones do. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class EchoApplication {

    private static final Logger LOG = LoggerFactory.getLogger(EchoApplication.class);

    @Bean
    public Function<Map<String, Object>, Map<String, Object>> echo() {
        return event -> {
            LOG.info("echoing {}", event.get("say"));
            return event;
        };
    }
}
