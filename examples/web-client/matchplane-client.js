// Matchplane browser client: enqueue over the /realtime WebSocket, follow tickets, cancel over REST.
// A plain ES module with no dependencies; copy it into a game and `import { MatchplaneClient } from './matchplane-client.js'`.
// Protocol: docs/websocket-api.md and docs/rest-api.md in the Matchplane repository.

/**
 * @typedef {object} PlayerHints  Optional per-player matchmaking input (only sent when given).
 * @property {Object<string, number>} [attributes]  e.g. `{ skill: 1500 }`
 * @property {Object<string, number>} [latencies]   round-trip milliseconds per region, e.g. `{ "eu-west": 35 }`
 */

/**
 * @typedef {object} EnqueueRequest  The body of `POST /v1/matchmaking/enqueue`.
 * @property {string} queueKey                    e.g. `"arena:2v2"`; the part before `:` is the landType
 * @property {string[]} members                   player ids of the party
 * @property {number} [groupSize]                 defaults to `members.length`
 * @property {string} [groupId]                   dedup key: re-sending the same groupId returns the waiting ticket
 * @property {string} [region]                    preferred game-server region
 * @property {object} [constraints]               stored with the ticket
 * @property {Object<string, PlayerHints>} [players]  per-member hints; leave out unless the server accepts them
 */

/**
 * @typedef {object} Enqueued  The `enqueued` reply.
 * @property {string} ticketId
 * @property {string} status                      `"queued"`
 * @property {number} [estimatedWaitMs]           only when the server has an estimate
 */

/**
 * @typedef {object} Assignment  Where to play; byte-identical to the status endpoint's `assignment`.
 * @property {string} connectUrl                  connect to `connectUrl + "&token=" + matchToken`
 * @property {string} matchToken
 * @property {string} landId
 * @property {string} matchId
 * @property {string} serverId
 * @property {string} expiresAt
 * @property {Object<string, string>} [memberTokens]  one token per party member
 * @property {string|number} [team]               when the queue has teams
 * @property {string} [region]                    when the chosen server has a region
 */

/**
 * @typedef {object} MatchplaneError  An `error` message, or a failure of this client.
 * @property {string} code                        e.g. `VALIDATION_FAILED`, `PLAYER_ALREADY_QUEUED`, `CONNECTION_LOST`
 * @property {string} message
 * @property {{field: string, message: string}[]} [errors]
 * @property {string} [ticketId]                  when the error concerns one followed ticket
 */

/**
 * Events and their payloads:
 * - `enqueued` {@link Enqueued}
 * - `match.assigned` `{ticketId, assignment: Assignment}`
 * - `ticket.cancelled` / `ticket.expired` `{ticketId}`
 * - `error` {@link MatchplaneError}
 * - `open` `{url}`, `close` `{code, reason, reconnectInMs}` (reconnectInMs is null when it will not reconnect)
 * @typedef {'enqueued'|'match.assigned'|'ticket.cancelled'|'ticket.expired'|'error'|'open'|'close'} EventType
 */

const FINAL_EVENTS = new Set(['match.assigned', 'ticket.cancelled', 'ticket.expired']);
/** Close codes after which reconnecting cannot help: the ticket is unknown, or we closed on purpose. */
const NO_RECONNECT = new Set([1000, 4404]);

export class MatchplaneClient {
  /**
   * @param {object} [options]
   * @param {string} [options.baseUrl]       the service, e.g. `https://match.example.com`; default: this page's origin
   * @param {string} [options.accessToken]   for a player-auth mode: sent as `?access_token=` on the WebSocket and as
   *                                         `Authorization: Bearer` on REST calls
   * @param {number} [options.initialReconnectDelayMs]  first back-off after a drop (default 500)
   * @param {number} [options.maxReconnectDelayMs]      back-off ceiling (default 10000)
   */
  constructor(options = {}) {
    this.baseUrl = (options.baseUrl ?? globalThis.location.origin).replace(/\/+$/, '');
    this.accessToken = options.accessToken ?? null;
    this.initialDelayMs = options.initialReconnectDelayMs ?? 500;
    this.maxDelayMs = options.maxReconnectDelayMs ?? 10000;
    /** @type {Map<string, Set<Function>>} */
    this.listeners = new Map();
    /** Tickets followed and not yet final, by id: the link that follows each. */
    /** @type {Map<string, Link>} */
    this.followed = new Map();
    /** The socket enqueues are sent on; opened on demand. */
    /** @type {Link|null} */
    this.control = null;
  }

  /**
   * Listens to an event; returns a function that stops listening.
   * @param {EventType} type
   * @param {(payload: any) => void} listener
   * @returns {() => void}
   */
  on(type, listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type).add(listener);
    return () => this.listeners.get(type).delete(listener);
  }

  /**
   * Enqueues over the WebSocket and follows the ticket: `match.assigned`, `ticket.cancelled` or `ticket.expired`
   * follows as an event, also across reconnects. Rejects with a {@link MatchplaneError} on an `error` reply or
   * when the connection drops first; retrying with the same `groupId` is safe (the server deduplicates on it).
   * @param {EnqueueRequest} request
   * @returns {Promise<Enqueued>}
   */
  async enqueue(request) {
    const body = { groupSize: request.members?.length, ...request };
    if (!this.control || this.control.closedForGood) this.control = new Link(this, null);
    const link = this.control;
    await link.opened();
    return new Promise((resolve, reject) => {
      link.pending.push({ resolve, reject });
      link.send({ action: 'enqueue', ...body });
    });
  }

  /**
   * Follows a ticket enqueued elsewhere (over REST, or before a page reload) on a socket of its own. If the ticket
   * is already final, that event arrives at once.
   * @param {string} ticketId
   */
  subscribe(ticketId) {
    if (!this.followed.has(ticketId)) this.followed.set(ticketId, new Link(this, ticketId));
  }

  /**
   * Cancels a waiting ticket (`POST /v1/matchmaking/cancel`). `false` when it was not waiting any more (already
   * assigned, cancelled or expired): the matching event tells which.
   * @param {string} ticketId
   * @returns {Promise<boolean>}
   */
  async cancel(ticketId) {
    const headers = { 'Content-Type': 'application/json' };
    if (this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
    const response = await fetch(`${this.baseUrl}/v1/matchmaking/cancel`, {
      method: 'POST', headers, body: JSON.stringify({ ticketId }),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw { code: json.code ?? `HTTP_${response.status}`, message: json.detail ?? json.title ?? response.statusText };
    }
    return json.cancelled === true;
  }

  /** Closes every socket; no reconnects, pending enqueues are rejected. */
  close() {
    this.control?.close();
    for (const link of new Set(this.followed.values())) link.close();
    this.followed.clear();
  }

  /** @param {EventType} type @param {any} payload */
  emit(type, payload) {
    for (const listener of this.listeners.get(type) ?? []) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`matchplane: a "${type}" listener failed`, err);
      }
    }
  }

  /** The WebSocket URL, following `ticketId` when given. */
  realtimeUrl(ticketId) {
    const url = new URL(`${this.baseUrl}/realtime`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (ticketId) url.searchParams.set('ticketId', ticketId);
    if (this.accessToken) url.searchParams.set('access_token', this.accessToken);
    return url.toString();
  }

  /** One server message, from any link. */
  dispatch(link, message) {
    if (message.type === 'error') {
      const error = { code: message.code, message: message.message, errors: message.errors };
      const waiting = link.pending.shift();
      if (waiting) waiting.reject(error);
      this.emit('error', error);
      return;
    }
    const data = message.data ?? {};
    if (message.type === 'enqueued') {
      this.followed.set(data.ticketId, link);
      link.pending.shift()?.resolve(data);
      this.emit('enqueued', data);
      return;
    }
    if (!FINAL_EVENTS.has(message.type)) return; // a newer server's event this client does not know
    // A ticket's final event can arrive twice across a reconnect; it is reported once.
    if (!this.followed.has(data.ticketId)) return;
    const follower = this.followed.get(data.ticketId);
    this.followed.delete(data.ticketId);
    if (follower.ticketId === data.ticketId) follower.close(); // the server leaves follow sockets open
    this.emit(message.type, data);
  }

  /**
   * A link dropped: the tickets it followed move to sockets of their own (`/realtime?ticketId=`), as the protocol
   * advises, so their final event still arrives. The control link reconnects on the next enqueue.
   */
  reattach(link) {
    let moved = 0;
    for (const [ticketId, follower] of this.followed) {
      if (follower === link && ticketId !== link.ticketId) {
        this.followed.set(ticketId, new Link(this, ticketId));
        moved += 1;
      }
    }
    return moved;
  }
}

/** One WebSocket, reconnecting with back-off after a drop while it has something to follow. */
class Link {
  /** @param {MatchplaneClient} client @param {string|null} ticketId */
  constructor(client, ticketId) {
    this.client = client;
    this.ticketId = ticketId;
    this.pending = [];
    this.attempt = 0;
    this.closedForGood = false;
    this.connect();
  }

  connect() {
    const url = this.client.realtimeUrl(this.ticketId);
    this.socket = new WebSocket(url);
    this.ready = new Promise((resolve, reject) => {
      this.socket.addEventListener('open', () => {
        this.attempt = 0;
        this.client.emit('open', { url });
        resolve();
      }, { once: true });
      this.socket.addEventListener('close', () => reject(connectionLost()), { once: true });
    });
    this.ready.catch(() => {}); // observed through opened(); an unobserved rejection would only log noise
    this.socket.addEventListener('message', (event) => this.receive(event.data));
    this.socket.addEventListener('close', (event) => this.dropped(event));
  }

  opened() {
    return this.ready;
  }

  send(message) {
    this.socket.send(JSON.stringify(message));
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return; // not from a Matchplane server
    }
    this.client.dispatch(this, message);
  }

  dropped(event) {
    for (const waiting of this.pending.splice(0)) waiting.reject(connectionLost());
    if (this.closedForGood) return;
    const gaveUp = NO_RECONNECT.has(event.code) || this.ticketId === null;
    if (event.code === 4404 && this.ticketId) {
      this.client.followed.delete(this.ticketId);
      this.client.emit('error', { code: 'TICKET_NOT_FOUND', message: 'unknown ticket', ticketId: this.ticketId });
    }
    if (gaveUp) {
      // The control socket itself is not reopened: its tickets move to follow sockets, which do reconnect.
      this.closedForGood = true;
      const moved = this.client.reattach(this);
      this.client.emit('close', { code: event.code, reason: event.reason, reconnectInMs: moved > 0 ? 0 : null });
      return;
    }
    const delay = Math.min(this.client.maxDelayMs, this.client.initialDelayMs * 2 ** this.attempt);
    const jittered = Math.round(delay / 2 + Math.random() * delay / 2); // spread a fleet's reconnects
    this.attempt += 1;
    this.client.emit('close', { code: event.code, reason: event.reason, reconnectInMs: jittered });
    setTimeout(() => {
      if (!this.closedForGood) this.connect();
    }, jittered);
  }

  close() {
    this.closedForGood = true;
    this.socket.close(1000, 'client done');
  }
}

function connectionLost() {
  return { code: 'CONNECTION_LOST', message: 'the connection to Matchplane closed before the reply' };
}
