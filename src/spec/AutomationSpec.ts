/** How tear-downs spread over a window: constant rate (`uniform`) or linearly rising rate (`ramp`). */
export type TeardownShape = "uniform" | "ramp";

export type AutomationAction =
  /**
   * The service's endpoints change: persistent connections to it are torn down and must be set up again; `fraction`
   * (default 1) of each fleet's clients are affected (a smaller trigger). With `over` > 0 (seconds, default 0: all at
   * once) the tear-downs are spread over that window: `uniform` (default, constant rate) or `ramp` (rate rising
   * linearly from 0 to its peak at the window's end), each client's time drawn from its own named stream.
   */
  | {
      type: "change-endpoints";
      service: string;
      fraction?: number;
      over?: number;
      shape?: TeardownShape;
    }
  | { type: "scale"; service: string; servers: number }
  | { type: "remove-capacity"; link?: string; service?: string; devices?: number; servers?: number }
  | { type: "restart"; service: string; duration: number }
  /** The fleet's load becomes `factor` x its configured load (open: rate x factor; closed: think / factor). */
  | { type: "load"; fleet: string; factor: number }
  /** The service's cache loses its `hottest` fraction of keys by popularity (default 1: all of them). */
  | { type: "cache-loss"; service: string; hottest: number };

export interface AutomationSpec {
  /** When, seconds from the scenario's start. */
  at: number;
  action: AutomationAction;
  /** Part of the trigger window of the verdict. Default true. */
  trigger: boolean;
}
