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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * What OIDC checks on each request rather than on the token is never skipped: a request with a step-up requirement,
 * a DPoP proof or a client certificate to match is always verified by OIDC, and tokens bound to a key ({@code cnf})
 * are never kept. Not for tenants that limit a token's age ({@code quarkus.oidc.token.age}) or an authentication's
 * ({@code max_age}): a kept token would pass those checks for up to {@value #HELD_FOR_SECONDS} s longer.
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

    /**
     * What OIDC made of a token, without what belonged to the request that brought it (its routing context, which
     * would otherwise be kept alive with the whole request): {@code routingKeys} and {@code contextKeys} name the
     * attributes that held them, filled with each new request's own.
     */
    private record Held(SecurityIdentity identity, long expiresAtSeconds, Set<String> routingKeys,
            Set<String> contextKeys) {
    }

    /**
     * What Quarkus OIDC checks on the request itself, not on the token alone: step-up authentication
     * ({@code @AuthenticationContext}), DPoP proofs, certificate-bound tokens. A request carrying any of them is always
     * left to OIDC.
     */
    static final List<String> CHECKED_PER_REQUEST = List.of("io.quarkus.oidc.runtime.step-up-auth", "dpop_proof",
            "x5t#S256");

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
        if (routing == null || !(routing.get(TENANT) instanceof String tenant)
                || CHECKED_PER_REQUEST.stream().anyMatch(k -> routing.get(k) != null)) {
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
        return boundTo(found, routing, context);
    }

    /** How many requests were answered from the cache (not verified again) since start. */
    public long answered() {
        return answered.sum();
    }

    /**
     * Keeps what OIDC made of a token this cache was asked for, for the tenant that asked, and only a plain bearer
     * token's: never an identity this cache answered with, a browser sign-in's (ID or refresh token), a token bound
     * to a key or certificate ({@code cnf}), or one another tenant accepted after this one refused it.
     */
    void keep(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity instanceof QuarkusSecurityIdentity verified)) {
            return;
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(identity);
        if (routing == null || !(routing.get(TO_KEEP) instanceof Key key)) {
            return;
        }
        routing.remove(TO_KEEP);
        if (!(identity.getAttribute(EXPIRES_AT) instanceof Long expiresAt) || expiresAt <= 0
                || !key.tenant().equals(identity.getAttribute(TENANT))
                || identity.getCredentials().stream().noneMatch(c -> c instanceof AccessTokenCredential bearer
                        && key.token().equals(bearer.getToken()))
                || identity.getCredentials().stream().anyMatch(c -> c instanceof io.quarkus.oidc.IdTokenCredential
                        || c instanceof io.quarkus.oidc.RefreshToken)
                || identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt
                        && jwt.containsClaim("cnf")) {
            return;
        }
        held.put(key, trimmed(verified, expiresAt));
    }

    /** The identity without its request-bound attributes (their names kept, to be filled per request). */
    private static Held trimmed(QuarkusSecurityIdentity identity, long expiresAt) {
        Set<String> routingKeys = new HashSet<>();
        Set<String> contextKeys = new HashSet<>();
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal()).addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials()).addPermissions(identity.getPermissions());
        identity.getAttributes().forEach((name, value) -> {
            if (value instanceof RoutingContext) {
                routingKeys.add(name);
            } else if (value instanceof AuthenticationRequestContext) {
                contextKeys.add(name);
            } else {
                copy.addAttribute(name, value);
            }
        });
        return new Held(copy.build(), expiresAt, Set.copyOf(routingKeys), Set.copyOf(contextKeys));
    }

    /** A copy of the held identity with this request's routing context and authentication context. */
    private static SecurityIdentity boundTo(Held held, RoutingContext routing, AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(held.identity());
        held.routingKeys().forEach(name -> copy.addAttribute(name, routing));
        held.contextKeys().forEach(name -> copy.addAttribute(name, context));
        return copy.addAttribute(FROM_CACHE, Boolean.TRUE).build();
    }

    /** The identity held for a token, as held (for tests: nothing of the request that brought it). */
    SecurityIdentity held(String tenant, String token) {
        Held found = held.getIfPresent(new Key(tenant, token));
        return found == null ? null : found.identity();
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
