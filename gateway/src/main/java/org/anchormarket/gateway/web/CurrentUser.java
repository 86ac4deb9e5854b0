package org.anchormarket.gateway.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.anchormarket.gateway.rest.PlatformUser;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user as every template sees them ({@code inject:user}): name, roles, anchor, and the navigation
 * their roles open. The one place pages learn who is asking.
 */
@RequestScoped
@Named("user")
public class CurrentUser {

    /** A line of the navigation: where, what it is called, and whether it is the page being shown. */
    public record NavigationItem(String label, String href, boolean current) {
    }

    private final SecurityIdentity identity;
    private final JsonWebToken idToken;
    private final HttpServerRequest request;
    private PlatformUser user;

    CurrentUser(SecurityIdentity identity, JsonWebToken idToken, HttpServerRequest request) {
        this.identity = identity;
        this.idToken = idToken;
        this.request = request;
    }

    private PlatformUser user() {
        if (user == null) {
            user = identity.isAnonymous() ? new PlatformUser(null, null, List.of(), null)
                    : PlatformUser.of(identity, idToken);
        }
        return user;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String username() {
        return user().username();
    }

    /** The name to greet them by: their full name, else their username. */
    public String name() {
        return user().name() == null || user().name().isBlank() ? user().username() : user().name();
    }

    public String anchor() {
        return user().anchor();
    }

    public Set<String> roles() {
        return Set.copyOf(user().roles());
    }

    public boolean has(String role) {
        return user().has(role);
    }

    /** Their roles in people's words: "Buyer, Admin". */
    public String rolesText() {
        return user().roles().stream().map(r -> Character.toUpperCase(r.charAt(0)) + r.substring(1))
                .collect(Collectors.joining(", "));
    }

    /** The areas their roles open, in the list's order; the longest matching path is the current one. */
    public List<NavigationItem> navigation() {
        String path = request.path() == null ? "" : request.path();
        List<Area> open = Arrays.stream(Area.values()).filter(Area::inNavigation).filter(a -> a.openTo(roles()))
                .toList();
        String current = open.stream().map(Area::path).filter(p -> path.equals(p) || path.startsWith(p + "/"))
                .reduce((a, b) -> a.length() >= b.length() ? a : b).orElse("");
        return open.stream().map(a -> new NavigationItem(a.label(), a.path(), a.path().equals(current))).toList();
    }
}
