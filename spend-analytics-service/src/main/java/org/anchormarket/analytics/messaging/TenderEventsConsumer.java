package org.anchormarket.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.analytics.service.TenderOutcomes;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.anchormarket.contracts.messaging.Topics;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads tender-service's tender messages (contracts awarded, bids) into the tender outcomes, retried while the
 * database is down.
 */
@ApplicationScoped
public class TenderEventsConsumer {

    private final TenderOutcomes outcomes;
    private final Redelivery redelivery;

    TenderEventsConsumer(TenderOutcomes outcomes, Redelivery redelivery) {
        this.outcomes = outcomes;
        this.redelivery = redelivery;
    }

    @Incoming(Topics.TENDERS)
    @Blocking
    public void onTenderEvent(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> outcomes.apply(event));
    }
}
