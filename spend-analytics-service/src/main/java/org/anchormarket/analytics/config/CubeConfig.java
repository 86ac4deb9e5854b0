package org.anchormarket.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the spend aggregates are kept (service/SpendCube). */
@ConfigMapping(prefix = "analytics.cube")
public interface CubeConfig {

    /** How often the worker brings marked slices up to date ({@code off}: never by itself, as in tests). */
    @WithDefault("1s")
    String refreshInterval();

    /**
     * How long a slice must go without a new mark before it is computed (or its first mark be ten times older), so
     * that a slice an upload is still writing to is not computed after every batch.
     */
    @WithDefault("2s")
    Duration settle();
}
