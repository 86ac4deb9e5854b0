package org.anchormarket.gateway.web;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The access check of every page, from {@link Area}'s list: the page's area must be open to one of the signed-in
 * user's roles. (Signing in itself is asked for before: quarkus.http.auth.permission.app.) Pages without an area are
 * refused: a new page is closed until it says where it belongs.
 */
public class AreaAccess {

    private final CurrentUser user;

    AreaAccess(CurrentUser user) {
        this.user = user;
    }

    @ServerRequestFilter
    public void check(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Class<?> page = resource.getResourceClass();
        if (method == null || page == null || !page.getPackageName().startsWith(Area.class.getPackageName())) {
            return; // not a page (the gateway's API checks its own)
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
}
