package org.anchormarket.chassis.messaging;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the data as the record's
 * value. The platform adds one extension, {@value #AGGREGATE_VERSION}: the version of the aggregate (the record's
 * key) after the change the message announces, 1, 2, 3 ... so consumers can ignore a stale one.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** The extension attribute's name (CloudEvents names are lower-case letters and digits). */
    public static final String AGGREGATE_VERSION = "aggregateversion";
    public static final String AGGREGATE_VERSION_HEADER = "ce_" + AGGREGATE_VERSION;

    private CloudEventHeaders() {
    }
}
