import { limiterCases } from "../testing/limiterCases.js";
import { limiterConformance } from "../testing/limiterConformance.js";
import { virtualDriver } from "../testing/virtualDriver.js";

limiterConformance("virtual", () => virtualDriver(), limiterCases);
