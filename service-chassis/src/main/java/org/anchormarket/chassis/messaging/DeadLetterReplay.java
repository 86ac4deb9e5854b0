package org.anchormarket.chassis.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The admin command that replays a dead-letter topic (docs/reliability.md): every message not replayed before is
 * published again, unchanged (same key, value, CloudEvents headers, so consumers still de-duplicate by id), to the
 * topic it came from, without the {@code dead-letter-*} headers. Run it once the consumer can process them (a fixed
 * release); a message that still cannot be processed goes back to the dead-letter topic. Progress is kept in the
 * consumer group {@value #GROUP}, so running it again replays only what arrived since.
 * <p>
 * {@code deploy/replay-dead-letters.sh dead-letter-topic-anchor.suppliers [bootstrap-servers]}
 */
public final class DeadLetterReplay {

    public static final String GROUP = "anchor-dead-letter-replay";
    private static final String PREFIX = "dead-letter-topic-";

    private DeadLetterReplay() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || !args[0].startsWith(PREFIX)) {
            System.err.println("Usage: replay-dead-letters.sh dead-letter-topic-<topic> [bootstrap-servers, default "
                    + "127.0.0.1:9092]");
            System.exit(2);
        }
        int replayed = replay(args.length == 2 ? args[1] : "127.0.0.1:9092", args[0]);
        System.out.println("Replayed " + replayed + " message(s) from " + args[0]);
    }

    /** Replays what the dead-letter topic holds beyond this command's last run; returns how many. */
    public static int replay(String bootstrapServers, String deadLetterTopic) throws InterruptedException,
            ExecutionException {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int replayed = 0;
        try (var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            // Read up to the end the topic has now (every partition), then stop.
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic,
                    Duration.ofSeconds(30)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (var partition : partitions) {
                var committed = consumer.committed(java.util.Set.of(partition)).get(partition);
                if (committed == null) {
                    consumer.seekToBeginning(List.of(partition));
                }
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                var records = consumer.poll(Duration.ofSeconds(2));
                List<Future<?>> sent = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    sent.add(producer.send(again(record, deadLetterTopic)));
                }
                for (Future<?> ack : sent) {
                    ack.get(); // every copy acknowledged before the dead letters count as replayed
                }
                consumer.commitSync();
                replayed += sent.size();
            }
        }
        return replayed;
    }

    private static ProducerRecord<byte[], byte[]> again(ConsumerRecord<byte[], byte[]> record, String deadLetterTopic) {
        Header origin = record.headers().lastHeader("dead-letter-topic");
        String topic = origin != null ? new String(origin.value(), StandardCharsets.UTF_8)
                : deadLetterTopic.substring(PREFIX.length());
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                copy.headers().add(header);
            }
        }
        return copy;
    }
}
