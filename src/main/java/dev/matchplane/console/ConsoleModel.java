package dev.matchplane.console;

import dev.matchplane.admin.AdminProperties;
import dev.matchplane.matching.MatchmakingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows around its content: the instance, the log-out button, the pages there are. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@ConditionalOnBooleanProperty(name = "matchmaking.console.enabled", matchIfMissing = true)
class ConsoleModel {

    private final boolean loginRequired;
    private final String nodeId;
    private final ObjectProvider<RuleSetCatalog> ruleSets;

    ConsoleModel(AdminProperties admin, MatchmakingProperties matchmaking, ObjectProvider<RuleSetCatalog> ruleSets) {
        this.loginRequired = !admin.apiKey().isBlank();
        this.nodeId = matchmaking.nodeId();
        this.ruleSets = ruleSets;
    }

    @ModelAttribute
    void common(Model model) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("loggedIn", loginRequired && user != null && user.isAuthenticated()
                && !(user instanceof AnonymousAuthenticationToken));
        model.addAttribute("nodeId", nodeId);
        model.addAttribute("ruleSetsPage", ruleSets.getIfAvailable() != null);
    }
}
