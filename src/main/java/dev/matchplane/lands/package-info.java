/**
 * Lands as the game servers see them: release a land when its game ends (its capacity slot is free at once), and ask
 * for backfill when players leave a running game. The tick fills backfills (dev.matchplane.matching.BackfillStep).
 */
@NullMarked
package dev.matchplane.lands;

import org.jspecify.annotations.NullMarked;
