package org.anchormarket.tender.mapping;

import org.anchormarket.contracts.tender.model.AnchorType;
import org.anchormarket.tender.domain.Anchor;

/** API ↔ domain for anchors. */
public final class AnchorMapper {

    private AnchorMapper() {
    }

    public static org.anchormarket.contracts.tender.model.Anchor toApi(Anchor anchor) {
        return new org.anchormarket.contracts.tender.model.Anchor()
                .id(anchor.id)
                .name(anchor.name)
                .type(AnchorType.fromValue(anchor.type.name()));
    }

    public static Anchor.Type toDomain(AnchorType type) {
        return type == null ? null : Anchor.Type.valueOf(type.name());
    }
}
