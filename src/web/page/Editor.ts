/**
 * The scenario editor: CodeMirror 6 with YAML highlighting, completion and hover from the shipped JSON Schema
 * (schema/scenario.schema.json, bundled), and the located problems of `validate` drawn as lint markers (the
 * validation call itself is debounced by the page). Exposed as `window.stampedeEditor` for the browser tests.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { yaml } from "@codemirror/lang-yaml";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { Annotation } from "@codemirror/state";
import { EditorView, hoverTooltip } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { h } from "preact";
import { useEffect, useRef } from "preact/hooks";
import schemaJson from "../../../schema/scenario.schema.json" with { type: "json" };
import type { Problem } from "./api.js";
import { describeAt, keyPathAt, keysAt, pathAt, type SchemaNode } from "./schemaAt.js";

const SCHEMA = schemaJson as unknown as SchemaNode;
/** Marks the document replacements the page makes (a scenario opened), which are not edits. */
const external = Annotation.define<boolean>();
/** The page's style nonce (the server's CSP allows CodeMirror's injected <style> elements with it). */
const NONCE = document.querySelector('meta[name="style-nonce"]')?.getAttribute("content") ?? "";

function lines(view: { state: EditorView["state"] }): string[] {
  return view.state.doc.toString().split("\n");
}

/** Completion of the keys the schema allows in the mapping under the cursor. */
function complete(ctx: CompletionContext): CompletionResult | null {
  const word = ctx.matchBefore(/[A-Za-z0-9_$]*/);
  if (!word) return null;
  const line = ctx.state.doc.lineAt(ctx.pos);
  const before = line.text.slice(0, word.from - line.from);
  if (!/^\s*(- +)?$/.test(before)) return null; // only at a key's position
  if (word.from === word.to && !ctx.explicit) return null;
  const all = ctx.state.doc.toString().split("\n");
  const path = pathAt(all, line.number - 1, before.length);
  const keys = keysAt(SCHEMA, path);
  if (keys.length === 0) return null;
  return {
    from: word.from,
    options: keys.map((k) => ({
      label: k.name,
      type: "property",
      info: k.description,
      apply: `${k.name}: `,
    })),
    validFor: /^[A-Za-z0-9_$]*$/,
  };
}

/** Hover over a key: its schema description and path. */
const hover = hoverTooltip((view, pos) => {
  const line = view.state.doc.lineAt(pos);
  const path = keyPathAt(lines(view), line.number - 1);
  if (!path) return null;
  const text = describeAt(SCHEMA, path);
  if (!text) return null;
  return {
    pos,
    above: true,
    create: () => {
      const dom = document.createElement("div");
      dom.className = "cm-schema-hover";
      dom.textContent = `${path.join(".")}: ${text}`;
      return { dom };
    },
  };
});

/** Located problems as diagnostics (whole line from the column); unlocated ones mark the first line. */
function diagnostics(view: EditorView, problems: Problem[]): Diagnostic[] {
  const doc = view.state.doc;
  return problems.map((p) => {
    const ln = doc.line(Math.min(Math.max(p.line ?? 1, 1), doc.lines));
    const from = Math.min(ln.from + Math.max((p.col ?? 1) - 1, 0), ln.to);
    return {
      from,
      to: Math.max(ln.to, from),
      severity: "error",
      message: p.path ? `${p.path}: ${p.message}` : p.message,
    };
  });
}

export interface EditorProps {
  text: string;
  problems: Problem[] | null;
  onChange: (text: string) => void;
}

export function Editor({ text, problems, onChange }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  // The last text the editor reported: a prop equal to it is our own edit coming back (maybe stale while typing).
  const reported = useRef(text);
  useEffect(() => {
    const v = new EditorView({
      doc: text,
      parent: host.current!,
      extensions: [
        EditorView.cspNonce.of(NONCE),
        basicSetup,
        yaml(),
        lintGutter(),
        autocompletion({ override: [complete] }),
        hover,
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !u.transactions.some((t) => t.annotation(external))) {
            reported.current = u.state.doc.toString();
            change.current(reported.current);
          }
        }),
      ],
    });
    view.current = v;
    (window as unknown as { stampedeEditor: EditorView }).stampedeEditor = v;
    return () => v.destroy();
  }, []);
  // A new scenario opened (a text the editor did not report): replace the document without reporting it as an edit.
  useEffect(() => {
    const v = view.current;
    if (v && text !== reported.current && v.state.doc.toString() !== text) {
      reported.current = text;
      v.dispatch({
        changes: { from: 0, to: v.state.doc.length, insert: text },
        annotations: external.of(true),
      });
    }
  }, [text]);
  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, problems ? diagnostics(v, problems) : []));
  }, [problems, text]);
  return h("div", { class: "code", ref: host, "data-testid": "editor" });
}
