package org.anchormarket.analytics.mapping;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anchormarket.analytics.domain.SpendUpload;
import org.anchormarket.analytics.domain.spendfile.SpendFile;
import org.anchormarket.analytics.service.SpendUploads;
import org.anchormarket.contracts.analytics.model.RejectedLine;
import org.anchormarket.contracts.analytics.model.RejectionPage;

/** Uploads as the API shows them. */
public final class UploadMapper {

    private UploadMapper() {
    }

    public static org.anchormarket.contracts.analytics.model.SpendUpload toApi(SpendUpload upload) {
        return new org.anchormarket.contracts.analytics.model.SpendUpload()
                .uploadId(upload.uploadId)
                .anchor(upload.anchorId)
                .status(org.anchormarket.contracts.analytics.model.SpendUpload.StatusEnum.fromValue(
                        upload.status.name()))
                .rowsRead(upload.rowsRead)
                .rowsAccepted(upload.rowsAccepted)
                .rowsDuplicate(upload.rowsDuplicate)
                .rowsRejected(upload.rowsRejected)
                .amountAccepted(upload.amountAccepted)
                .complete(upload.complete)
                .encoding(upload.encoding)
                .columns(columns(upload.columnsFound))
                .sizeBytes(upload.sizeBytes)
                .bytesRead(upload.bytesRead)
                .percentRead(upload.sizeBytes == 0 ? 100 : (int) Math.min(100, upload.bytesRead * 100 / upload.sizeBytes))
                .uploadedBy(upload.uploadedBy)
                .uploadedAt(upload.uploadedAt.atOffset(ZoneOffset.UTC))
                .finishedAt(upload.finishedAt == null ? null : upload.finishedAt.atOffset(ZoneOffset.UTC))
                .failure(upload.failure);
    }

    /** The columns found, by their API names (supplierId, not SUPPLIER_ID). */
    private static Map<String, String> columns(Map<String, String> stored) {
        Map<String, String> named = new LinkedHashMap<>();
        stored.forEach((column, header) -> named.put(SpendUploads.apiName(SpendFile.Column.valueOf(column)), header));
        return named;
    }

    public static RejectionPage toApi(SpendUploads.RejectionPage page) {
        return new RejectionPage().page(page.page()).pageSize(page.pageSize()).total(page.total())
                .items(page.items().stream().map(r -> new RejectedLine().line(r.line()).reason(r.reason())).toList());
    }
}
