package org.anchormarket.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every page method says which area it belongs to, so the menu and the access check know it (AreaAccess). */
class PagesAreInAreasTest {

    private static final List<String> HTTP = List.of("jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT",
            "jakarta.ws.rs.PATCH", "jakarta.ws.rs.DELETE");

    @Test
    void shouldGiveEveryPageMethodAnArea() {
        List<String> without = new ArrayList<>();
        int pages = 0;
        for (JavaClass page : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.anchormarket.gateway.web")) {
            for (JavaMethod method : page.getMethods()) {
                if (method.getAnnotations().stream().noneMatch(a -> HTTP.contains(a.getRawType().getName()))) {
                    continue;
                }
                pages++;
                if (!method.isAnnotatedWith(InArea.class) && !page.isAnnotatedWith(InArea.class)) {
                    without.add(page.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), without);
        org.junit.jupiter.api.Assertions.assertTrue(pages >= 12, "found " + pages + " page methods");
    }
}
