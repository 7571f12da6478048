/** The page's calls to its own server: GETs plain, every change with the token header (never a cookie). */

/** The token from the URL fragment (`#token=...`), which the browser never sends to the server. */
export const token = new URLSearchParams(location.hash.slice(1)).get("token") ?? "";

export interface JobView {
  id: string;
  kind: string;
  state: "running" | "done" | "failed" | "cancelled";
  fraction: number;
  version: number;
  detail: string;
  error: string | null;
  verdict: string | null;
}

export interface Info {
  version: string;
  maxRuns: number;
  builtins: { name: string; description: string; variants: { name: string; description: string }[] }[];
  files: string[];
}

export interface Problem {
  line: number | null;
  col: number | null;
  path: string | null;
  message: string;
  text: string;
}

export async function get<T>(path: string): Promise<T> {
  const r = await fetch(path);
  const body = (await r.json()) as T & { error?: string };
  if (!r.ok) throw new Error(body.error ?? r.statusText);
  return body;
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", "x-stampede-token": token },
    body: JSON.stringify(body),
  });
  const out = (await r.json()) as T & { error?: string };
  if (!r.ok) throw new Error(out.error ?? r.statusText);
  return out;
}

/** New points of a running job's live series (the server's LiveSeriesEvent). */
export interface LivePoints {
  type: "series";
  from: number;
  step: number;
  span: number;
  time: number[];
  columns: Record<string, (number | null)[]>;
}

/** Follows a job's server-sent events until it ends; `onSeries` gets the live points as they come. */
export function follow(
  id: string,
  onView: (v: Partial<JobView> & { type: string }) => void,
  onSeries?: (p: LivePoints) => void,
): () => void {
  const source = new EventSource(`/api/jobs/${id}/events`);
  source.addEventListener("series", (e) => onSeries?.(JSON.parse((e as MessageEvent).data)));
  source.addEventListener("progress", (e) => onView(JSON.parse((e as MessageEvent).data)));
  source.addEventListener("end", (e) => {
    onView(JSON.parse((e as MessageEvent).data));
    source.close();
  });
  source.onerror = () => source.close();
  return () => source.close();
}
