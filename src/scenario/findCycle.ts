/**
 * A cycle in a directed graph, as the path `[a, b, ..., a]` (first node repeated at the end), or null when there is
 * none. Deterministic: nodes are explored in the given order. Edges to unknown nodes are ignored.
 */
export function findCycle(
  nodes: readonly string[],
  edges: (node: string) => readonly string[],
): string[] | null {
  const known = new Set(nodes);
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 1);
    stack.push(n);
    for (const m of edges(n)) {
      if (!known.has(m)) continue;
      const st = state.get(m);
      if (st === 1) return [...stack.slice(stack.indexOf(m)), m];
      if (st === undefined) {
        const c = visit(m);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of nodes) {
    if (state.has(n)) continue;
    const c = visit(n);
    if (c) return c;
  }
  return null;
}
