package org.anchormarket.chassis.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.UUID;
import org.anchormarket.chassis.problem.ProblemException;

/**
 * Query, path and header parameters read strictly, refused with a 400 that names the parameter: a boolean is
 * {@code true} or {@code false} (JAX-RS alone reads {@code vcfse=maybe} as false), a UUID is a UUID (JAX-RS alone
 * answers 404 for a malformed one in a path), a date is a date as yyyy-mm-dd (JAX-RS alone answers 404).
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Converter<Boolean>(name) {
                @Override
                public Boolean fromString(String value) {
                    String v = value.strip().toLowerCase(Locale.ROOT);
                    if (v.equals("true") || v.equals("false")) {
                        return Boolean.valueOf(v);
                    }
                    throw refused(name, value, "must be true or false");
                }
            };
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<UUID>(name) {
                @Override
                public UUID fromString(String value) {
                    if (value.length() == 36) {
                        try {
                            return UUID.fromString(value);
                        } catch (IllegalArgumentException e) {
                            // below
                        }
                    }
                    throw refused(name, value, "must be a UUID");
                }
            };
        }
        if (rawType == java.time.LocalDate.class) {
            return (ParamConverter<T>) new Converter<java.time.LocalDate>(name) {
                @Override
                public java.time.LocalDate fromString(String value) {
                    try {
                        return java.time.LocalDate.parse(value.strip());
                    } catch (java.time.format.DateTimeParseException e) {
                        throw refused(name, value, "must be a date as yyyy-mm-dd");
                    }
                }
            };
        }
        if (rawType == java.time.OffsetDateTime.class) {
            return (ParamConverter<T>) new Converter<java.time.OffsetDateTime>(name) {
                @Override
                public java.time.OffsetDateTime fromString(String value) {
                    try {
                        return java.time.OffsetDateTime.parse(value.strip());
                    } catch (java.time.format.DateTimeParseException e) {
                        throw refused(name, value, "must be a date and time with its offset, like "
                                + "2027-01-15T12:00:00Z");
                    }
                }
            };
        }
        return null;
    }

    /** The refusal naming the parameter, or (its name unknown here) carrying the value for the mapper to name it. */
    private static ProblemException refused(String name, String value, String reason) {
        return name.equals("parameters") ? new ProblemException.UnnamedParameter(value, reason)
                : ProblemException.invalid(name, reason);
    }

    private static String name(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof PathParam p) {
                    return p.value();
                }
                if (a instanceof HeaderParam h) {
                    return h.value();
                }
            }
        }
        return "parameters";
    }

    private abstract static class Converter<T> implements ParamConverter<T> {
        private final String name;

        Converter(String name) {
            this.name = name;
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }

        String name() {
            return name;
        }
    }
}
