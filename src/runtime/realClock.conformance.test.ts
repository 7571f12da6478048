import { breakerCases } from "../policies/testing/breakerCases.js";
import { breakerConformance } from "../policies/testing/breakerConformance.js";
import { budgetCases } from "../policies/testing/budgetCases.js";
import { budgetConformance } from "../policies/testing/budgetConformance.js";
import { realDriver } from "./testing/realDriver.js";

budgetConformance("real", () => realDriver(), budgetCases);
breakerConformance("real", () => realDriver(), breakerCases);
