/**
 * The {@code /realtime} WebSocket (docs/websocket-api.md): pushes ticket events that Redis pub/sub carries from whichever
 * instance made the change to the sockets this instance holds.
 */
@NullMarked
package dev.matchplane.realtime;

import org.jspecify.annotations.NullMarked;
