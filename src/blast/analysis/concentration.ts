import type { DependencyGraph } from "../../graph/DependencyGraph.js";
import { concentrationRatio, hhi } from "./hhi.js";

/** Thresholds and parameters of {@link concentration}. */
export interface ConcentrationOptions {
  /** HHI at or above which a market is "moderate". Default 1500. */
  readonly hhiModerate?: number;
  /** HHI at or above which a market is "high". Default 2500. */
  readonly hhiHigh?: number;
  /** n of CR-n. Default 3. */
  readonly crN?: number;
  /** Critical-provider screen, step 1.1: share of a category's entities using the provider for critical functions. Default 0.10. */
  readonly screenEntities?: number;
  /** Step 1.2: share of the category's assets those entities hold. Default 0.10. */
  readonly screenAssets?: number;
}

/** One provider group's share of a market. */
export interface ProviderShare {
  readonly provider: string;
  readonly name: string;
  readonly entities: number;
  readonly assets: number;
  readonly spend: number;
}

/** Concentration of one market (a sector and a service type, or "all"). */
export interface Market {
  readonly sector: string;
  readonly serviceType: string;
  readonly entities: number;
  readonly providers: readonly ProviderShare[];
  readonly hhi: { readonly byEntities: number; readonly byAssets: number; readonly bySpend: number };
  readonly cr: { readonly byEntities: number; readonly byAssets: number; readonly bySpend: number };
  /** Level by entity count: low, moderate or high. */
  readonly level: "low" | "moderate" | "high";
}

/** A provider passing step 1 of the critical ICT third-party provider screen in a category. */
export interface ScreenHit {
  readonly sector: string;
  readonly provider: string;
  readonly name: string;
  readonly entityShare: number;
  readonly assetShare: number;
  readonly passes: boolean;
}

/** A critical function on a provider that is hard to substitute with no alternative identified (Art. 29). */
export interface Art29Flag {
  readonly function: string;
  readonly owners: readonly string[];
  readonly service: string;
  readonly provider: string;
  readonly substitutability: string;
}

/** Everything `stampede concentration` reports. */
export interface ConcentrationReport {
  readonly options: Required<ConcentrationOptions>;
  readonly markets: readonly Market[];
  readonly screen: readonly ScreenHit[];
  readonly art29: readonly Art29Flag[];
}

interface Usage {
  holder: number;
  service: number;
  group: string;
  serviceType: string;
  spend: number;
  critical: boolean;
}

const HOLDER = new Set(["entity", "organisation"]);

/**
 * Concentration of the organisations (entity and organisation nodes) on provider groups (a provider's ultimate
 * parent, or the provider): for each sector x service type (and "all"), HHI and CR-n by number of entities, by their
 * assets and by spend; step 1 of the critical-provider screen per sector; Art. 29 flags.
 * An organisation uses a provider when one of its dependency paths reaches a service delivered by that provider;
 * the use is critical when the path passes a critical or important function.
 */
export function concentration(
  graph: DependencyGraph,
  options: ConcentrationOptions = {},
): ConcentrationReport {
  const opts: Required<ConcentrationOptions> = {
    hhiModerate: options.hhiModerate ?? 1500,
    hhiHigh: options.hhiHigh ?? 2500,
    crN: options.crN ?? 3,
    screenEntities: options.screenEntities ?? 0.1,
    screenAssets: options.screenAssets ?? 0.1,
  };
  const groupOf = (providerId: string): string => {
    const p = graph.indexOf(providerId);
    return (p !== undefined ? graph.info(p).ultimateParent : undefined) ?? providerId;
  };
  const nameOf = (id: string): string => {
    const i = graph.indexOf(id);
    if (i !== undefined) return graph.info(i).name;
    const members = graph.nodesOfType("provider").filter((p) => graph.info(p).ultimateParent === id);
    return members.length > 0 ? `${members.map((p) => graph.info(p).name).join(" / ")} (group)` : id;
  };
  const usages: Usage[] = [];
  const holders: number[] = [];
  for (let h = 0; h < graph.nodeCount; h++) {
    if (!HOLDER.has(graph.type(h))) continue;
    holders.push(h);
    const seen = new Map<number, boolean>(); // node -> reached through a critical function
    const stack: [number, boolean][] = graph.dependencies(h).map((d) => [d, false]);
    while (stack.length > 0) {
      const [v, viaCritical] = stack.pop()!;
      const type = graph.type(v);
      if (HOLDER.has(type) || type === "sector") continue;
      const info = graph.info(v);
      const crit = viaCritical || (type === "function" && info.critical === true);
      const before = seen.get(v);
      if (before === true || (before === false && !crit)) continue;
      seen.set(v, crit);
      if (type === "service") {
        for (const p of providersOf(graph, v)) {
          usages.push({
            holder: h,
            service: v,
            group: groupOf(p),
            serviceType: info.serviceType ?? "unspecified",
            spend: info.spend ?? 0,
            critical: crit,
          });
        }
      }
      if (type === "provider") continue;
      for (const d of graph.dependencies(v)) stack.push([d, crit]);
    }
  }
  const sectorOf = (h: number): string => graph.info(h).sector ?? "unspecified";
  const assetsOf = (h: number): number => graph.info(h).assets ?? 0;
  const markets: Market[] = [];
  const sectors = ["all", ...new Set(holders.map(sectorOf))].sort((a, b) =>
    a === "all" ? -1 : b === "all" ? 1 : a.localeCompare(b),
  );
  const types = ["all", ...new Set(usages.map((u) => u.serviceType))].sort((a, b) =>
    a === "all" ? -1 : b === "all" ? 1 : a.localeCompare(b),
  );
  for (const sector of sectors) {
    for (const type of types) {
      const us = usages.filter(
        (u) =>
          (sector === "all" || sectorOf(u.holder) === sector) && (type === "all" || u.serviceType === type),
      );
      if (us.length === 0) continue;
      const byGroup = new Map<string, { holders: Set<number>; services: Set<number>; spend: number }>();
      for (const u of us) {
        const g = byGroup.get(u.group) ?? {
          holders: new Set<number>(),
          services: new Set<number>(),
          spend: 0,
        };
        g.holders.add(u.holder);
        if (!g.services.has(u.service)) g.spend += u.spend; // a shared service's spend counts once
        g.services.add(u.service);
        byGroup.set(u.group, g);
      }
      const providers = [...byGroup].map(([id, g]) => ({
        provider: id,
        name: nameOf(id),
        entities: g.holders.size,
        assets: [...g.holders].reduce((s, h) => s + assetsOf(h), 0),
        spend: g.spend,
      }));
      providers.sort(
        (a, b) => b.entities - a.entities || b.assets - a.assets || a.provider.localeCompare(b.provider),
      );
      const e = providers.map((p) => p.entities);
      const a = providers.map((p) => p.assets);
      const s = providers.map((p) => p.spend);
      const hE = hhi(e);
      markets.push({
        sector,
        serviceType: type,
        entities: new Set(us.map((u) => u.holder)).size,
        providers,
        hhi: { byEntities: hE, byAssets: hhi(a), bySpend: hhi(s) },
        cr: {
          byEntities: concentrationRatio(e, opts.crN),
          byAssets: concentrationRatio(a, opts.crN),
          bySpend: concentrationRatio(s, opts.crN),
        },
        level: hE >= opts.hhiHigh ? "high" : hE >= opts.hhiModerate ? "moderate" : "low",
      });
    }
  }
  return {
    options: opts,
    markets,
    screen: screen(holders, usages, sectorOf, assetsOf, nameOf, opts),
    art29: art29(graph),
  };
}

/** Providers delivering service `s`: its `provider` field, else those reached through regions and zones. */
function providersOf(graph: DependencyGraph, s: number): string[] {
  const direct = graph.info(s).provider;
  if (direct !== undefined) return [direct];
  const out = new Set<string>();
  const stack = graph.dependencies(s);
  const seen = new Set<number>();
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (seen.has(v)) continue;
    seen.add(v);
    const t = graph.type(v);
    if (t === "provider") out.add(graph.info(v).id);
    else if (t === "region" || t === "zone") stack.push(...graph.dependencies(v));
  }
  return [...out];
}

function screen(
  holders: readonly number[],
  usages: readonly Usage[],
  sectorOf: (h: number) => string,
  assetsOf: (h: number) => number,
  nameOf: (id: string) => string,
  opts: Required<ConcentrationOptions>,
): ScreenHit[] {
  const out: ScreenHit[] = [];
  for (const sector of [...new Set(holders.map(sectorOf))].sort()) {
    const members = holders.filter((h) => sectorOf(h) === sector);
    const totalAssets = members.reduce((s, h) => s + assetsOf(h), 0);
    const users = new Map<string, Set<number>>();
    for (const u of usages) {
      if (!u.critical || sectorOf(u.holder) !== sector) continue;
      const set = users.get(u.group) ?? new Set<number>();
      set.add(u.holder);
      users.set(u.group, set);
    }
    for (const [group, set] of users) {
      const entityShare = set.size / members.length;
      const assetShare = totalAssets > 0 ? [...set].reduce((s, h) => s + assetsOf(h), 0) / totalAssets : 0;
      out.push({
        sector,
        provider: group,
        name: nameOf(group),
        entityShare,
        assetShare,
        passes: entityShare >= opts.screenEntities && assetShare >= opts.screenAssets,
      });
    }
  }
  return out.sort(
    (a, b) =>
      Number(b.passes) - Number(a.passes) ||
      b.entityShare - a.entityShare ||
      a.provider.localeCompare(b.provider),
  );
}

function art29(graph: DependencyGraph): Art29Flag[] {
  const out: Art29Flag[] = [];
  for (const s of graph.nodesOfType("service")) {
    const info = graph.info(s);
    if (
      (info.substitutability !== "none" && info.substitutability !== "difficult") ||
      info.alternatives === true
    )
      continue;
    for (const f of graph.dependents(s)) {
      const fi = graph.info(f);
      if (graph.type(f) !== "function" || !fi.critical) continue;
      out.push({
        function: fi.name,
        owners: graph
          .dependents(f)
          .filter((d) => HOLDER.has(graph.type(d)))
          .map((d) => graph.info(d).name),
        service: info.name,
        provider: (info.provider !== undefined ? [info.provider] : providersOf(graph, s))
          .map((p) => (graph.indexOf(p) !== undefined ? graph.info(graph.indexOf(p)!).name : p))
          .join(", "),
        substitutability: info.substitutability,
      });
    }
  }
  return out;
}
