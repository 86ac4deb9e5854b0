package org.anchormarket.gateway.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The gateway does not start with a session secret anyone could guess by its length. */
@ApplicationScoped
public class SessionSecretCheck {

    static final int MINIMUM = 32;

    void check(@Observes StartupEvent start, GatewayConfig config) {
        if (config.sessionSecret().strip().length() < MINIMUM) {
            throw new IllegalStateException("GATEWAY_SESSION_SECRET must be at least " + MINIMUM + " characters");
        }
    }
}
