// Worker entry used when stampede runs from its TypeScript sources (tsx, vitest): registers tsx in the worker thread,
// then loads the TypeScript worker. From dist/, the pool loads the compiled jobWorker.js directly instead.
import { register } from "tsx/esm/api";

register();
const mod = await import("./jobWorker.ts");
export default mod.default;
