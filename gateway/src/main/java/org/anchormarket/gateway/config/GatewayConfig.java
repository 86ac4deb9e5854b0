package org.anchormarket.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Map;

/** What the gateway routes where. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Routes by name: {@code gateway.routes.<name>.prefix} and {@code .target}. */
    Map<String, Route> routes();

    interface Route {
        /** The path prefix, e.g. {@code /api/suppliers}; it and everything below it go to the target. */
        String prefix();

        /** The service's base URL, e.g. {@code http://127.0.0.1:8081}. */
        URI target();
    }
}
