package org.anchormarket.chassis.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a message's data into its schema's generated class and checks it against the schema (required fields,
 * formats): what cannot be read or is invalid is a poison message. Fields and enum values it does not know are
 * tolerated, so producers can add them. Messages are read with a mapper of their own, not the REST API's strict one
 * (StrictJson bounds numbers and dates against hostile callers; a valid message from a producer, say a share with
 * more decimal places, must never go to the dead-letter topic for that).
 */
@ApplicationScoped
public class MessageReader {

    private static final ObjectMapper MESSAGES = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    private final ObjectMapper json = MESSAGES;
    private final Validator validator;

    MessageReader(Validator validator) {
        this.validator = validator;
    }

    public <T> T read(IncomingEvent event, Class<T> schema) {
        T data;
        try {
            data = json.readValue(event.data(), schema);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " cannot be read as "
                    + schema.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (data == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " has null data");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " is not a valid "
                    + schema.getSimpleName() + ": " + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                            .collect(Collectors.joining("; ")));
        }
        return data;
    }
}
