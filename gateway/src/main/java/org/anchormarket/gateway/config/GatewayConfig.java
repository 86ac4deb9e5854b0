package org.anchormarket.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Map;

/** What the gateway routes where. */
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
    java.util.Optional<String> upstreamSourceAddress();

    interface Route {
        /** The path prefix, e.g. {@code /api/suppliers}; it and everything below it go to the target. */
        String prefix();

        /** The service's base URL, e.g. {@code http://127.0.0.1:8081}. */
        URI target();
    }
}
