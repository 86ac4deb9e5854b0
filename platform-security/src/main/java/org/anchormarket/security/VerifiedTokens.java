package org.anchormarket.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Bearer tokens verified once, not again on every request until they expire. Quarkus OIDC checks a JWT's signature,
 * issuer, audience and lifetime and builds its identity on each request (a third of a service's CPU under load, and
 * more of the gateway's); a client sends the same token for its whole life (5 minutes from this realm).
 * <p>
 * How: {@link Lookup}, an identity provider asked before Quarkus OIDC's, answers with the identity a token was given
 * when it was last verified, or with nothing, and then OIDC verifies it as always; {@link Keep}, the first augmentor,
 * keeps what OIDC gave for the next request. Only access tokens sent as bearer tokens are kept (never the identity of
 * a browser's sign-in session), only after OIDC accepted them, keyed by the whole token and its tenant, and only until
 * the token's own expiry ({@code exp}) or {@value #HELD_FOR_SECONDS} s, whichever is sooner: an expired token is
 * refused exactly as before, and a token is checked against the realm's keys at least every
 * {@value #HELD_FOR_SECONDS} s. Every augmentor still runs on every request. The identity handed out is a copy bound
 * to the request it serves (its routing context), never another request's.
 * <p>
 * What a library does not do here: Quarkus OIDC caches introspection and UserInfo results, not verified JWTs
 * (quarkusio/quarkus#29777); this is that cache, on Caffeine.
 */
@Singleton
public class VerifiedTokens {

    /** The longest a verified token is trusted without being verified again. */
    public static final long HELD_FOR_SECONDS = 60;
    /** At most this many tokens held (a token and its identity take a few KB); past it, the least used go. */
    static final long MOST_TOKENS = 5_000;
    /** The OIDC identity's attribute with the token's expiry, in seconds since the epoch. */
    static final String EXPIRES_AT = "quarkus.identity.expire-time";
    /** The routing context's attribute naming the OIDC tenant that authenticates it. */
    static final String TENANT = "tenant-id";
    /** A request this cache did not answer, and whose identity it may keep: the key it is kept under. */
    private static final String TO_KEEP = VerifiedTokens.class.getName() + ".key";
    /** An identity this cache answered with (the augmentor does not keep it again). */
    private static final String FROM_CACHE = VerifiedTokens.class.getName() + ".cached";

    /** Providers are asked highest first; Quarkus OIDC's has the default priority, 1001. */
    static final int ASKED_FIRST = 10_000;

    private record Key(String tenant, String token) {
    }

    private record Held(SecurityIdentity identity, long expiresAtSeconds) {
    }

    private final Cache<Key, Held> held;
    private final LongSupplier nowMillis;
    private final java.util.concurrent.atomic.LongAdder answered = new java.util.concurrent.atomic.LongAdder();

    @Inject
    VerifiedTokens() {
        this(System::currentTimeMillis, Ticker.systemTicker());
    }

    /** With the wall clock that decides a token's expiry, and the cache's own ticker (for tests, one fake time). */
    VerifiedTokens(LongSupplier nowMillis, Ticker ticker) {
        this.nowMillis = nowMillis;
        this.held = Caffeine.newBuilder().maximumSize(MOST_TOKENS).ticker(ticker)
                .expireAfter(new Expiry<Key, Held>() {
                    @Override
                    public long expireAfterCreate(Key key, Held value, long now) {
                        return heldFor(value.expiresAtSeconds()).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Held value, long now, long current) {
                        return heldFor(value.expiresAtSeconds()).toNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, Held value, long now, long current) {
                        return current;
                    }
                }).build();
    }

    /** How long a token that expires then is held: until it expires, and never longer than HELD_FOR_SECONDS. */
    Duration heldFor(long expiresAtSeconds) {
        long left = TimeUnit.SECONDS.toMillis(expiresAtSeconds) - nowMillis.getAsLong();
        return Duration.ofMillis(Math.max(0, Math.min(left, TimeUnit.SECONDS.toMillis(HELD_FOR_SECONDS))));
    }

    /** The identity the token was last given, bound to this request; null when OIDC must verify it. */
    SecurityIdentity find(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential bearer) || bearer.isOpaque()) {
            return null;
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || !(routing.get(TENANT) instanceof String tenant)) {
            return null;
        }
        Key key = new Key(tenant, bearer.getToken());
        Held found = held.getIfPresent(key);
        // As OIDC: valid until its expiry, to the millisecond (the cache itself may hold it a little longer)
        if (found == null || TimeUnit.SECONDS.toMillis(found.expiresAtSeconds()) <= nowMillis.getAsLong()) {
            routing.put(TO_KEEP, key);
            return null;
        }
        answered.increment();
        return boundTo(found.identity(), routing, context);
    }

    /** How many requests were answered from the cache (not verified again) since start. */
    public long answered() {
        return answered.sum();
    }

    /** Keeps what OIDC made of a token this cache was asked for; an identity it answered with is not kept again. */
    void keep(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null) {
            return;
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(identity);
        if (routing == null) {
            routing = identity.getAttribute(RoutingContext.class.getName());
        }
        if (routing == null || !(routing.get(TO_KEEP) instanceof Key key)
                || !(identity.getAttribute(EXPIRES_AT) instanceof Long expiresAt) || expiresAt <= 0
                || identity.getCredentials().stream().noneMatch(c -> c instanceof AccessTokenCredential bearer
                        && key.token().equals(bearer.getToken()))) {
            return;
        }
        routing.remove(TO_KEEP);
        held.put(key, new Held(identity, expiresAt));
    }

    /** A copy of the identity whose request-bound attributes are this request's. */
    static SecurityIdentity boundTo(SecurityIdentity identity, RoutingContext routing,
            AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(identity);
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (attribute.getValue() instanceof RoutingContext) {
                copy.addAttribute(attribute.getKey(), routing);
            } else if (attribute.getValue() instanceof AuthenticationRequestContext) {
                copy.addAttribute(attribute.getKey(), context);
            }
        }
        return copy.addAttribute(FROM_CACHE, Boolean.TRUE).build();
    }

    /** Whether this token is held (verified, not expired) for this tenant. */
    public boolean holds(String tenant, String token) {
        Held found = held.getIfPresent(new Key(tenant, token));
        return found != null && TimeUnit.SECONDS.toMillis(found.expiresAtSeconds()) > nowMillis.getAsLong();
    }

    /** Asked before Quarkus OIDC: the identity a token was given, else nothing (OIDC verifies it). */
    @Singleton
    public static class Lookup implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        Lookup(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                AuthenticationRequestContext context) {
            SecurityIdentity found = tokens.find(request, context);
            return found == null ? Uni.createFrom().nullItem() : Uni.createFrom().item(found);
        }

        @Override
        public int priority() {
            return ASKED_FIRST;
        }
    }

    /** The first augmentor: keeps the identity OIDC made, before any augmentor adds to it. */
    @Singleton
    public static class Keep implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Keep(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.keep(identity);
            return Uni.createFrom().item(identity);
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }
    }
}
