package org.anchormarket.tender.support;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.tender.domain.KnownSupplier;
import org.anchormarket.testing.SharedInfra;
import org.anchormarket.testing.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Suppliers as supplier-service announces them: a new supplier user, and its organisation's SupplierRegistered on
 * the real broker (with the user as its member), awaited until this service knows it.
 */
public final class KnownSuppliers {

    private KnownSuppliers() {
    }

    /** A signed-in supplier and the organisation it acts for. */
    public record Member(String token, UUID supplierId) {
    }

    /** A new user of a new organisation so classified; {@code status} PENDING, VERIFIED or REJECTED. */
    public static Member newMember(String name, String locality, String sizeBand, boolean vcfse, String status) {
        return newMember(name, locality, sizeBand, vcfse, status, "45210000");
    }

    /** The same, working in the category of {@code cpv}. */
    public static Member newMember(String name, String locality, String sizeBand, boolean vcfse, String status,
            String cpv) {
        return newMember(name, locality, sizeBand, vcfse, status, cpv, null);
    }

    /** The same, with the organisation's contact email ({@code null}: none given). */
    public static Member newMember(String name, String locality, String sizeBand, boolean vcfse, String status,
            String cpv, String email) {
        String token = Tokens.ofNewUser("supplier");
        UUID id = UUID.randomUUID();
        send(id, 1, Topics.EventTypes.SUPPLIER_REGISTERED, """
                {"supplierId":"%s","legalName":"%s","postcode":"WN1 1AA","registeredAt":"%s","status":"%s",
                 "cpvCodes":["%s"],"members":["%s"]%s,
                 "classification":{"locality":"%s","sizeBand":"%s","sme":%s,"vcfse":%s,"vcfseVerified":false}}"""
                .formatted(id, name, Instant.now(), status, cpv, Tokens.subject(token),
                        email == null ? "" : ",\"email\":\"" + email + "\"", locality, sizeBand,
                        !"LARGE".equals(sizeBand), vcfse));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownSupplier.ofMember(Tokens.subject(token)).isPresent()));
        return new Member(token, id);
    }

    /** A verified SME in the borough. */
    public static Member localSme(String name) {
        return newMember(name, "IN_BOROUGH", "SMALL", false, "VERIFIED");
    }

    public static void send(UUID key, long version, String type, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SUPPLIERS, key.toString(), data);
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(UUID.randomUUID().toString()));
        record.headers().add("ce_type", bytes(type));
        record.headers().add("ce_source", bytes("urn:anchormarket:test"));
        record.headers().add("ce_aggregateversion", bytes(Long.toString(version)));
        record.headers().add("content-type", bytes("application/json"));
        var props = new java.util.Properties();
        props.put("bootstrap.servers", SharedInfra.kafka().bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
