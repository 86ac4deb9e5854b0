package org.anchormarket.supplier.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Registration bodies for tests: a valid limited company in Pemberton, with any field replaced. */
public final class Registrations {

    private Registrations() {
    }

    public static Map<String, Object> valid(Object... overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("legalName", "Pemberton Joinery Ltd");
        body.put("organisationType", "LIMITED_COMPANY");
        body.put("companyNumber", uniqueCompanyNumber());
        body.put("postcode", "wn5  9xx");
        body.put("addressLines", List.of("Unit 4, Enfield Street"));
        body.put("employees", 12);
        body.put("annualTurnover", 850000);
        body.put("cpvCodes", List.of("45421000"));
        body.put("email", "office@pemberton-joinery.example");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                body.remove((String) overrides[i]);
            } else {
                body.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return body;
    }

    public static String uniqueCompanyNumber() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    }

    public static String uniqueCharityNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
    }
}
