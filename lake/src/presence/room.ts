// Who is where in one dataset: the last announced state of each live session, and the sockets
// that hear about changes. Events go to every other socket of the dataset, never back to the
// sender: the Studio filters its own session out anyway, and a rollcall is for the others.

/** The events the Studio's presence store reads (handleIncomingMessage in sanity's datastores). */
export type PresenceEvent =
  | {type: 'state'; i: string; m: {sessionId: string; locations: unknown[]}}
  | {type: 'rollCall'; i: string; session: string}
  | {type: 'disconnect'; i: string; m: {session: string}}

/** One socket in the room. */
export interface Member {
  deliver(event: PresenceEvent): void
}

interface Session {
  identity: string
  owner: Member
  locations: unknown[]
}

export class PresenceRoom {
  private readonly members = new Set<Member>()
  private readonly sessions = new Map<string, Session>()

  join(member: Member): void {
    this.members.add(member)
  }

  /** The socket closed: its sessions are gone, whether or not it said so. */
  leave(member: Member): void {
    this.members.delete(member)
    for (const [sessionId, session] of this.sessions) {
      if (session.owner === member) this.disconnect(member, sessionId)
    }
  }

  get isEmpty(): boolean {
    return this.members.size === 0 && this.sessions.size === 0
  }

  /** Throws if the session is live for another user: one user cannot speak for another's session. */
  announce(member: Member, identity: string, sessionId: string, locations: unknown[]): void {
    this.checkOwner(identity, sessionId)
    // A reconnecting tab keeps its session id: the newest socket owns the session from now on.
    this.sessions.set(sessionId, {identity, owner: member, locations})
    this.broadcast(member, {type: 'state', i: identity, m: {sessionId, locations}})
  }

  /** Asks the others to announce where they are (the Studio does this when it connects). */
  rollCall(member: Member, identity: string, sessionId: string): void {
    this.checkOwner(identity, sessionId)
    this.broadcast(member, {type: 'rollCall', i: identity, session: sessionId})
  }

  /** Ends a session of this socket; false if it had none of that id. */
  disconnect(member: Member, sessionId: string): boolean {
    const session = this.sessions.get(sessionId)
    if (!session || session.owner !== member) return false
    this.sessions.delete(sessionId)
    this.broadcast(member, {type: 'disconnect', i: session.identity, m: {session: sessionId}})
    return true
  }

  /** The last state of every live session of other sockets, for a socket that just subscribed. */
  statesFor(member: Member): PresenceEvent[] {
    const events: PresenceEvent[] = []
    for (const [sessionId, session] of this.sessions) {
      if (session.owner !== member) events.push({type: 'state', i: session.identity, m: {sessionId, locations: session.locations}})
    }
    return events
  }

  private checkOwner(identity: string, sessionId: string): void {
    const session = this.sessions.get(sessionId)
    if (session && session.identity !== identity) throw new SessionTakenError(sessionId)
  }

  private broadcast(from: Member, event: PresenceEvent): void {
    for (const member of this.members) {
      if (member !== from) member.deliver(event)
    }
  }
}

export class SessionTakenError extends Error {
  constructor(sessionId: string) {
    super(`Session "${sessionId}" belongs to another user`)
  }
}
