package org.anchormarket.chassis.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.OptionalLong;
import java.util.UUID;
import org.anchormarket.testing.KafkaResource;
import org.anchormarket.testing.PostgresResource;
import org.junit.jupiter.api.Test;

/** Messages are read by their schema, not by the REST API's hostile-input bounds. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class MessageReaderTest {

    public record Figures(@NotNull BigDecimal share, @NotNull LocalDate since, String note) {
    }

    @Inject
    MessageReader reader;

    private static IncomingEvent event(String data) {
        return new IncomingEvent(UUID.randomUUID().toString(), "Figures", "figures", "k", OptionalLong.empty(), data);
    }

    /** A share with 15 decimal places and an old date: beyond the API's bounds, a valid message all the same. */
    @Test
    void shouldReadAValidMessageTheApiWouldRefuse() {
        Figures figures = reader.read(event("{\"share\":0.123456789012345,\"since\":\"0999-01-01\",\"extra\":1}"),
                Figures.class);
        assertEquals(new BigDecimal("0.123456789012345"), figures.share());
        assertEquals(LocalDate.of(999, 1, 1), figures.since());
    }

    @Test
    void shouldStillTreatUnreadableOrInvalidDataAsPoison() {
        assertThrows(PoisonMessageException.class, () -> reader.read(event("{\"share\":"), Figures.class));
        assertThrows(PoisonMessageException.class, () -> reader.read(event("{\"since\":\"2026-01-01\"}"),
                Figures.class));
    }
}
