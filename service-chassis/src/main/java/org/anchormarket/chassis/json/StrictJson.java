package org.anchormarket.chassis.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * JSON is read strictly, so what a client sends is either taken as it meant it or refused with a 400 naming the
 * field, never half-understood: no text read as a number or boolean, no 1.5 read as 1, no duplicate keys, nothing
 * after the value, no null inside a list, no NUL character (PostgreSQL cannot store it), no number or date beyond
 * what the database holds. A missing required field is left to Bean Validation, so every missing field is named
 * at once (not only the first the generated constructor meets).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The largest magnitude and finest precision a number may have: beyond any amount, count or share we keep. */
    static final int MAX_INTEGER_DIGITS = 18;
    static final int MAX_FRACTION_DIGITS = 10;
    /** Dates outside these years are refused (the database's range is wider; no real date is outside this). */
    static final int MIN_YEAR = 1000;
    static final int MAX_YEAR = 9999;

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[] { LogicalType.Boolean, LogicalType.Integer, LogicalType.Float }) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(new RequiredLeftToValidation(),
                mapper.getDeserializationConfig().getAnnotationIntrospector()));
        SimpleModule module = new SimpleModule("anchor-strict-json");
        module.addDeserializer(String.class, new NoNulString());
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        module.setDeserializerModifier(new BoundedDates());
        mapper.registerModule(module);
    }

    /** The generated models mark required creator properties; Bean Validation names all that are missing instead. */
    static class RequiredLeftToValidation extends NopAnnotationIntrospector {
        @Override
        public Boolean hasRequiredMarker(com.fasterxml.jackson.databind.introspect.AnnotatedMember m) {
            return Boolean.FALSE;
        }
    }

    /** A value refused for a reason of ours: the reason is the whole message, fit to show the client. */
    public static final class RefusedValue extends com.fasterxml.jackson.databind.exc.InvalidFormatException {
        RefusedValue(JsonParser p, String reason, Object value, Class<?> type) {
            super(p, reason, value, type);
        }
    }

    static class NoNulString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new RefusedValue(p, "must not contain the NUL character", value, String.class);
            }
            return value;
        }
    }

    static class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && (value.precision() - value.scale() > MAX_INTEGER_DIGITS
                    || value.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS)) {
                throw new RefusedValue(p, "has more than " + MAX_INTEGER_DIGITS + " digits before or "
                        + MAX_FRACTION_DIGITS + " after the decimal point", value, BigDecimal.class);
            }
            return value;
        }
    }

    /** Wraps the date and time deserializers: a year outside {@link #MIN_YEAR}..{@link #MAX_YEAR} is refused. */
    static class BoundedDates extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == OffsetDateTime.class || type == LocalDate.class || type == Instant.class) {
                return new BoundedYear(deserializer);
            }
            return deserializer;
        }
    }

    static class BoundedYear extends DelegatingDeserializer {
        BoundedYear(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedYear(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Temporal temporal) {
                int year = temporal instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC).getYear()
                        : temporal instanceof OffsetDateTime odt ? odt.getYear() : ((LocalDate) temporal).getYear();
                if (year < MIN_YEAR || year > MAX_YEAR) {
                    throw new RefusedValue(p, "must have a year between " + MIN_YEAR + " and " + MAX_YEAR,
                            p.getText(), value.getClass());
                }
            }
            return value;
        }
    }

}
