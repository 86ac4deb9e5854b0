package org.anchormarket.events.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.events.service.SupplierDirectory;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads supplier-service's CloudEvents into the suppliers this service knows. A passing failure is retried holding the partition; a message that can never be read goes to the
 * dead-letter topic.
 */
@ApplicationScoped
public class SupplierEventsConsumer {

    private final SupplierDirectory directory;
    private final Redelivery redelivery;

    SupplierEventsConsumer(SupplierDirectory directory, Redelivery redelivery) {
        this.directory = directory;
        this.redelivery = redelivery;
    }

    @Incoming(Topics.SUPPLIERS)
    @Blocking
    public void onSupplierEvent(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> directory.apply(event));
    }
}
