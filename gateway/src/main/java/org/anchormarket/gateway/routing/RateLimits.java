package org.anchormarket.gateway.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.anchormarket.gateway.config.GatewayConfig;

/**
 * Rate limits at the door (Bucket4j token buckets, one a client address and one a user, in bounded Caffeine caches):
 * the address limit before the token is even checked (so floods of bad tokens are limited too), the user limit once
 * the caller is known. Over either: 429 problem+json with Retry-After, and nothing reaches a service. Client
 * addresses are the gateway's view of them (its own front proxy's X-Forwarded-For only where quarkus.http.proxy
 * trusts it).
 */
@ApplicationScoped
public class RateLimits {

    /** Before Quarkus authenticates (order -200). */
    static final int ADDRESS_ORDER = -250;
    /** After Quarkus authorises (order -100), before the routes (order -10) and the pages. */
    static final int USER_ORDER = -50;

    private final Cache<String, Bucket> addresses = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(10, TimeUnit.MINUTES).build();
    private final Cache<String, Bucket> users = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(10, TimeUnit.MINUTES).build();

    void register(@Observes Router router, GatewayConfig config) {
        long perAddress = config.rateLimits().perAddressPerMinute();
        long perUser = config.rateLimits().perUserPerMinute();
        router.route().order(ADDRESS_ORDER).handler(rc -> {
            if (asset(rc.request().path())) {
                rc.next(); // a page's styles and scripts are not counted against its visitor
                return;
            }
            limit(rc, addresses, address(rc), perAddress, "from your address");
        });
        router.route().order(USER_ORDER).handler(rc -> {
            if (rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
                limit(rc, users, user.getSecurityIdentity().getPrincipal().getName(), perUser, "by you");
            } else {
                rc.next();
            }
        });
    }

    private static boolean asset(String path) {
        return path != null && (path.startsWith("/static/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico"));
    }

    /** The client's address; an IPv6 client by its /64, which one client can fill with addresses at will. */
    private static String address(RoutingContext rc) {
        if (rc.request().remoteAddress() == null) {
            return "unknown";
        }
        String host = rc.request().remoteAddress().hostAddress();
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(host); // a literal: no lookup
            if (address instanceof java.net.Inet6Address) {
                byte[] bytes = address.getAddress();
                return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
        } catch (java.net.UnknownHostException e) {
            // keep the text
        }
        return host;
    }

    private static void limit(RoutingContext rc, Cache<String, Bucket> buckets, String key, long perMinute,
            String whose) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            rc.next();
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        rc.response().setStatusCode(429).setStatusMessage("Too Many Requests")
                .putHeader("Content-Type", GatewayProblems.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(seconds))
                .end(GatewayProblems.body(429, "Too Many Requests", "More than " + perMinute
                        + " requests a minute " + whose + ". Try again in " + seconds + " s."));
    }
}
