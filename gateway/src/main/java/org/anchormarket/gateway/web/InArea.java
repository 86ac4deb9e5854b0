package org.anchormarket.gateway.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The area a page belongs to (on the page class, or on a method where one differs). {@link AreaAccess} lets in only
 * the area's roles; a page under /app without one is refused to everybody.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface InArea {
    Area value();
}
