/**
 * The scenario editor: CodeMirror 6 with YAML highlighting, completion and hover from the shipped JSON Schema
 * (schema/scenario.schema.json, bundled), and the located problems of `validate` drawn as lint markers (the
 * validation call itself is debounced by the page). Exposed as `window.stampedeEditor` for the browser tests.
 */
import {
  autocompletion,
  type CompletionContext,
  type CompletionResult,
  completionKeymap,
  startCompletion,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { Annotation, Prec } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from "@codemirror/view";
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
  /**
   * Changes when the page loads a new document (a scenario opened): only then is `text` written into the editor.
   * While the user types, `text` comes back from the page's state one render late; writing it back would undo the
   * keystrokes made since (and throw the cursor to the top), so the editor owns its document between loads.
   */
  docKey: number;
  /** The document to show when `docKey` changes. */
  text: string;
  problems: Problem[] | null;
  onChange: (text: string) => void;
}

export function Editor({ docKey, text, problems, onChange }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const shownKey = useRef(docKey);
  useEffect(() => {
    const v = new EditorView({
      doc: text,
      parent: host.current!,
      extensions: [
        EditorView.cspNonce.of(NONCE),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        yaml(),
        lintGutter(),
        autocompletion({ override: [complete], icons: false }),
        // Ctrl-Space opens the completion wherever the cursor is, before any other binding can take the key.
        Prec.highest(keymap.of([{ key: "Ctrl-Space", run: startCompletion }])),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        hover,
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !u.transactions.some((t) => t.annotation(external)))
            change.current(u.state.doc.toString());
        }),
      ],
    });
    view.current = v;
    (window as unknown as { stampedeEditor: EditorView }).stampedeEditor = v;
    return () => v.destroy();
  }, []);
  // A new document loaded: replace the editor's without reporting it as an edit.
  useEffect(() => {
    const v = view.current;
    if (v && docKey !== shownKey.current) {
      shownKey.current = docKey;
      v.dispatch({
        changes: { from: 0, to: v.state.doc.length, insert: text },
        selection: { anchor: 0 },
        annotations: external.of(true),
      });
    }
  }, [docKey]);
  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, problems ? diagnostics(v, problems) : []));
  }, [problems]);
  return h("div", { class: "code", ref: host, "data-testid": "editor" });
}
