package org.anchormarket.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.analytics.service.PushedPayments;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.anchormarket.contracts.messaging.Topics;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the payments anchors' finance systems push (retried while the database is down). */
@ApplicationScoped
public class SpendEventsConsumer {

    private final PushedPayments payments;
    private final Redelivery redelivery;

    SpendEventsConsumer(PushedPayments payments, Redelivery redelivery) {
        this.payments = payments;
        this.redelivery = redelivery;
    }

    @Incoming(Topics.SPEND)
    @Blocking
    public void onPayment(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> payments.apply(event));
    }
}
