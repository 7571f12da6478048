import type { LinkSpec } from "./Scenario.js";

/** The result of routing traffic between two networks: the links crossed, in order, or why there is no route. */
export type Route = { ok: true; links: string[] } | { ok: false; message: string };

/**
 * The links that traffic from network `from` to network `to` crosses. `via` (when given) overrides the derived route
 * as it is (`[]`: no link, e.g. out-of-band monitoring). Otherwise: no link within one network, and the one link
 * whose `between` joins the two networks (in either order) when they differ; none, or several, is an error.
 */
export function resolveRoute(
  links: Readonly<Record<string, Pick<LinkSpec, "between">>>,
  from: string,
  to: string,
  via?: readonly string[],
): Route {
  if (via !== undefined) return { ok: true, links: [...via] };
  if (from === to) return { ok: true, links: [] };
  const joining = Object.entries(links)
    .filter(
      ([, l]) =>
        (l.between[0] === from && l.between[1] === to) || (l.between[0] === to && l.between[1] === from),
    )
    .map(([name]) => name);
  if (joining.length === 1) return { ok: true, links: joining };
  if (joining.length === 0)
    return {
      ok: false,
      message: `no link joins networks '${from}' and '${to}': add one to links or set via`,
    };
  return {
    ok: false,
    message: `several links join '${from}' and '${to}' (${joining.join(", ")}): choose one with via`,
  };
}
