package dev.matchplane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MatchplaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(MatchplaneApplication.class, args);
    }
}
