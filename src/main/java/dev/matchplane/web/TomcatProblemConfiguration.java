package dev.matchplane.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Puts {@link ProblemErrorReportValve} in place of the HTML error report that Spring Boot adds to Tomcat's host.
 * Runs after Boot's own Tomcat customizer (lowest precedence), so the valve it added is there to be replaced.
 */
@Component
class TomcatProblemConfiguration implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final ObjectMapper json;

    TomcatProblemConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> replaceErrorReport(context.getParent()));
    }

    private void replaceErrorReport(Container host) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemErrorReportValve(json));
        if (host instanceof StandardHost standardHost) {
            // the host adds a default HTML report at start unless a valve of this class is already there
            standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }
}
