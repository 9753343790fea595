package dev.matchplane.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the browser demo at {@code /demo/} from {@code classpath:/static-demo/}, where the build copies
 * examples/web-client: the page and module studios copy are the ones served. Only when
 * {@code matchmaking.demo.enabled} is true (the developer run), so production exposes no extra pages.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("matchmaking.demo.enabled")
class DemoWebConfiguration implements WebMvcConfigurer {

    private static final String LOCATION = "classpath:/static-demo/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Revalidated on every load (cheap: Last-Modified), so a rebuilt demo is never masked by a cached module.
        registry.addResourceHandler("/demo/**").addResourceLocations(LOCATION).setCacheControl(CacheControl.noCache());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/demo/").setViewName("forward:/demo/index.html");
        // Relative links in the page (demo.css, matchplane-client.js) resolve only under the trailing slash.
        registry.addRedirectViewController("/demo", "/demo/");
    }
}
