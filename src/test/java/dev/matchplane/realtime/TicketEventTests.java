package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class TicketEventTests {

    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void parseReadsTypeAndTicketIdAndKeepsTheTextAsIs() {
        String text = "{\"type\":\"match.assigned\",\"v\":1,\"data\":{\"ticketId\":\"ticket-a\","
                + "\"assignment\":{\"landId\":\"x:1\",\"memberTokens\":{\"p\":\"t\"}}}}";
        TicketEvent event = TicketEvent.parse(json, text).orElseThrow();
        assertThat(event.type()).isEqualTo("match.assigned");
        assertThat(event.ticketId()).isEqualTo("ticket-a");
        assertThat(event.text()).isSameAs(text);
        assertThat(event.isFinal()).isTrue();
    }

    @Test
    void parseStopsAtTheTicketIdSoATruncatedAssignmentIsNeverRead() {
        String text = "{\"type\":\"match.assigned\",\"v\":1,\"data\":{\"ticketId\":\"ticket-a\",\"assignment\":{\"x";
        assertThat(TicketEvent.parse(json, text)).map(TicketEvent::ticketId).contains("ticket-a");
    }

    @Test
    void parseFindsTheTypeAfterData() {
        String text = "{\"data\":{\"other\":[1,{\"ticketId\":\"no\"}],\"ticketId\":\"ticket-b\",\"more\":1},"
                + "\"v\":1,\"type\":\"ticket.expired\"}";
        TicketEvent event = TicketEvent.parse(json, text).orElseThrow();
        assertThat(event.type()).isEqualTo("ticket.expired");
        assertThat(event.ticketId()).isEqualTo("ticket-b");
    }

    @Test
    void parseRejectsMessagesWithoutTypeOrTicketIdOrNotJson() {
        assertThat(TicketEvent.parse(json, "{\"type\":\"match.assigned\",\"data\":{}}")).isEmpty();
        assertThat(TicketEvent.parse(json, "{\"data\":{\"ticketId\":\"ticket-a\"}}")).isEmpty();
        assertThat(TicketEvent.parse(json, "{\"type\":1,\"data\":{\"ticketId\":\"ticket-a\"}}")).isEmpty();
        assertThat(TicketEvent.parse(json, "[1]")).isEmpty();
        assertThat(TicketEvent.parse(json, "nope")).isEmpty();
    }

    @Test
    void unknownTypesAreNotFinal() {
        assertThat(new TicketEvent("ticket.requeued", "ticket-a", "{}").isFinal()).isFalse();
    }
}
