package org.anchormarket.gateway.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The access check of every page, from {@link Area}'s list: the page's area must be open to one of the signed-in
 * user's roles. (Signing in itself is asked for before: quarkus.http.auth.permission.app.) Every JAX-RS resource
 * outside /api/ is a page, whatever its package: one without an area is refused, so a new page is closed until it
 * says where it belongs.
 */
public class AreaAccess {

    private final CurrentUser user;
    private final HttpServerRequest request;

    AreaAccess(CurrentUser user, HttpServerRequest request) {
        this.user = user;
        this.request = request;
    }

    @ServerRequestFilter
    public void check(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Class<?> page = resource.getResourceClass();
        if (!isPage(request.path())) {
            return; // the gateway's API (/api/me) checks its own
        }
        if (method == null || page == null) {
            throw new ForbiddenException("No page");
        }
        InArea area = method.isAnnotationPresent(InArea.class) ? method.getAnnotation(InArea.class)
                : page.getAnnotation(InArea.class);
        if (area == null) {
            throw new ForbiddenException("The page " + page.getSimpleName() + "." + method.getName()
                    + " belongs to no area");
        }
        if (area.value() == Area.PUBLIC) {
            return;
        }
        if (!user.signedIn() || !area.value().openTo(user.roles())) {
            throw new ForbiddenException(area.value().label());
        }
    }

    /** Everything the gateway serves through JAX-RS is a page, except its API under /api/. */
    static boolean isPage(String path) {
        return path == null || !path.startsWith("/api/");
    }
}
