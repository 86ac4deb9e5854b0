package org.anchormarket.tender.rest;

import org.anchormarket.chassis.security.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.anchormarket.chassis.domain.DomainException;
import org.anchormarket.chassis.rest.Created;
import org.anchormarket.contracts.tender.api.DocumentsApi;
import org.anchormarket.contracts.tender.model.Attachment;
import org.anchormarket.contracts.tender.model.Document;
import org.anchormarket.tender.mapping.TenderMapper;
import org.anchormarket.tender.service.Documents;

/** Thin: the spec (contracts/tender) is the source of this API; files are {@link Documents}'. */
public class DocumentResource implements DocumentsApi {

    private final Documents documents;
    private final Callers callers;
    private final HttpHeaders headers;
    private final Created created;

    DocumentResource(Documents documents, Callers callers, HttpHeaders headers, Created created) {
        this.documents = documents;
        this.callers = callers;
        this.headers = headers;
        this.created = created;
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public Document addTenderDocument(UUID id, String name, File body, String reason) {
        Document d = TenderMapper.toApi(documents.add(id, upload(name, body), reason, callers.current()));
        created.at(URI.create("/api/tenders/" + id + "/documents/" + d.getId()));
        return d;
    }

    @Override
    @PermitAll
    public List<Document> listTenderDocuments(UUID id) {
        return documents.list(id, callers.current()).stream().map(TenderMapper::toApi).toList();
    }

    @Override
    @PermitAll
    public File getTenderDocument(UUID id, UUID documentId) {
        return new Download(documents.document(id, documentId, callers.current()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public Attachment addBidAttachment(UUID id, UUID lotId, String name, File body) {
        Attachment a = TenderMapper.toApi(documents.attach(id, lotId, upload(name, body), callers.current()));
        created.at(URI.create("/api/tenders/" + id + "/lots/" + lotId + "/bids/mine/attachments/" + a.getId()));
        return a;
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public File getMyBidAttachment(UUID id, UUID lotId, UUID attachmentId) {
        return new Download(documents.myAttachment(id, lotId, attachmentId, callers.current()));
    }

    @Override
    @RolesAllowed({ "supplier", "admin" })
    public void removeBidAttachment(UUID id, UUID lotId, UUID attachmentId) {
        documents.detach(id, lotId, attachmentId, callers.current());
    }

    @Override
    @RolesAllowed({ "buyer", "admin" })
    public File getBidAttachment(UUID id, UUID lotId, UUID bidId, UUID attachmentId) {
        return new Download(documents.bidAttachment(id, lotId, bidId, attachmentId, callers.current()));
    }

    /** The body as it arrived (Quarkus kept it in a temporary file), no larger than taken. */
    private Documents.Upload upload(String name, File body) {
        if (body.length() > documents.maxSize()) {
            throw new DomainException.TooLarge("A file may be at most " + documents.maxSize() + " bytes");
        }
        try {
            return new Documents.Upload(name, headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    Files.readAllBytes(body.toPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
