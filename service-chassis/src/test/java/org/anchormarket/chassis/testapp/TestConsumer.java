package org.anchormarket.chassis.testapp;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.anchormarket.chassis.messaging.IncomingEvent;
import org.anchormarket.chassis.messaging.Redelivery;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The shape of every consumer: read the envelope, process with redelivery of passing failures. */
@ApplicationScoped
public class TestConsumer {

    private final TestProjection projection;
    private final Redelivery redelivery;

    TestConsumer(TestProjection projection, Redelivery redelivery) {
        this.projection = projection;
        this.redelivery = redelivery;
    }

    @Incoming("chassis-test")
    @Blocking
    public void on(String data, IncomingKafkaRecordMetadata<String, String> record) {
        IncomingEvent event = IncomingEvent.of(data, record);
        redelivery.process(() -> projection.apply(event));
    }
}
