package org.anchormarket.analytics.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;
import org.anchormarket.analytics.domain.KnownAnchor;

/** Anchors of a test's own, known here as if anchor.anchors had told of them. */
final class KnownAnchors {

    private KnownAnchors() {
    }

    /** A new anchor (its name its id); returns its id. */
    static String create() {
        String anchor = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            KnownAnchor a = new KnownAnchor();
            a.anchorId = anchor;
            a.name = anchor;
            a.type = "SUB_CENTRAL";
            a.updatedAt = Instant.now();
            a.persist();
        });
        return anchor;
    }
}
