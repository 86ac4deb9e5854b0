package org.anchormarket.chassis.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "anchor.outbox")
public interface OutboxConfig {

    /** How often the relay looks for messages it has not been told about (it is also woken after each commit). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How many messages one relay transaction publishes at most. */
    @WithDefault("100")
    int batchSize();

    /** How long Kafka may take to acknowledge a batch before the relay gives up and retries it later. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long relayed messages are kept, for inspection, before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
