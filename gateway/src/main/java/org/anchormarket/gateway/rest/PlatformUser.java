package org.anchormarket.gateway.rest;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import org.anchormarket.contracts.gateway.model.Me;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user: name, platform roles (Keycloak's own roles left out) and anchor. */
public record PlatformUser(String username, String name, List<String> roles, String anchor) {

    static final List<String> PLATFORM_ROLES = List.of("supplier", "buyer", "leadership", "admin");

    public static PlatformUser of(SecurityIdentity identity, JsonWebToken token) {
        List<String> roles = PLATFORM_ROLES.stream().filter(identity::hasRole).toList();
        String username = token.getClaim("preferred_username");
        String name = token.getClaim("name");
        String anchor = token.getClaim("anchor");
        return new PlatformUser(username == null ? identity.getPrincipal().getName() : username, name, roles, anchor);
    }

    Me toMe() {
        return new Me().username(username).name(name).anchor(anchor)
                .roles(roles.stream().map(Me.RolesEnum::fromValue).toList());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public String rolesText() {
        return String.join(", ", roles);
    }
}
