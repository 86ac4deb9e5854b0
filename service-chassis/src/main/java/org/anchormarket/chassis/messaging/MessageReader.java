package org.anchormarket.chassis.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a message's data into its schema's generated class and checks it against the schema (required fields,
 * formats): what cannot be read or is invalid is a poison message. Fields and enum values it does not know are
 * tolerated, so producers can add them.
 */
@ApplicationScoped
public class MessageReader {

    private final ObjectMapper json;
    private final Validator validator;

    MessageReader(ObjectMapper json, Validator validator) {
        this.json = json;
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
