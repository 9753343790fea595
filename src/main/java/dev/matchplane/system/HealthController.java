package dev.matchplane.system;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness only (compat); readiness, which checks Redis, is {@code /actuator/health}. */
@RestController
class HealthController {

    private static final Map<String, Boolean> OK = Map.of("ok", true);

    @GetMapping("/health")
    Map<String, Boolean> health() {
        return OK;
    }
}
