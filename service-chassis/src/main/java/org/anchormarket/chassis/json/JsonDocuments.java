package org.anchormarket.chassis.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Documents a service keeps as JSON (open data snapshots, say), written from its own records without the service
 * touching Jackson: fields named as the record's components, absent ones left out, amounts as written (BigDecimal),
 * times as ISO-8601 text.
 */
@ApplicationScoped
public class JsonDocuments {

    private final ObjectMapper json;

    JsonDocuments(ObjectMapper json) {
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + document.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
