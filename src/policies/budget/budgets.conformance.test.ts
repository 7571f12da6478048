import { budgetCases } from "../testing/budgetCases.js";
import { budgetConformance } from "../testing/budgetConformance.js";
import { virtualDriver } from "../testing/virtualDriver.js";

budgetConformance("virtual", () => virtualDriver(), budgetCases);
