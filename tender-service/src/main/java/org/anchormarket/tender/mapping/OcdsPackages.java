package org.anchormarket.tender.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anchormarket.tender.service.OpenData;

/**
 * The OCDS 1.1 packages around the releases OpenData keeps: a tender's record package (its releases and the newest
 * as the compiled release) and pages of the release feed, with the publisher, the licence and the lots extension.
 */
public final class OcdsPackages {

    /** The OCDS lots extension: tender.lots, awards.relatedLots, items.relatedLot. */
    public static final String LOTS_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";
    static final String LICENSE = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    // amounts stay exact: pounds and pence, never a binary fraction
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private OcdsPackages() {
    }

    public static Map<String, Object> record(String ocid, UUID tenderId, OpenData.Releases releases, String baseUrl,
            String publisher) {
        ObjectNode pkg = head(baseUrl + "/api/tenders/" + tenderId + "/ocds", releases, publisher);
        ObjectNode record = pkg.putArray("records").addObject();
        record.put("ocid", ocid);
        ArrayNode list = record.putArray("releases");
        List<ObjectNode> bodies = releases.bodies().stream().map(OcdsPackages::read).toList();
        bodies.forEach(list::add);
        ObjectNode compiled = bodies.get(bodies.size() - 1).deepCopy();
        compiled.put("id", ocid + "-compiled");
        compiled.putArray("tag").add("compiled");
        record.set("compiledRelease", compiled);
        return fields(pkg);
    }

    public static Map<String, Object> releases(OpenData.Releases releases, int page, int size, String baseUrl,
            String publisher) {
        ObjectNode pkg = head(baseUrl + "/api/ocds/releases?page=" + page + "&size=" + size, releases, publisher);
        ArrayNode list = pkg.putArray("releases");
        releases.bodies().stream().map(OcdsPackages::read).forEach(list::add);
        return fields(pkg);
    }

    private static ObjectNode head(String uri, OpenData.Releases releases, String publisher) {
        ObjectNode pkg = JSON.createObjectNode();
        pkg.put("uri", uri);
        pkg.put("version", "1.1");
        pkg.putArray("extensions").add(LOTS_EXTENSION);
        pkg.put("publishedDate", releases.published().toString());
        pkg.putObject("publisher").put("name", publisher);
        pkg.put("license", LICENSE);
        return pkg;
    }

    /** The package's fields as the generated interface returns them, each still JSON (amounts stay exact). */
    private static Map<String, Object> fields(ObjectNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
        return fields;
    }

    private static ObjectNode read(String body) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An OCDS release in the database is not JSON", e);
        }
    }
}
