package dev.matchplane.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTests {

    @Test
    void withoutTrustTheForwardedHeaderIsIgnored() {
        assertThat(ClientAddress.of("10.1.2.3", "203.0.113.7", false)).isEqualTo("10.1.2.3");
    }

    @Test
    void withTrustTheFirstHopCounts() {
        assertThat(ClientAddress.of("10.1.2.3", " 203.0.113.7 , 198.51.100.1, 10.0.0.1", true))
                .isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("10.1.2.3", "2001:db8::1", true)).isEqualTo("2001:db8::1");
    }

    @Test
    void withTrustButNoHeaderThePeerCounts() {
        assertThat(ClientAddress.of("10.1.2.3", null, true)).isEqualTo("10.1.2.3");
    }

    @Test
    void aFirstHopThatIsNoAddressIsIgnored() {
        assertThat(ClientAddress.of("10.1.2.3", "mm:ticket:x", true)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.3", "", true)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.3", "1.2.3.4\r\nX-Evil: 1", true)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.3", "a".repeat(100), true)).isEqualTo("10.1.2.3");
    }
}
