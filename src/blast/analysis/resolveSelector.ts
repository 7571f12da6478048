import { StampedeError } from "../../core/StampedeError.js";
import type { DependencyGraph } from "../../graph/DependencyGraph.js";
import { Failure } from "../../graph/NodeState.js";
import { isNodeType } from "../../graph/NodeType.js";

/** Nodes chosen by a selector, with the failure mode to apply. */
export interface Selection {
  readonly selector: string;
  readonly nodes: readonly number[];
  /** Failure bits: FULL, or CONTROL / DATA for `@control` / `@data`. */
  readonly mode: number;
}

/**
 * Resolves `type:name` (`provider:aws`, `region:aws/us-east-1`, `zone:aws/us-east-1/use1-az1`) or a bare id or name,
 * optionally suffixed `@control` or `@data` to fail one plane only. Names match ids or display names, ignoring case;
 * `provider:X` also selects the providers whose ultimate parent is X. Throws E_BLAST_UNKNOWN_NODE.
 */
export function resolveSelector(graph: DependencyGraph, selector: string): Selection {
  let text = selector.trim();
  let mode: number = Failure.FULL;
  const at = text.lastIndexOf("@");
  if (at > 0 && ["control", "data"].includes(text.slice(at + 1).toLowerCase())) {
    mode = text.slice(at + 1).toLowerCase() === "control" ? Failure.CONTROL : Failure.DATA;
    text = text.slice(0, at);
  }
  const colon = text.indexOf(":");
  const maybeType = colon > 0 ? text.slice(0, colon) : "";
  const type = isNodeType(maybeType) ? maybeType : undefined;
  const name = (type ? text.slice(colon + 1) : text).toLowerCase();
  const nodes: number[] = [];
  for (let i = 0; i < graph.nodeCount; i++) {
    if (type && graph.type(i) !== type) continue;
    const info = graph.info(i);
    if (
      info.id.toLowerCase() === name ||
      info.name.toLowerCase() === name ||
      (type === "provider" && info.ultimateParent?.toLowerCase() === name)
    ) {
      nodes.push(i);
    }
  }
  if (nodes.length === 0) {
    const hint = similar(graph, type, name);
    throw new StampedeError(
      "E_BLAST_UNKNOWN_NODE",
      `no ${type ?? "node"} "${type ? text.slice(colon + 1) : text}" in the graph${hint ? ` (did you mean ${hint}?)` : ""}`,
      { path: selector },
    );
  }
  return { selector, nodes, mode };
}

function similar(graph: DependencyGraph, type: string | undefined, name: string): string {
  const out: string[] = [];
  for (let i = 0; i < graph.nodeCount && out.length < 3; i++) {
    if (type && graph.type(i) !== type) continue;
    const info = graph.info(i);
    if (info.id.toLowerCase().includes(name) || info.name.toLowerCase().includes(name)) {
      out.push(`${graph.type(i)}:${info.id}`);
    }
  }
  return out.join(", ");
}
