'use strict';

// Bounds the re-checks of one announcement; each round needs another process to change the
// user's presence in between, so more than a few means a user flapping faster than Redis.
const MAX_SETTLE_ROUNDS = 8;

/**
 * Makes the last `user:status` every client sees for a user the stored one, across processes.
 *
 * Each process announces a presence change inside the transaction that wrote it, so one process's
 * announcements leave in the order of the writes. Two processes are not ordered that way: process
 * A writes "offline" (the user's last socket left) and publishes it to Redis; process B then
 * writes "online" (the user's phone connected) and delivers it to its own clients at once, before
 * A's message has come through Redis. B's clients would see "online, offline" and keep the stale
 * "offline" (issue 16). So, with several processes, a process that announced a status waits until
 * Redis has handed its message to every subscriber (`broadcastsDelivered`), reads the stored
 * status again and announces it when it differs. A write after that read announces itself, later;
 * a write before it is seen by it. Either way the last message is the stored status.
 *
 * With one process (no Redis) every announcement is already in write order: `broadcastsDelivered`
 * is null and nothing is re-checked.
 */
function presenceSettler({ io, store, broadcastsDelivered, logger }) {
  /** Resolves to the status last announced for the user by this call (the stored one). */
  return async function settle(userId, announced) {
    if (!broadcastsDelivered) return announced;
    let last = announced;
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round += 1) {
      await broadcastsDelivered();
      const stored = await store.presenceOf(userId);
      if (stored === last) return last;
      logger.debug(`presence: user ${userId} is ${stored} after this process announced ${last}; announcing again`);
      io.emit('user:status', { userId, status: stored });
      last = stored;
    }
    logger.warn(`presence: user ${userId} kept changing while being announced; last announced ${last}`);
    return last;
  };
}

module.exports = { presenceSettler };
