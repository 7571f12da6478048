/**
 * How an open-loop fleet's first attempts arrive (`load.arrivals`), beside the default Poisson process:
 * - `paced`: deterministic spacing, one arrival every 1 / (rate x clients) seconds, to the clients in turn;
 * - `onoff`: Poisson at `rate` per client during `on` seconds, then nothing for `off` seconds, periodically from 0;
 * - `mmpp`: a 2-state Markov-modulated Poisson process: Poisson at `rate x factors[i]` per client in state i, which
 *   lasts an exponential time of mean `sojourns[i]` seconds; the first state is drawn from the stationary law.
 */
export type ArrivalsSpec =
  | "poisson"
  | "paced"
  | { type: "onoff"; on: number; off: number }
  | { type: "mmpp"; factors: [number, number]; sojourns: [number, number] };
