package org.anchormarket.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.analytics.service.AnchorProjection;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.anchormarket.contracts.messaging.Topics;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads tender-service's anchor messages into the anchor projection (retried while the database is down). */
@ApplicationScoped
public class AnchorEventsConsumer {

    private final AnchorProjection projection;
    private final Redelivery redelivery;

    AnchorEventsConsumer(AnchorProjection projection, Redelivery redelivery) {
        this.projection = projection;
        this.redelivery = redelivery;
    }

    @Incoming(Topics.ANCHORS)
    @Blocking
    public void onAnchorEvent(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> projection.apply(event));
    }
}
