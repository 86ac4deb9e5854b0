package org.anchormarket.testing;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Messages as another service's outbox relay sends them, on the real broker of this test JVM: CloudEvents 1.0 in
 * Kafka binary mode (ce_* headers, JSON data), keyed by the aggregate, with its version.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** Sends one message and waits until the broker has it; returns its CloudEvents id. */
    public static String send(String topic, String key, long version, String type, String data) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(id));
        record.headers().add("ce_type", bytes(type));
        record.headers().add("ce_source", bytes("urn:anchormarket:test"));
        record.headers().add("ce_aggregateversion", bytes(Long.toString(version)));
        record.headers().add("content-type", bytes("application/json"));
        Properties props = new Properties();
        props.put("bootstrap.servers", SharedInfra.kafka().bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + type + " to " + topic, e);
        }
        return id;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
