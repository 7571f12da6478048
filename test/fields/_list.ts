import { scenarioJsonSchema } from "../../src/scenario/scenarioJsonSchema.js";
import { schemaLeaves } from "./schemaLeaves.js";

const l = schemaLeaves(scenarioJsonSchema() as never);
console.log(l.join("\n"));
console.error(l.length);
