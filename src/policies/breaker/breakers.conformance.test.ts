import { breakerCases } from "../testing/breakerCases.js";
import { breakerConformance } from "../testing/breakerConformance.js";
import { virtualDriver } from "../testing/virtualDriver.js";

breakerConformance("virtual", () => virtualDriver(), breakerCases);
