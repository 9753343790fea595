package dev.matchplane.provisioning;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The game-server API of CONTRACT §4; bearer authentication, when configured, is checked before it. */
@RestController
@RequestMapping(path = "/v1/provisioning/servers", produces = MediaType.APPLICATION_JSON_VALUE)
class ProvisioningController {

    private static final Success SUCCESS = new Success(true);

    private final ProvisioningService provisioning;

    ProvisioningController(ProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    /** Registration and heartbeat are the same call (compat): 200, not 201, either way. */
    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    Success register(@RequestBody JsonNode body) {
        provisioning.register(RegistrationReader.read(body));
        return SUCCESS;
    }

    /** Succeeds for an unknown id too (compat); an id no server could have registered never reaches Redis. */
    @DeleteMapping("/{serverId}")
    Success remove(@PathVariable String serverId) {
        if (serverId.length() <= RegistrationReader.MAX_SERVER_ID
                && RegistrationReader.SERVER_ID.matcher(serverId).matches()) {
            provisioning.remove(serverId);
        }
        return SUCCESS;
    }

    record Success(boolean success) {
    }
}
