package org.anchormarket.events.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.events.service.AnchorDirectory;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads tender-service's CloudEvents into the anchors this service knows. A passing failure is retried holding the partition; a message that can never be read goes to the
 * dead-letter topic.
 */
@ApplicationScoped
public class AnchorEventsConsumer {

    private final AnchorDirectory anchors;
    private final Redelivery redelivery;

    AnchorEventsConsumer(AnchorDirectory anchors, Redelivery redelivery) {
        this.anchors = anchors;
        this.redelivery = redelivery;
    }

    @Incoming(Topics.ANCHORS)
    @Blocking
    public void onAnchorEvent(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> anchors.apply(event));
    }
}
