package org.anchormarket.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How spend files are taken in and read. */
@ConfigMapping(prefix = "analytics.uploads")
public interface UploadsConfig {

    /** Lines written per transaction while a file is read. */
    @WithDefault("2000")
    int batchSize();

    /**
     * How long an instance holds an upload it reads without renewing its lease (each batch renews it); a lease left
     * to expire (the instance died) lets another instance, or this one restarted, take the upload over.
     */
    @WithDefault("2m")
    Duration lease();

    /** How often uploads waiting to be read (or left by an instance that died) are looked for. */
    @WithDefault("5s")
    Duration pollInterval();

    /** How many times reading an upload is tried before it is marked FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** The size of the parts an uploaded file is kept in until it has been read. */
    @WithDefault("1048576")
    int partSize();
}
