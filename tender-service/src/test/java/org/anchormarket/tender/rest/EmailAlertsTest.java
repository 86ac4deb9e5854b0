package org.anchormarket.tender.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anchormarket.contracts.messaging.Topics;
import org.anchormarket.tender.service.EmailAlerts;
import org.anchormarket.tender.support.KnownSuppliers;
import org.anchormarket.tender.support.TenderBodies;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.anchormarket.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Publishing a tender emails every organisation whose categories match and that may bid, once, at the address its
 * registration gave (Quarkus's mock mailbox stands for the mail server in tests); nobody else, nobody without an
 * address, nobody erased.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class EmailAlertsTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    EmailAlerts alerts;

    @Inject
    EntityManager em;

    @Test
    void shouldKeepEachSubjectOnOneLine() {
        // a title with a line break would otherwise start a header of its own
        org.junit.jupiter.api.Assertions.assertEquals("New opportunity: Meals Bcc: all@example.com",
                EmailAlerts.subject("New opportunity: Meals\r\nBcc: all@example.com"));
    }

    @Test
    void shouldEmailEachEligibleOrganisationInTheTendersCategoriesOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // artistic services (group 923): no other test's supplier works in them
        String local = "local-" + run + "@arts.example";
        String outside = "outside-" + run + "@arts.example";
        String other = "builder-" + run + "@build.example";
        String erased = "erased-" + run + "@arts.example";
        KnownSuppliers.newMember("Leigh Arts CIC " + run, "IN_BOROUGH", "MICRO", true, "VERIFIED", "92312000", local);
        KnownSuppliers.newMember("Preston Arts Ltd " + run, "NORTH_WEST", "SMALL", false, "VERIFIED", "92312000",
                outside);
        KnownSuppliers.newMember("Wigan Builders " + run, "IN_BOROUGH", "SMALL", false, "VERIFIED", "45210000", other);
        var noAddress = KnownSuppliers.newMember("Ince Theatre " + run, "IN_BOROUGH", "MICRO", true, "VERIFIED",
                "92312000", null);
        var gone = KnownSuppliers.newMember("Gone Arts " + run, "IN_BOROUGH", "MICRO", true, "VERIFIED", "92312000",
                erased);
        KnownSuppliers.send(gone.supplierId(), 2, Topics.EventTypes.SUPPLIER_ERASED, """
                {"supplierId":"%s","legalName":"Erased supplier","postcode":"WN1","erasedAt":"%s",
                 "classification":{"locality":"IN_BOROUGH","sizeBand":"MICRO","sme":true,"vcfse":true,
                 "vcfseVerified":false}}"""
                .formatted(gone.supplierId(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                org.anchormarket.tender.domain.KnownSupplier.<org.anchormarket.tender.domain.KnownSupplier>findById(
                        gone.supplierId()).erasedAt != null));

        String buyer = Tokens.of("buyer1");
        String title = "Summer arts programme " + run;
        String id = TenderLifecycleTest.create(buyer, TenderBodies.draft(title, "LOCAL",
                "30000", Duration.ofDays(10), Duration.ofDays(14), "").replace("45210000", "92310000")
                .replace("\"WORKS\"", "\"SERVICES\""));
        TenderLifecycleTest.publish(buyer, id);

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.getMailsSentTo(local).isEmpty());
        var mail = mailbox.getMailsSentTo(local).get(0);
        assertEquals("New opportunity: " + title, mail.getSubject());
        assertTrue(mail.getText().contains("/app/tenders/" + id), mail.getText());
        assertTrue(mail.getText().contains("bids until"), mail.getText());
        assertTrue(!mail.getText().contains("T12:") && !mail.getText().contains("Z)"),
                "times in people's words, not ISO: " + mail.getText());

        // the job runs again (and again): nobody is emailed twice
        alerts.sendBatch();
        alerts.sendBatch();
        assertEquals(1, mailbox.getMailsSentTo(local).size());
        assertEquals(List.of(), mailbox.getMailsSentTo(outside), "a LOCAL tender is not for Preston");
        assertEquals(List.of(), mailbox.getMailsSentTo(other), "not in the tender's categories");
        assertEquals(List.of(), mailbox.getMailsSentTo(erased), "an erased organisation is never emailed");
        String status = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select email_status from notification where supplier_id = ?1 and tender_id = ?2")
                .setParameter(1, noAddress.supplierId()).setParameter(2, UUID.fromString(id)).getSingleResult());
        assertEquals("NO_ADDRESS", status, "told on the site, with no email to send");
    }
}
