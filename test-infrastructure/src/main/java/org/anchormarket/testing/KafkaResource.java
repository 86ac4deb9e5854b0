package org.anchormarket.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real Kafka broker for the service under test: {@code @QuarkusTestResource(KafkaResource.class)}. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedInfra.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // Stopped when the test JVM ends.
    }
}
