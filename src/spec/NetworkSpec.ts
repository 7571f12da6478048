/** A network (a VPC, the internal network, ...): the place fleets, services and monitoring live in. */
export interface NetworkSpec {
  description?: string;
}
