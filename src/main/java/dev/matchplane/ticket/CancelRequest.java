package dev.matchplane.ticket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A ticket to cancel; other fields are ignored, as they always were. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A ticket to cancel")
record CancelRequest(
        @Schema(description = "The ticketId enqueue returned", example = TicketController.EXAMPLE_TICKET,
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = EnqueueRequest.REQUIRED) @Size(min = 1, max = 128, message = EnqueueRequest.LENGTH)
        @Nullable String ticketId) {
}
