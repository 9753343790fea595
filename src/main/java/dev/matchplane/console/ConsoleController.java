package dev.matchplane.console;

import dev.matchplane.admin.AdminProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's pages. Each page is complete without JavaScript; its {@code live} fragment is also served alone,
 * and htmx swaps it in every two seconds.
 */
@Controller
@RequestMapping("/console")
@ConditionalOnBooleanProperty(name = "matchmaking.console.enabled", matchIfMissing = true)
class ConsoleController {

    private final ConsoleFigures figures;
    private final boolean loginRequired;

    ConsoleController(ConsoleFigures figures, AdminProperties admin) {
        this.figures = figures;
        this.loginRequired = !admin.apiKey().isBlank();
    }

    @GetMapping("")
    String root() {
        return "redirect:/console/";
    }

    @GetMapping("/")
    String queues(Model model) {
        return page(model, "queues", "queues", figures.queues());
    }

    @GetMapping("/queues/live")
    String queuesLive(Model model) {
        model.addAttribute("rows", figures.queues());
        return "console/queues :: live";
    }

    @GetMapping("/servers")
    String servers(Model model) {
        return page(model, "servers", "servers", figures.servers());
    }

    @GetMapping("/servers/live")
    String serversLive(Model model) {
        model.addAttribute("rows", figures.servers());
        return "console/servers :: live";
    }

    @GetMapping("/matching")
    String matching(Model model) {
        return page(model, "matching", "matching", figures.matching());
    }

    @GetMapping("/matching/live")
    String matchingLive(Model model) {
        model.addAttribute("view", figures.matching());
        return "console/matching :: live";
    }

    @GetMapping("/login")
    String login() {
        return loginRequired ? "console/login" : "redirect:/console/";
    }

    private static String page(Model model, String template, String active, Object data) {
        model.addAttribute("active", active);
        model.addAttribute(data instanceof ConsoleFigures.MatchingView ? "view" : "rows", data);
        return "console/" + template;
    }
}
