import { breakerCases } from "../policies/testing/breakerCases.js";
import { breakerConformance } from "../policies/testing/breakerConformance.js";
import { budgetCases } from "../policies/testing/budgetCases.js";
import { budgetConformance } from "../policies/testing/budgetConformance.js";
import { limiterCases } from "../policies/testing/limiterCases.js";
import { limiterConformance } from "../policies/testing/limiterConformance.js";
import { queueCases } from "../policies/testing/queueCases.js";
import { queueConformance } from "../policies/testing/queueConformance.js";
import { realDriver } from "./testing/realDriver.js";

// The same suites as the virtual-clock ones beside each policy, on the real clock (one unit = 20 ms).
budgetConformance("real", () => realDriver(), budgetCases);
breakerConformance("real", () => realDriver(), breakerCases);
queueConformance("real", () => realDriver(), queueCases);
limiterConformance("real", () => realDriver(), limiterCases);
