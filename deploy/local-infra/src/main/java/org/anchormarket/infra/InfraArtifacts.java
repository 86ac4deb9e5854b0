package org.anchormarket.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** Where Maven put the Kafka broker's jars and the Keycloak distribution (written by deploy/infra-artifacts). */
public record InfraArtifacts(String kafkaVersion, String kafkaClasspath, String keycloakVersion, Path keycloakZip) {

    private static final String RESOURCE = "/org/anchormarket/infra/artifacts.properties";

    public static InfraArtifacts load() {
        try (InputStream in = InfraArtifacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build deploy/infra-artifacts first");
            }
            Properties p = new Properties();
            p.load(in);
            return new InfraArtifacts(p.getProperty("kafka.version"), p.getProperty("kafka.classpath"),
                    p.getProperty("keycloak.version"), Path.of(p.getProperty("keycloak.dist.zip")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
