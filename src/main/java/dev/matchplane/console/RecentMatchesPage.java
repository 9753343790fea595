package dev.matchplane.console;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The recent-matches page: the newest committed matches with their players, teams, region and skill spread, read
 * from the list the match commit keeps in Redis (the same on every instance). Complete without JavaScript; its
 * {@code live} fragment is served alone for htmx's refresh every two seconds.
 */
@Controller
@RequestMapping("/console/matches")
@ConditionalOnBooleanProperty(name = "matchmaking.console.enabled", matchIfMissing = true)
class RecentMatchesPage {

    private final RedisRecentMatches recent;
    private final Clock clock;

    RecentMatchesPage(RedisRecentMatches recent, Clock clock) {
        this.recent = recent;
        this.clock = clock;
    }

    @GetMapping("")
    String page(Model model) {
        model.addAttribute("active", "matches");
        model.addAttribute("kept", recent.kept());
        model.addAttribute("rows", rows());
        return "console/matches";
    }

    @GetMapping("/live")
    String live(Model model) {
        model.addAttribute("kept", recent.kept());
        model.addAttribute("rows", rows());
        return "console/matches :: live";
    }

    private List<RecentMatchRow> rows() {
        long now = clock.millis();
        return recent.newest().stream()
                .map(match -> new RecentMatchRow(match, Math.max(0, now - match.committedAt()))).toList();
    }
}
