package org.anchormarket.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.analytics.service.SupplierProjection;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.anchormarket.contracts.messaging.Topics;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads supplier-service's CloudEvents into the supplier projection. A passing failure (database down) is retried
 * until it succeeds, holding the partition; a message that can never be read goes to the dead-letter topic. The
 * projection applies each message once, and never an older version over a newer one.
 */
@ApplicationScoped
public class SupplierEventsConsumer {

    private final SupplierProjection projection;
    private final Redelivery redelivery;

    SupplierEventsConsumer(SupplierProjection projection, Redelivery redelivery) {
        this.projection = projection;
        this.redelivery = redelivery;
    }

    @Incoming(Topics.SUPPLIERS)
    @Blocking
    public void onSupplierEvent(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> projection.apply(event));
    }
}
