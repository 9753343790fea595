package dev.matchplane.console;

import java.util.List;

import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The rule-set page: the stored rule sets, and one form (name and JSON) that creates or replaces one through
 * {@link RuleSetCatalog}, so a save is validated exactly as the API validates it. An invalid rule set comes back in
 * the form with 422 and each violation beside its field; nothing is stored. 404 while no catalog exists.
 */
@Controller
@RequestMapping("/console/rule-sets")
@ConditionalOnBooleanProperty(name = "matchmaking.console.enabled", matchIfMissing = true)
class RuleSetPages {

    private final ObjectProvider<RuleSetCatalog> catalogs;

    RuleSetPages(ObjectProvider<RuleSetCatalog> catalogs) {
        this.catalogs = catalogs;
    }

    @GetMapping("")
    String list(@RequestParam(name = "edit", required = false) String edit, Model model) {
        RuleSetCatalog catalog = catalog();
        String name = edit == null ? "" : edit;
        String json = edit == null ? "" : catalog.json(edit).orElse("");
        return page(model, catalog, name, json, List.of());
    }

    @PostMapping("")
    String save(@RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "json", defaultValue = "") String json, Model model, HttpServletResponse response) {
        RuleSetCatalog catalog = catalog();
        List<FieldViolation> violations = catalog.put(name, json);
        if (violations.isEmpty()) {
            return "redirect:/console/rule-sets?edit=" + UriUtils.encodeQueryParam(name, "UTF-8") + "&saved";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, catalog, name, json, violations);
    }

    @GetMapping("/{name}")
    String view(@PathVariable String name) {
        return "redirect:/console/rule-sets?edit=" + UriUtils.encodeQueryParam(name, "UTF-8");
    }

    private static String page(Model model, RuleSetCatalog catalog, String name, String json,
            List<FieldViolation> violations) {
        model.addAttribute("active", "rule-sets");
        model.addAttribute("names", catalog.names());
        model.addAttribute("name", name);
        model.addAttribute("json", json);
        model.addAttribute("nameErrors", violations.stream().filter(v -> v.field().equals("name")).toList());
        model.addAttribute("ruleErrors", violations.stream().filter(v -> !v.field().equals("name")).toList());
        return "console/rule-sets";
    }

    private RuleSetCatalog catalog() {
        RuleSetCatalog catalog = catalogs.getIfAvailable();
        if (catalog == null) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "No endpoint at this path");
        }
        return catalog;
    }
}
