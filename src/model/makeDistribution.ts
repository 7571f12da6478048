import { StampedeError } from "../core/StampedeError.js";
import { Constant } from "../engine/distributions/Constant.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import { Empirical } from "../engine/distributions/Empirical.js";
import { Exponential } from "../engine/distributions/Exponential.js";
import { LogNormal } from "../engine/distributions/LogNormal.js";
import { Normal } from "../engine/distributions/Normal.js";
import { Pareto } from "../engine/distributions/Pareto.js";
import { Uniform } from "../engine/distributions/Uniform.js";
import { Weibull } from "../engine/distributions/Weibull.js";
import type { DistributionSpec } from "../spec/DistributionSpec.js";

/** Builds an engine Distribution from a scenario's distribution spec (values in seconds). */
export function makeDistribution(spec: DistributionSpec): Distribution {
  switch (spec.type) {
    case "constant":
      return new Constant(spec.value);
    case "uniform":
      return new Uniform(spec.min, spec.max);
    case "exponential":
      return new Exponential(spec.mean);
    case "normal":
      return new Normal(spec.mean, spec.stddev);
    case "lognormal":
      return LogNormal.fromMeanCv(spec.mean, spec.cv);
    case "pareto":
      return new Pareto(spec.min, spec.alpha);
    case "weibull":
      return new Weibull(spec.scale, spec.shape);
    case "empirical":
      return new Empirical(spec.samples);
    default:
      throw new StampedeError("E_MODEL", `unknown distribution type '${(spec as { type: string }).type}'`);
  }
}
