/** The Wilson score interval lives in metrics/ so that blast/ (the sector Monte Carlo) can use it too. */
export { type Interval, type ShareEstimate, wilsonInterval, Z95 } from "../../metrics/wilsonInterval.js";
