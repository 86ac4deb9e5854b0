package org.anchormarket.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real Keycloak with the anchor-market realm: {@code @QuarkusTestResource(KeycloakResource.class)}. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", SharedInfra.keycloak().realmUrl());
    }

    @Override
    public void stop() {
        // Stopped when the test JVM ends.
    }
}
