export { type BlastReport, blastRadius, type Outcome as BlastOutcome } from "./analysis/blastRadius.js";
export {
  type Art29Flag,
  type ConcentrationOptions,
  type ConcentrationReport,
  concentration,
  type Market,
  type ProviderShare,
  type ScreenHit,
} from "./analysis/concentration.js";
export { concentrationRatio, hhi } from "./analysis/hhi.js";
export { compareImpact, type Impact, ImpactCounter } from "./analysis/ImpactCounter.js";
export {
  type CaseResult,
  casesAt,
  type FailureCase,
  type FailureLevel,
  type PairOptions,
  runCases,
  runPairs,
} from "./analysis/nMinus.js";
export { resolveSelector, type Selection } from "./analysis/resolveSelector.js";
export {
  type FunctionSpof,
  SPOF_CANDIDATES,
  singlePointsOfFailure,
} from "./analysis/singlePointsOfFailure.js";
export { type CsvField, type CsvRecord, parseCsv } from "./csv/parseCsv.js";
export { failuresFromRun, type RunFailures } from "./fromRun.js";
export { GraphFileSchema, graphJsonSchema } from "./import/graphFileSchema.js";
export { ImportError } from "./import/ImportIssues.js";
export { type BackstageResult, importBackstage } from "./import/importBackstage.js";
export { type GraphFileResult, importGraphFile } from "./import/importGraphFile.js";
export {
  detectFormat,
  type LoadedGraph,
  type LoadOptions as GraphLoadOptions,
  loadGraphs,
} from "./loadGraphs.js";
export {
  importRegister,
  type RegisterImportOptions,
  type RegisterImportResult,
} from "./register/importRegister.js";
export { isValidLei, leiCheckDigits } from "./register/isValidLei.js";
