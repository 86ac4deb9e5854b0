package org.anchormarket.chassis.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "anchor.outbox")
public interface OutboxConfig {

    /** How often the relay looks for messages it has not been told about (it is also woken after each commit). */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How many messages one relay round takes at most, oldest first. Each aggregate's are sent one after another
     * (never two of one key in flight), different aggregates side by side.
     */
    @WithDefault("500")
    int batchSize();

    /** How long Kafka may take to acknowledge a message (the producer's delivery timeout) before it is retried. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long relayed messages are kept, for inspection, before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * How many times the broker may refuse a message for good (too large, invalid topic: never a passing fault)
     * before it is parked: logged as an error, counted in {@code outbox_messages_parked_total}, and passed over so
     * the aggregate's later messages go on. A broker that is down never parks anything.
     */
    @WithDefault("5")
    int maxAttempts();
}
