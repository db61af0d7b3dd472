// Subscribes the box office to one event: seat states over /live (the map re-renders through
// `version`) and statistics over /boxoffice. Closes both sockets when the screen goes.
import { useEffect, useReducer, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { LiveSeats, type Connection } from './live-seats.ts';
import { LiveStats } from './live-stats.ts';
import type { StatsState } from './stats-state.ts';

export interface LiveEventState {
  readonly seats: LiveSeats | null;
  /** Bumped on every seat change (the status array changes in place). */
  readonly version: number;
  readonly connection: Connection;
  readonly problem: string | null;
  readonly stats: StatsState | null;
  readonly statsProblem: string | null;
}

export function useLiveEvent(api: ApiClient, eventId: string): LiveEventState {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  const [stats, setStats] = useState<StatsState | null>(null);
  const [statsProblem, setStatsProblem] = useState<string | null>(null);
  const seats = useRef<LiveSeats | null>(null);
  useEffect(() => {
    const live = new LiveSeats(eventId, api.apiKey, {
      seats: () => bump(),
      connection: (state, message) => {
        setConnection(state);
        setProblem(message);
        bump();
      },
    });
    const liveStats = new LiveStats(eventId, api.apiKey, {
      stats: setStats,
      problem: setStatsProblem,
    });
    seats.current = live;
    return () => {
      live.close();
      liveStats.close();
      seats.current = null;
    };
  }, [api, eventId]);
  return { seats: seats.current, version, connection, problem, stats, statsProblem };
}
