/**
 * Game servers (docs/rest-api.md, Game servers): registration and heartbeats, and the choice of a live server with room for a new land
 * (docs/rest-api.md, How tickets are matched). {@link dev.matchplane.provisioning.GameServerRegistry} is the port the tick engine and the admin API use.
 */
@NullMarked
package dev.matchplane.provisioning;

import org.jspecify.annotations.NullMarked;
