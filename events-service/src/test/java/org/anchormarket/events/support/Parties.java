package org.anchormarket.events.support;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.events.domain.KnownAnchor;
import org.anchormarket.events.domain.KnownSupplier;
import org.anchormarket.testing.CloudEventRecords;
import org.anchormarket.testing.Tokens;

/**
 * The anchors and suppliers the other services announce, sent on the real broker as they send them and awaited until
 * this service knows them.
 */
public final class Parties {

    private Parties() {
    }

    /** A signed-in supplier and the organisation it acts for. */
    public record Member(String token, UUID supplierId, String name) {
    }

    /** The anchor, announced by tender-service (AnchorRegistered), known here on return. */
    public static void anchor(String id, String name) {
        if (QuarkusTransaction.requiringNew().call(() -> KnownAnchor.findById(id) != null)) {
            return;
        }
        CloudEventRecords.send(Topics.ANCHORS, id, 1, Topics.EventTypes.ANCHOR_REGISTERED, """
                {"anchorId":"%s","name":"%s","type":"SUB_CENTRAL","registeredAt":"%s"}"""
                .formatted(id, name, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> KnownAnchor.findById(id) != null));
    }

    /** The demo realm's anchors: buyer1 buys for wigan-council. */
    public static void demoAnchors() {
        anchor("wigan-council", "Wigan Council");
        anchor("wwl-nhs", "Wrightington, Wigan and Leigh Teaching Hospitals");
    }

    /** A new user of a new organisation (status PENDING, VERIFIED or REJECTED), announced by supplier-service. */
    public static Member supplier(String name, String status) {
        String token = Tokens.ofNewUser("supplier");
        UUID id = UUID.randomUUID();
        CloudEventRecords.send(Topics.SUPPLIERS, id.toString(), 1, Topics.EventTypes.SUPPLIER_REGISTERED, """
                {"supplierId":"%s","legalName":"%s","postcode":"WN1 1AA","registeredAt":"%s","status":"%s",
                 "cpvCodes":["45210000"],"members":["%s"],
                 "classification":{"locality":"IN_BOROUGH","sizeBand":"SMALL","sme":true,"vcfse":false,
                 "vcfseVerified":false}}""".formatted(id, name, Instant.now(), status, Tokens.subject(token)));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownSupplier.ofMember(Tokens.subject(token)).isPresent()));
        return new Member(token, id, name);
    }

    public static Member supplier(String name) {
        return supplier(name, "VERIFIED");
    }

    /** Organisations known here without a user (as imported ones are), written straight in: for load tests. */
    public static java.util.List<UUID> organisations(int count, String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.List<UUID> ids = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                KnownSupplier s = new KnownSupplier();
                s.supplierId = UUID.randomUUID();
                s.legalName = prefix + " " + (i + 1) + " Ltd";
                s.status = "VERIFIED";
                s.updatedAt = Instant.now();
                s.persist();
                ids.add(s.supplierId);
            }
            return ids;
        });
    }
}
