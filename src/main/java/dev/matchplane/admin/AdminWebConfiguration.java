package dev.matchplane.admin;

import dev.matchplane.web.BearerKeyInterceptor;
import dev.matchplane.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Protects the admin API with {@code admin.api-key} when one is set (docs/rest-api.md, Operators). */
@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AdminWebConfiguration.class);

    private final AdminProperties properties;
    private final ProblemResponses problems;

    AdminWebConfiguration(AdminProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
        if (!properties.authenticated()) {
            log.warn("ADMIN_API_KEY is not set: admin calls are not authenticated, so anyone who reaches this "
                    + "service can list game servers and queues");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.authenticated()) {
            registry.addInterceptor(new BearerKeyInterceptor("admin", properties.apiKey(), problems))
                    .addPathPatterns("/v1/admin", "/v1/admin/**");
        }
    }
}
