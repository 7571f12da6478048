import { budgetCases } from "../policies/testing/budgetCases.js";
import { budgetConformance } from "../policies/testing/budgetConformance.js";
import { realDriver } from "./testing/realDriver.js";

budgetConformance("real", () => realDriver(), budgetCases);
