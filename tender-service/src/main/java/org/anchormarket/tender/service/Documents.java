package org.anchormarket.tender.service;

import org.anchormarket.chassis.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.tender.config.TenderConfig;
import org.anchormarket.tender.domain.Bid;
import org.anchormarket.tender.domain.BidAttachment;
import org.anchormarket.tender.domain.FileKind;
import org.anchormarket.tender.domain.KnownSupplier;
import org.anchormarket.tender.domain.Tender;
import org.anchormarket.tender.domain.TenderDocument;
import org.anchormarket.tender.domain.TenderLot;

/**
 * Files: a tender's documents (public once it is; added after publication they are an amendment, told to followers
 * and bidders) and bids' attachments (sealed like the bids, their names too, until the opening). Each file is one of
 * {@link FileKind}'s, its contents checked against its type, at most {@code tender.documents.max-size}.
 */
@ApplicationScoped
public class Documents {

    static final int MAX_DOCUMENTS = 20;
    static final int MAX_ATTACHMENTS = 10;

    private final Tenders tenders;
    private final SupplierDirectory directory;
    private final BidSeal seal;
    private final TenderMessages messages;
    private final Notifications notifications;
    private final OpenData openData;
    private final Audit audit;
    private final TenderConfig config;
    private final EntityManager em;
    private final Clock clock;

    Documents(Tenders tenders, SupplierDirectory directory, BidSeal seal, TenderMessages messages,
            Notifications notifications, OpenData openData, Audit audit, TenderConfig config, EntityManager em,
            Clock clock) {
        this.tenders = tenders;
        this.directory = directory;
        this.seal = seal;
        this.messages = messages;
        this.notifications = notifications;
        this.openData = openData;
        this.audit = audit;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /** A file as it arrived: the name given, the Content-Type sent, its bytes. */
    public record Upload(String name, String contentType, byte[] bytes) {
    }

    /** A file to send back; {@code shared}: anyone may read it (a published tender's), so caches may keep it. */
    public record File(String name, String contentType, byte[] bytes, String sha256, boolean shared) {
    }

    /** A bid's attachment as its readers see it. */
    public record Attachment(UUID id, String name, String contentType, long size, Instant addedAt) {
    }

    /** The largest file taken, in bytes. */
    public long maxSize() {
        return config.documents().maxSize().asLongValue();
    }

    @Transactional
    public TenderDocument add(UUID tenderId, Upload upload, String reason, Caller caller) {
        Tender t = tenders.forUpdate(tenderId, caller);
        caller.requireActsFor(t.anchorId);
        Instant now = clock.instant();
        Tender.Status status = t.status(now);
        if (status != Tender.Status.DRAFT && status != Tender.Status.PUBLISHED) {
            throw new DomainException.Conflict("The tender is " + status + ": documents are added to drafts and to "
                    + "tenders open for bids", "status");
        }
        FileKind kind = check(upload);
        String why = reason == null ? "" : reason.strip();
        if (status == Tender.Status.PUBLISHED && why.length() < 3) {
            throw DomainException.Invalid.field("reason", "must say why the document is added to a published tender "
                    + "(an amendment, told to followers and bidders), in at least three characters");
        }
        if (TenderDocument.count("tenderId", t.id) >= MAX_DOCUMENTS) {
            throw new DomainException.Conflict("A tender holds at most " + MAX_DOCUMENTS + " documents", "documents");
        }
        TenderDocument d = new TenderDocument();
        d.id = UUID.randomUUID();
        d.tenderId = t.id;
        d.name = name(kind, upload.name());
        d.contentType = kind.mediaType();
        d.size = upload.bytes().length;
        d.sha256 = sha256(upload.bytes());
        d.content = upload.bytes();
        d.reason = status == Tender.Status.PUBLISHED ? why : null;
        d.addedBy = caller.actor();
        d.addedAt = now;
        d.persist();
        em.flush();
        if (status == Tender.Status.PUBLISHED) {
            messages.amended(t, why, List.of("documents"), now);
            notifications.changed(t, "TENDER_AMENDED", "New document", why + " (" + d.name + ")", now);
            openData.release(t, now, "tenderAmendment");
        }
        audit.record(t.id, now, caller.actor(), "DOCUMENT_ADDED", d.name + " (" + d.size + " bytes, sha256 "
                + d.sha256 + ")" + (d.reason == null ? "" : ": " + d.reason));
        return d;
    }

    /** The tender's documents: anyone's once it is public, its anchor's before. */
    public List<TenderDocument> list(UUID tenderId, Caller caller) {
        return TenderDocument.of(tenders.get(tenderId, caller).id);
    }

    public File document(UUID tenderId, UUID documentId, Caller caller) {
        Tender t = tenders.get(tenderId, caller);
        TenderDocument d = TenderDocument.findById(documentId);
        if (d == null || !d.tenderId.equals(t.id)) {
            throw new DomainException.NotFound("Document " + documentId + " of tender " + tenderId);
        }
        return new File(d.name, d.contentType, d.content, d.sha256, t.isPublic());
    }

    @Transactional
    public Attachment attach(UUID tenderId, UUID lotId, Upload upload, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        Tender t = tenders.forShare(tenderId, caller);
        TenderLot lot = Bids.lot(t, lotId);
        Instant now = clock.instant();
        Bids.requireOpenForBids(t, now);
        t.reservation.refuses(org).ifPresent(reason -> {
            throw new DomainException.NotAllowed(reason);
        });
        FileKind kind = check(upload);
        // The bid's row lock: two uploads to one bid, or an upload and the bid's withdrawal, take turns; the file
        // belongs to the bid (deleted with it)
        @SuppressWarnings("unchecked")
        List<UUID> bid = em.createNativeQuery("select id from bid where lot_id = ?1 and supplier_id = ?2 for update",
                UUID.class).setParameter(1, lot.id).setParameter(2, org.supplierId).getResultList();
        if (bid.isEmpty()) {
            throw new DomainException.Conflict("Submit your bid for lot " + lot.number + " first, then add its files",
                    "bid");
        }
        if (BidAttachment.count("lotId = ?1 and supplierId = ?2", lot.id, org.supplierId) >= MAX_ATTACHMENTS) {
            throw new DomainException.Conflict("A bid holds at most " + MAX_ATTACHMENTS + " files", "attachments");
        }
        BidAttachment a = new BidAttachment();
        a.id = UUID.randomUUID();
        a.tenderId = t.id;
        a.lotId = lot.id;
        a.supplierId = org.supplierId;
        a.bidId = bid.get(0);
        String name = name(kind, upload.name());
        BidSeal.Sealed meta = seal.seal(meta(name, kind.mediaType()), t.id, lot.id, org.supplierId, a.id + " meta");
        BidSeal.Sealed content = seal.seal(upload.bytes(), t.id, lot.id, org.supplierId, a.id + " content");
        a.keyId = content.keyId();
        a.sealedMeta = meta.bytes();
        a.sealed = content.bytes();
        a.size = upload.bytes().length;
        a.addedAt = now;
        a.persist();
        audit.record(t.id, now, caller.actor(), "BID_ATTACHMENT_ADDED", "lot " + lot.number + ", supplier "
                + org.supplierId);
        return new Attachment(a.id, name, kind.mediaType(), a.size, now);
    }

    /** The caller's organisation's files for its bid on the lot. */
    public List<Attachment> mine(UUID tenderId, UUID lotId, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        Tender t = tenders.get(tenderId, caller);
        TenderLot lot = Bids.lot(t, lotId);
        return attachments(lot.id, org.supplierId);
    }

    /** A bid's files, names opened: for its bidder, or its buyer after the opening (the caller checks which). */
    public List<Attachment> attachments(UUID lotId, UUID supplierId) {
        return BidAttachment.of(lotId, supplierId).stream().map(a -> {
            String[] meta = meta(seal.open(new BidSeal.Sealed(a.keyId, a.sealedMeta), a.tenderId, a.lotId,
                    a.supplierId, a.id + " meta"));
            return new Attachment(a.id, meta[0], meta[1], a.size, a.addedAt);
        }).toList();
    }

    public File myAttachment(UUID tenderId, UUID lotId, UUID attachmentId, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        Tender t = tenders.get(tenderId, caller);
        TenderLot lot = Bids.lot(t, lotId);
        return open(find(lot.id, org.supplierId, attachmentId));
    }

    @Transactional
    public void detach(UUID tenderId, UUID lotId, UUID attachmentId, Caller caller) {
        KnownSupplier org = directory.organisationOf(caller);
        Tender t = tenders.forShare(tenderId, caller);
        TenderLot lot = Bids.lot(t, lotId);
        Instant now = clock.instant();
        Bids.requireOpenForBids(t, now);
        find(lot.id, org.supplierId, attachmentId).delete();
        audit.record(t.id, now, caller.actor(), "BID_ATTACHMENT_REMOVED", "lot " + lot.number + ", supplier "
                + org.supplierId);
    }

    /** A bid's file for the tender's buyer, after the opening. */
    public File bidAttachment(UUID tenderId, UUID lotId, UUID bidId, UUID attachmentId, Caller caller) {
        Tender t = tenders.get(tenderId, caller);
        caller.requireActsFor(t.anchorId);
        TenderLot lot = Bids.lot(t, lotId);
        Bids.requireOpened(t);
        Bid bid = Bid.findById(bidId);
        if (bid == null || !bid.lotId.equals(lot.id)) {
            throw new DomainException.NotFound("Bid " + bidId + " of lot " + lot.number);
        }
        return open(find(lot.id, bid.supplierId, attachmentId));
    }

    private BidAttachment find(UUID lotId, UUID supplierId, UUID attachmentId) {
        BidAttachment a = BidAttachment.findById(attachmentId);
        if (a == null || !a.lotId.equals(lotId) || !a.supplierId.equals(supplierId)) {
            throw new DomainException.NotFound("File " + attachmentId + " of this bid");
        }
        return a;
    }

    private File open(BidAttachment a) {
        String[] meta = meta(seal.open(new BidSeal.Sealed(a.keyId, a.sealedMeta), a.tenderId, a.lotId, a.supplierId,
                a.id + " meta"));
        byte[] bytes = seal.open(new BidSeal.Sealed(a.keyId, a.sealed), a.tenderId, a.lotId, a.supplierId,
                a.id + " content");
        return new File(meta[0], meta[1], bytes, sha256(bytes), false);
    }

    private FileKind check(Upload upload) {
        FileKind kind = FileKind.of(upload.contentType()).orElseThrow(() -> new DomainException.Unsupported(
                "A file of type " + upload.contentType() + " is not taken: send a PDF, Word (.docx), Excel (.xlsx), "
                        + "OpenDocument, plain text or CSV (UTF-8), PNG or JPEG file", "contentType"));
        if (upload.bytes().length > maxSize()) {
            throw new DomainException.TooLarge("A file may be at most " + maxSize() + " bytes");
        }
        kind.refuses(upload.bytes()).ifPresent(why -> {
            throw DomainException.Invalid.field("content", why);
        });
        return kind;
    }

    /** The name shown and downloaded ({@link FileKind#safeName}). */
    static String name(FileKind kind, String given) {
        return kind.safeName(given).orElseThrow(() -> DomainException.Invalid.field("name",
                "must name the file, like specification.pdf"));
    }

    private static byte[] meta(String name, String contentType) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeUTF(name);
            out.writeUTF(contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String[] meta(byte[] plain) {
        try (var in = new DataInputStream(new java.io.ByteArrayInputStream(plain))) {
            return new String[] { in.readUTF(), in.readUTF() };
        } catch (IOException e) {
            throw new IllegalStateException("A sealed file's name opened to something unreadable", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
