package dev.matchplane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// Spring Security guards only the console (its own login); no generated default user or password.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class MatchplaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(MatchplaneApplication.class, args);
    }
}
