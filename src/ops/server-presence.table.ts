/** One row per running server process, refreshed by its heartbeat (server-presence.ts). */
export interface ServerPresenceTable {
  instance: string;
  host: string;
  pid: number;
  started_at: string;
  beat_at: string;
}

export interface ServerPresenceTables {
  server_presence: ServerPresenceTable;
}
