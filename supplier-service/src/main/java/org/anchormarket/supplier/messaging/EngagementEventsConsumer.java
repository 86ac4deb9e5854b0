package org.anchormarket.supplier.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.supplier.service.ProcurementTraining;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads events-service's engagement messages (training completed) into bid-readiness, retried while the database is down. */
@ApplicationScoped
public class EngagementEventsConsumer {

    private final ProcurementTraining training;
    private final Redelivery redelivery;

    EngagementEventsConsumer(ProcurementTraining training, Redelivery redelivery) {
        this.training = training;
        this.redelivery = redelivery;
    }

    @Incoming(Topics.ENGAGEMENT)
    @Blocking
    public void onEngagementEvent(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> training.apply(event));
    }
}
