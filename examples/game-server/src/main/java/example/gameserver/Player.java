package example.gameserver;

/** Who a verified match token admits, and to which land; the claims a game needs to seat the player. */
record Player(String playerId, String landId, String matchId) {
}
