import { queueCases } from "../testing/queueCases.js";
import { queueConformance } from "../testing/queueConformance.js";
import { virtualDriver } from "../testing/virtualDriver.js";

queueConformance("virtual", () => virtualDriver(), queueCases);
