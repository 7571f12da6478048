import { h } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { follow, type JobView, post } from "./api.js";
import { LiveChart } from "./LiveChart.js";
import { type LiveData, mergePoints } from "./mergePoints.js";

/**
 * One job: progress bar, cancel button, verdict or error, and its report in a sandboxed frame that reloads as the
 * job advances (at most every 2.5 s while it runs, so streamed series and a filling phase diagram show up).
 */
export function JobPanel(props: { job: JobView }) {
  const [view, setView] = useState<JobView>(props.job);
  const [shown, setShown] = useState(0);
  const last = useRef(0);
  // The live points (mutated in place as they arrive; `points` bumps to redraw) and whether the job still runs.
  const live = useRef<LiveData>({ step: 0, span: 0, time: [], columns: {}, streamed: 0 });
  const running = useRef(props.job.state === "running");
  const [points, setPoints] = useState(0);
  useEffect(() => {
    setView(props.job);
    setShown(0);
    live.current = { step: 0, span: 0, time: [], columns: {}, streamed: 0 };
    running.current = props.job.state === "running";
    setPoints(0);
    return follow(
      props.job.id,
      (e) => {
        if (e.type === "end") running.current = false;
        setView((v) => ({ ...v, ...e, state: e.type === "end" ? (e.state ?? v.state) : v.state }));
      },
      (p) => {
        mergePoints(live.current, p, running.current);
        setPoints((n) => n + 1);
      },
    );
  }, [props.job.id]);
  useEffect(() => {
    const now = Date.now();
    if (view.state !== "running" || now - last.current > 2500) {
      last.current = now;
      setShown(view.version);
    } else {
      const t = setTimeout(() => setShown(view.version), 2500);
      return () => clearTimeout(t);
    }
    return undefined;
  }, [view.version, view.state]);
  const cancel = () => void post(`/api/jobs/${view.id}/cancel`, {});
  return h(
    "div",
    { class: "job", "data-job": view.id, "data-state": view.state },
    h(
      "div",
      { class: "job-head" },
      h("progress", { max: 1, value: view.fraction }),
      h(
        "span",
        { class: "job-state", "data-testid": "job-state" },
        `${view.kind} ${view.state} ${view.detail}`,
      ),
      view.state === "running" ? h("button", { onClick: cancel, "data-testid": "cancel" }, "Cancel") : null,
    ),
    view.kind === "run" && live.current.time.length > 0
      ? h(LiveChart, { data: live.current, version: points })
      : null,
    view.verdict ? h("div", { class: "job-verdict", "data-testid": "job-verdict" }, view.verdict) : null,
    view.error ? h("pre", { class: "error", "data-testid": "job-error" }, view.error) : null,
    shown > 0 || view.state === "done"
      ? h("iframe", {
          class: "report",
          title: "report",
          sandbox: "allow-scripts",
          src: `/api/jobs/${view.id}/report.html?v=${shown}`,
          "data-testid": "report",
        })
      : null,
  );
}
