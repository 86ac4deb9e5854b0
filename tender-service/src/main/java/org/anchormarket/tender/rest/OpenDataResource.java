package org.anchormarket.tender.rest;

import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.contracts.tender.api.OpenDataApi;
import org.anchormarket.tender.config.TenderConfig;
import org.anchormarket.tender.mapping.OcdsPackages;
import org.anchormarket.tender.service.OpenData;

/** Thin: the spec (contracts/tender) is the source of this API; the releases are {@link OpenData}'s. */
public class OpenDataResource implements OpenDataApi {

    private final OpenData openData;
    private final TenderConfig config;

    OpenDataResource(OpenData openData, TenderConfig config) {
        this.openData = openData;
        this.config = config;
    }

    @Override
    @PermitAll
    public Map<String, Object> getTenderRecord(UUID id) {
        OpenData.Releases releases = openData.of(id);
        return OcdsPackages.record(releases.ocid(), id, releases, config.publicUrl(), config.ocds().publisher());
    }

    @Override
    @PermitAll
    public Map<String, Object> listReleases(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 100 : size;
        return OcdsPackages.releases(openData.page(p, s), p, s, config.publicUrl(), config.ocds().publisher());
    }
}
