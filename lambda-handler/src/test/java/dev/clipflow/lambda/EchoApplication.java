package dev.clipflow.lambda;

import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** A functional start class, as the real ones: bean {@code echo}, a function that logs a line while it runs. */
public class EchoApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(EchoApplication.class);

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "echo", Echo.class, Echo::new);
    }

    /** Echoes the event. */
    public static final class Echo implements Function<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> apply(Map<String, Object> event) {
            LOG.info("echoing {}", event.get("say"));
            LOG.debug("debug line of {}", event.get("say"));
            return event;
        }
    }
}
