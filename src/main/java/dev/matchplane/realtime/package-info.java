/**
 * The {@code /realtime} WebSocket (CONTRACT §6): pushes ticket events that Redis pub/sub carries from whichever
 * instance made the change to the sockets this instance holds.
 */
@NullMarked
package dev.matchplane.realtime;

import org.jspecify.annotations.NullMarked;
