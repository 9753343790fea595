package dev.matchplane.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Injected everywhere time matters so tests can pin it; all deadlines are epoch millis in UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
