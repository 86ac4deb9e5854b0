package org.anchormarket.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import io.quarkus.runtime.configuration.MemorySize;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the gateway routes where, and how it treats the services and its callers. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Routes by name: {@code gateway.routes.<name>.prefix} and {@code .target}. */
    Map<String, Route> routes();

    /**
     * The local address the gateway connects to the services from (application.properties: 127.0.0.2, for one Linux
     * machine). The services trust forwarded headers from this address only (their
     * quarkus.http.proxy.trusted-proxies), so no other process on the machine can forge them. Set it empty to let
     * the system choose (a machine without 127.0.0.2, services on other hosts: trust the gateway's address there).
     */
    Optional<String> upstreamSourceAddress();

    /** How the gateway calls the services. */
    Upstream upstream();

    /** How many requests a caller may make. */
    RateLimits rateLimits();

    /** How large a request body may be. */
    Bodies bodies();

    interface Bodies {
        /** The largest body sent to a service's API: larger ones are refused with 413 before they are read. */
        @WithDefault("10M")
        MemorySize maxSize();

        /** Paths that take streamed uploads (spend files), up to {@link #maxUploadSize()}, never held in memory. */
        @WithDefault("/api/spend/uploads,/app/spend/uploads")
        List<String> uploadPaths();

        @WithDefault("100M")
        MemorySize maxUploadSize();
    }

    /**
     * The key the web sessions are encrypted and the CSRF tokens signed with (GATEWAY_SESSION_SECRET): required
     * outside dev and test, at least 32 characters.
     */
    String sessionSecret();

    /** The web UI. */
    Web web();

    interface Web {
        /** The GOV.UK Frontend WebJar's version, in the pages' asset paths. */
        String govukFrontendVersion();

        /** The Chart.js WebJar's version, in the spend dashboard's script path. */
        String chartjsVersion();
    }

    interface Route {
        /** The path prefix, e.g. {@code /api/suppliers}; it and everything below it go to the target. */
        String prefix();

        /** The service's base URL, e.g. {@code http://127.0.0.1:8081}. */
        URI target();
    }

    interface Upstream {
        /** The longest wait for a new connection to a service to open: then 503. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * The longest a request waits for one of the pool's connections while all are busy (a crowd registering for
         * an event at once): then 503. A service that is down refuses at once, whatever this is.
         */
        @WithDefault("60s")
        Duration poolWaitTimeout();

        /** The longest a service may stay silent while answering: then 504. */
        @WithDefault("30s")
        Duration readTimeout();

        /** Connections kept open to each service. */
        @WithDefault("100")
        int poolSize();

        /** Requests that may wait for one of them; beyond, 503 at once. */
        @WithDefault("1000")
        int waitQueueSize();

        /** Connection attempts for idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) when a service refuses. */
        @WithDefault("3")
        int idempotentAttempts();

        /**
         * Failures (connection refused, read timeouts, 503s) within 10 s after which a service's circuit opens.
         */
        @WithDefault("5")
        int circuitFailures();

        /** How long an open circuit answers 503 at once before trying the service again. */
        @WithDefault("10s")
        Duration circuitOpenFor();
    }

    interface RateLimits {
        /** Requests a minute from one client address (every path, before sign-in is checked). */
        @WithDefault("3000")
        long perAddressPerMinute();

        /** Requests a minute by one signed-in user or token subject. */
        @WithDefault("1200")
        long perUserPerMinute();
    }
}
