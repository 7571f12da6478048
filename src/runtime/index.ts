export { MathRandomRng } from "./MathRandomRng.js";
export { RealClock, realClock } from "./RealClock.js";
