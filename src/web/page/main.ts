/**
 * The stampede web app (bundled by esbuild into dist/web/app.js): browse built-in and workspace scenarios, edit one
 * with located errors as you type, run it (live series, cancel), compare variants, sweep parameters (the phase
 * diagram fills), open blast analyses of graphs under the root. Every result is the same report page as the CLI's.
 */
import { type ComponentChild, h, render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { get, type Info, type JobView, type Problem, post } from "./api.js";
import { Editor } from "./Editor.js";
import { JobPanel } from "./JobPanel.js";

type Tab = "run" | "compare" | "sweep" | "blast";

function parseSets(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const i = line.indexOf("=");
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

function field(label: string, input: ComponentChild) {
  return h("label", { class: "field" }, h("span", {}, label), input);
}

/**
 * A text input (a textarea when `extra.rows` is given) bound to one piece of state: the one form handler every
 * field of the page uses. `extra` carries size, cols and test ids.
 */
function textInput(
  value: string,
  set: (v: string) => void,
  extra: Record<string, unknown> = {},
): ComponentChild {
  return h("rows" in extra ? "textarea" : "input", {
    ...extra,
    value,
    onInput: (e: Event) => set((e.target as HTMLInputElement | HTMLTextAreaElement).value),
  });
}

function App() {
  const [info, setInfo] = useState<Info | null>(null);
  const [ref, setRef] = useState("");
  const [text, setText] = useState("");
  /** Bumped at every scenario opened: the editor then shows `text` (between loads it owns its document). */
  const [loaded, setLoaded] = useState(0);
  const [edited, setEdited] = useState(false);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [variants, setVariants] = useState<string[]>([]);
  const [tab, setTab] = useState<Tab>("run");
  const [variant, setVariant] = useState("");
  const [sets, setSets] = useState("");
  const [scale, setScale] = useState("0.05");
  const [seed, setSeed] = useState("1");
  const [until, setUntil] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [replications, setReplications] = useState("1");
  const [params, setParams] = useState("");
  const [blastFiles, setBlastFiles] = useState<string[]>([]);
  const [fail, setFail] = useState("region:aws/us-east-1");
  const [blastFor, setBlastFor] = useState("7h");
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<Info>("/api/info").then(setInfo, (e: Error) => setError(e.message));
  }, []);
  const open = async (name: string) => {
    setRef(name);
    setEdited(false);
    setJob(null);
    const s = await get<{ text: string }>(`/api/scenario?ref=${encodeURIComponent(name)}`);
    setText(s.text);
    setLoaded((n) => n + 1);
  };
  const base = () => ({
    scenario: ref,
    ...(edited ? { text } : {}),
    set: parseSets(sets),
    scale: scale === "" ? undefined : Number(scale),
    seed: Number(seed || 1),
    ...(until.trim() === "" ? {} : { until: until.trim() }),
  });
  // Validate as you type (debounced): every problem located at file:line:col with its field path.
  useEffect(() => {
    if (ref === "" || text === "") return undefined;
    const t = setTimeout(() => {
      post<{ ok: boolean; problems: Problem[]; variants: string[] }>("/api/validate", {
        ...base(),
        text,
        ...(variant ? { variant } : {}),
      }).then(
        (r) => {
          setProblems(r.problems);
          if (r.ok) setVariants(r.variants);
        },
        (e: Error) =>
          setProblems([{ line: null, col: null, path: null, message: e.message, text: e.message }]),
      );
    }, 300);
    return () => clearTimeout(t);
  }, [ref, text, variant, sets, scale]);

  const start = async (path: string, body: unknown) => {
    setError(null);
    try {
      setJob(await post<JobView>(path, body));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const run = () => start("/api/run", { ...base(), ...(variant ? { variant } : {}) });
  const compare = () =>
    start("/api/compare", { ...base(), variants: chosen, replications: Number(replications) });
  const sweep = () =>
    start("/api/sweep", {
      ...base(),
      params: params
        .split("\n")
        .map((p) => p.trim())
        .filter(Boolean),
      replications: Number(replications),
    });
  const blast = () =>
    start("/api/blast", { files: blastFiles, fail: fail.split(/[\s,]+/).filter(Boolean), for: blastFor });
  const toggle = (list: string[], x: string) =>
    list.includes(x) ? list.filter((y) => y !== x) : [...list, x];

  const scenarios = info
    ? [
        ...info.builtins.map((b) => ({ name: b.name, title: b.description })),
        ...info.files.map((f) => ({ name: f, title: f })),
      ]
    : [];
  const replicationsField = field("replications", textInput(replications, setReplications, { size: 3 }));
  const forms: Record<Tab, ComponentChild> = {
    run: h(
      "div",
      { class: "form" },
      field(
        "variant",
        h(
          "select",
          {
            value: variant,
            onChange: (e: Event) => setVariant((e.target as HTMLSelectElement).value),
            "data-testid": "variant",
          },
          h("option", { value: "" }, "(as written)"),
          ...variants.map((v) => h("option", { value: v }, v)),
        ),
      ),
      h("button", { onClick: run, disabled: ref === "", "data-testid": "run" }, "Run"),
    ),
    compare: h(
      "div",
      { class: "form" },
      h(
        "div",
        { class: "checks" },
        ...variants.map((v) =>
          h(
            "label",
            {},
            h("input", {
              type: "checkbox",
              checked: chosen.includes(v),
              onChange: () => setChosen(toggle(chosen, v)),
              "data-variant": v,
            }),
            v,
          ),
        ),
      ),
      replicationsField,
      h("button", { onClick: compare, disabled: ref === "", "data-testid": "compare" }, "Compare"),
    ),
    sweep: h(
      "div",
      { class: "form" },
      field(
        "parameters (path=FROM..TO:POINTS[:log], one a line)",
        textInput(params, setParams, { rows: 3, cols: 60, "data-testid": "params" }),
      ),
      replicationsField,
      h("button", { onClick: sweep, disabled: ref === "", "data-testid": "sweep" }, "Sweep"),
    ),
    blast: h(
      "div",
      { class: "form" },
      h(
        "div",
        { class: "checks files" },
        ...(info?.files ?? []).map((f) =>
          h(
            "label",
            {},
            h("input", {
              type: "checkbox",
              checked: blastFiles.includes(f),
              onChange: () => setBlastFiles(toggle(blastFiles, f)),
              "data-file": f,
            }),
            f,
          ),
        ),
      ),
      field("fail", textInput(fail, setFail, { size: 40, "data-testid": "fail" })),
      field("for", textInput(blastFor, setBlastFor, { size: 6 })),
      h("button", { onClick: blast, disabled: blastFiles.length === 0, "data-testid": "blast" }, "Analyse"),
    ),
  };
  return h(
    "div",
    { class: "layout" },
    h(
      "nav",
      {},
      h("h1", {}, "stampede"),
      h("p", { class: "muted" }, info ? `v${info.version}, ${info.maxRuns} runs at once` : "loading..."),
      h(
        "ul",
        { class: "scenarios" },
        ...scenarios.map((s) =>
          h(
            "li",
            { class: s.name === ref ? "on" : "" },
            h(
              "a",
              {
                href: "#",
                title: s.title,
                "data-scenario": s.name,
                onClick: (e: Event) => {
                  e.preventDefault();
                  void open(s.name);
                },
              },
              s.name,
            ),
          ),
        ),
      ),
    ),
    h(
      "main",
      {},
      h(
        "div",
        { class: "tabs" },
        ...(["run", "compare", "sweep", "blast"] as Tab[]).map((t) =>
          h("button", { class: t === tab ? "tab on" : "tab", onClick: () => setTab(t), "data-tab": t }, t),
        ),
      ),
      tab === "blast"
        ? null
        : h(
            "section",
            { class: "editor" },
            h("h2", {}, ref || "pick a scenario"),
            h(Editor, {
              docKey: loaded,
              text,
              problems,
              onChange: (t: string) => {
                setText(t);
                setEdited(true);
              },
            }),
            problems === null
              ? null
              : problems.length === 0
                ? h("p", { class: "ok", "data-testid": "valid" }, "valid")
                : h(
                    "ul",
                    { class: "problems", "data-testid": "problems" },
                    ...problems.map((p) =>
                      h(
                        "li",
                        {},
                        h("b", {}, p.line === null ? "" : `${p.line}:${p.col} `),
                        p.path ? h("code", {}, p.path) : null,
                        ` ${p.message}`,
                      ),
                    ),
                  ),
            h(
              "div",
              { class: "row" },
              field("scale", textInput(scale, setScale, { size: 5, "data-testid": "scale" })),
              field("seed", textInput(seed, setSeed, { size: 4 })),
              field(
                "until (e.g. 3h; empty: the scenario's duration)",
                textInput(until, setUntil, { size: 8, "data-testid": "until" }),
              ),
              field("--set (path=value, one a line)", textInput(sets, setSets, { rows: 2, cols: 40 })),
            ),
          ),
      forms[tab],
      error ? h("pre", { class: "error", "data-testid": "error" }, error) : null,
      job ? h(JobPanel, { job }) : null,
    ),
  );
}

render(h(App, {}), document.getElementById("app")!);
