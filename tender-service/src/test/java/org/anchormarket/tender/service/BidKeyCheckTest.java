package org.anchormarket.tender.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.anchormarket.tender.config.TenderConfig;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.KeycloakResource;
import org.anchormarket.testing.PostgresResource;
import org.junit.jupiter.api.Test;

/** A key changed by mistake stops the service at start instead of leaving sealed bids unreadable. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
class BidKeyCheckTest {

    @Inject
    BidKeyCheck check;

    @Inject
    EntityManager em;

    @Inject
    TenderConfig config;

    /** The service's settings with other bid keys. */
    private TenderConfig withKeys(String keyId, String key, Map<String, String> retired) {
        return new TenderConfig() {
            public Thresholds thresholds() {
                return config.thresholds();
            }

            public BigDecimal vatRate() {
                return config.vatRate();
            }

            public Duration shortDeadline() {
                return config.shortDeadline();
            }

            public String closeInterval() {
                return config.closeInterval();
            }

            public Ocds ocds() {
                return config.ocds();
            }

            public String publicUrl() {
                return config.publicUrl();
            }

            public Alerts alerts() {
                return config.alerts();
            }

            public Documents documents() {
                return config.documents();
            }

            public Bids bids() {
                return new Bids() {
                    public String key() {
                        return key;
                    }

                    public String keyId() {
                        return keyId;
                    }

                    public Map<String, String> retiredKeys() {
                        return retired;
                    }
                };
            }
        };
    }

    private static final String OTHER_KEY = "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktb3Q=";

    @Test
    void shouldRefuseANewKeyUnderAnOldNameAndAcceptItUnderANewOne() {
        assertDoesNotThrow(() -> check.check()); // as configured: the same key as at start
        var wrong = new BidKeyCheck(new BidSeal(withKeys(config.bids().keyId(), OTHER_KEY, Map.of())), em);
        var e = assertThrows(IllegalStateException.class,
                () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(wrong::check));
        assertTrue(e.getMessage().contains("not the key") && e.getMessage().contains(config.bids().keyId()),
                e.getMessage());
        // Rotated properly: the new key has a new name, the old one is kept as retired
        var rotated = new BidKeyCheck(new BidSeal(withKeys("k2", OTHER_KEY, Map.of(config.bids().keyId(),
                config.bids().key()))), em);
        try {
            assertDoesNotThrow(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(rotated::check));
        } finally { // the database is shared with the other tests: leave no k2 behind
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from bid_key_check where key_id = 'k2'").executeUpdate());
        }
    }
}
