package dev.matchplane.system;

import dev.matchplane.web.ProblemCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness only (compat); readiness, which checks Redis, is {@code /actuator/health}. */
@RestController
@Tag(name = "Operators")
@ProblemCodes
class HealthController {

    private static final Liveness OK = new Liveness(true);

    @Operation(summary = "Liveness", description = "Answers while the process serves HTTP; does not check Redis "
            + "(readiness is `/actuator/health`).")
    @GetMapping("/health")
    Liveness health() {
        return OK;
    }

    @Schema(description = "Alive")
    record Liveness(@Schema(example = "true") boolean ok) {
    }
}
