export interface DependencyRef {
  service: string;
  kind: "hard" | "soft";
  plane: "control" | "data";
}

export interface DependentSpec {
  description?: string;
  /** True when the dependencies are illustrative, not documented facts. */
  illustrative: boolean;
  /** Every group must hold; a group holds when at least `k` of its services are up. */
  requires: { k: number; of: DependencyRef[] }[];
}
