package dev.matchplane.provisioning;

import dev.matchplane.web.BearerKeyInterceptor;
import dev.matchplane.web.JsonRecords;
import dev.matchplane.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads registrations as validated records, and protects the provisioning API with {@code provisioning.api-key}
 * when one is set.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningWebConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWebConfiguration.class);

    private final ProvisioningProperties properties;
    private final ProblemResponses problems;

    ProvisioningWebConfiguration(ProvisioningProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
        if (!properties.authenticated()) {
            log.warn("PROVISIONING_API_KEY is not set: provisioning calls are not authenticated, so anyone who "
                    + "reaches this service can register or remove game servers");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.authenticated()) {
            registry.addInterceptor(new BearerKeyInterceptor("provisioning", properties.apiKey(), problems))
                    .addPathPatterns("/v1/provisioning", "/v1/provisioning/**");
        }
    }

    @Bean
    static JacksonModule provisioningRequests(JsonRecords records) {
        return records.module("provisioning-requests", ServerRegistration.class);
    }
}
