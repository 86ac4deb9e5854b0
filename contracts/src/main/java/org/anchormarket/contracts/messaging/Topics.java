package org.anchormarket.contracts.messaging;

/** Kafka topic names and CloudEvents types: the one place they are spelled. */
public final class Topics {

    /** Supplier lifecycle events, keyed by supplier id. Owned by supplier-service. */
    public static final String SUPPLIERS = "anchor.suppliers";
    /** The anchor institutions, keyed by anchor id. Owned by tender-service. */
    public static final String ANCHORS = "anchor.anchors";
    /** Tenders and their contracts (TenderPublished, ..., ContractAwarded), keyed by tender id, and forward plans
     * (PipelineItemAnnounced), keyed by plan id. Owned by tender-service. */
    public static final String TENDERS = "anchor.tenders";
    /** Payments anchors' finance systems push (PaymentMade), keyed by anchor id. Read by spend analytics. */
    public static final String SPEND = "anchor.spend";
    /** Suppliers' engagement with events (RegistrationConfirmed, ..., TrainingCompleted), keyed by event id. Owned by
     * events-service. */
    public static final String ENGAGEMENT = "anchor.engagement";

    private Topics() {
    }

    /** CloudEvents {@code type} values. */
    public static final class EventTypes {
        public static final String SUPPLIER_REGISTERED = "org.anchormarket.suppliers.SupplierRegistered";
        public static final String SUPPLIER_UPDATED = "org.anchormarket.suppliers.SupplierUpdated";
        public static final String SUPPLIER_VERIFIED = "org.anchormarket.suppliers.SupplierVerified";
        public static final String SUPPLIER_ERASED = "org.anchormarket.suppliers.SupplierErased";
        public static final String ANCHOR_REGISTERED = "org.anchormarket.anchors.AnchorRegistered";
        public static final String ANCHOR_UPDATED = "org.anchormarket.anchors.AnchorUpdated";
        public static final String TENDER_PUBLISHED = "org.anchormarket.tenders.TenderPublished";
        public static final String PIPELINE_ITEM_ANNOUNCED = "org.anchormarket.tenders.PipelineItemAnnounced";
        public static final String TENDER_AMENDED = "org.anchormarket.tenders.TenderAmended";
        public static final String TENDER_CLOSED = "org.anchormarket.tenders.TenderClosed";
        public static final String BID_SUBMITTED = "org.anchormarket.tenders.BidSubmitted";
        public static final String CONTRACT_AWARDED = "org.anchormarket.tenders.ContractAwarded";
        public static final String REGISTRATION_CONFIRMED = "org.anchormarket.engagement.RegistrationConfirmed";
        public static final String REGISTRATION_CANCELLED = "org.anchormarket.engagement.RegistrationCancelled";
        public static final String ATTENDANCE_RECORDED = "org.anchormarket.engagement.AttendanceRecorded";
        public static final String TRAINING_COMPLETED = "org.anchormarket.engagement.TrainingCompleted";
        public static final String PAYMENT_MADE = "org.anchormarket.spend.PaymentMade";

        private EventTypes() {
        }
    }
}
