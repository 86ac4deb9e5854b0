package org.anchormarket.events.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.events.service.AnchorWorks;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads tender-service's CloudEvents into what each anchor is buying and plans to buy. A passing failure is retried
 * holding the partition; a message that can never be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class TenderEventsConsumer {

    private final AnchorWorks works;
    private final Redelivery redelivery;

    TenderEventsConsumer(AnchorWorks works, Redelivery redelivery) {
        this.works = works;
        this.redelivery = redelivery;
    }

    @Incoming(Topics.TENDERS)
    @Blocking
    public void onTenderEvent(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> works.apply(event));
    }
}
