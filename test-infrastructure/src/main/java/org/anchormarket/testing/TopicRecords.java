package org.anchormarket.testing;

import java.time.Duration;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.header.Header;

/**
 * Reads a topic of the shared test broker from its beginning until a record matches, for tests of messages
 * (Quarkus's Kafka companion does the reading).
 */
public final class TopicRecords {

    private TopicRecords() {
    }

    /** The first record on {@code topic} that matches, waiting up to {@code timeout}; fails the test if none. */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        try (KafkaCompanion kafka = new KafkaCompanion(SharedInfra.kafka().bootstrapServers())) {
            return kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Set.of(topic), records -> records.filter(match))
                    .awaitRecords(1, timeout).getFirstRecord();
        }
    }

    /** A record's header as text (CloudEvents binary mode puts its attributes there: ce_type, ce_subject ...). */
    public static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty()
                : Optional.of(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Matches records with this key and CloudEvents type. */
    public static Predicate<ConsumerRecord<String, String>> keyAndType(String key, String type) {
        return r -> key.equals(r.key()) && header(r, "ce_type").filter(type::equals).isPresent();
    }
}
