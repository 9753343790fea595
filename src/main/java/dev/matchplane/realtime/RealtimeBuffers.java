package dev.matchplane.realtime;

import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's per-connection buffers, sized for many idle sockets. Tomcat allocates them for every connection up front
 * and keeps them while a socket lives, so they are most of what an idle subscribed socket costs: at the defaults
 * (8 KiB each for the socket's read and write buffers and for the WebSocket input, output and encoder buffers) about
 * 40 KiB of every socket's heap. Client messages and events are small; a larger one simply takes more reads or is
 * sent as several frames (RFC 6455 fragmentation, which every client library joins).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({ Role.ALL, Role.API })
class RealtimeBuffers {

    static final int BUFFER_BYTES = 4096;
    /** Read by Tomcat's WebSocket classes once, when first loaded; a -D on the command line wins. */
    static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> smallConnectionBuffers() {
        return factory -> {
            // runs before Tomcat starts, so before its WebSocket classes are loaded
            if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
                System.setProperty(TOMCAT_WEBSOCKET_BUFFER, Integer.toString(BUFFER_BYTES));
            }
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", Integer.toString(BUFFER_BYTES));
                connector.setProperty("socket.appWriteBufSize", Integer.toString(BUFFER_BYTES));
            });
        };
    }
}
