package org.anchormarket.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.analytics.service.EventAttendance;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.anchormarket.contracts.messaging.Topics;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads events-service's engagement messages (who came to events) into the funnel, retried while the database is down. */
@ApplicationScoped
public class EngagementEventsConsumer {

    private final EventAttendance attendance;
    private final Redelivery redelivery;

    EngagementEventsConsumer(EventAttendance attendance, Redelivery redelivery) {
        this.attendance = attendance;
        this.redelivery = redelivery;
    }

    @Incoming(Topics.ENGAGEMENT)
    @Blocking
    public void onEngagementEvent(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> attendance.apply(event));
    }
}
