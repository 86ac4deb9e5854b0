package org.anchormarket.chassis.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A CloudEvent as a consumer sees it: id (for the inbox), type, the topic it came on and the aggregate's key and
 * version (for the version guard: producers number versions per topic and key) and the JSON data. Built from the
 * Kafka record; what is not a CloudEvent is a poison message.
 */
public record IncomingEvent(String id, String type, String topic, String key, OptionalLong version, String data) {

    /** The inbox's columns hold ids and keys this long. */
    static final int MAX_ID_LENGTH = 200;

    public static IncomingEvent of(String data, IncomingKafkaRecordMetadata<?, ?> record) {
        if (record == null) {
            throw new PoisonMessageException("Not a Kafka record");
        }
        Headers headers = record.getHeaders();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new PoisonMessageException("Not a CloudEvent: no ce_id or ce_type header");
        }
        Object key = record.getKey();
        String subject = header(headers, CloudEventHeaders.SUBJECT);
        String aggregate = key != null ? key.toString() : subject;
        if (aggregate == null || aggregate.isBlank()) {
            throw new PoisonMessageException("No aggregate key: the record has no key and no ce_subject");
        }
        if (id.length() > MAX_ID_LENGTH || aggregate.length() > MAX_ID_LENGTH) {
            throw new PoisonMessageException("ce_id or key longer than " + MAX_ID_LENGTH + " characters");
        }
        String versionText = header(headers, CloudEventHeaders.AGGREGATE_VERSION_HEADER);
        OptionalLong version;
        try {
            version = versionText == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(versionText.trim()));
        } catch (NumberFormatException e) {
            throw new PoisonMessageException("ce_" + CloudEventHeaders.AGGREGATE_VERSION + " is not a number: "
                    + versionText);
        }
        if (data == null) {
            throw new PoisonMessageException("The message has no data");
        }
        return new IncomingEvent(id, type, record.getTopic(), aggregate, version, data);
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
