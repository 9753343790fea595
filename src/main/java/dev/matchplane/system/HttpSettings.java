package dev.matchplane.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize largest accepted request body (default 16 KiB); larger ones get 413 PAYLOAD_TOO_LARGE */
@ConfigurationProperties("matchmaking.http")
public record HttpSettings(@DefaultValue("16KB") DataSize maxBodySize) {
}
