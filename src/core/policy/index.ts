/**
 * NetworkPolicy (networking.k8s.io/v1): compile → evaluate one flow → reachability matrix →
 * how the datapath enforces it. See the files for the Kubernetes behaviour each part models.
 */
export { compilePolicies, policyKey, policyProblems, setPolicy, type PolicyIndex } from './compile';
export { evaluateFlow, replyAllowed, resolveEndpoint, selectingPolicies } from './evaluate';
export { updateMatrix } from './update';
export {
  computeMatrix,
  eachLayer,
  podAllowed,
  classAllowed,
  expandBlock,
  type ReachabilityMatrix,
} from './matrix';
export { probes, declaredPorts, type ReachProbe } from './probes';
export {
  describeEnforcement,
  calicoIfaceName,
  calicoPolicyChain,
  type Enforcement,
  type EnforcementContext,
} from './enforcement';
export type { AllowedBy, Decision, Direction, Endpoint, FlowVerdict, PortProto } from './types';
export { compactRows, podKeys } from './compact';
export { forEachNamespacePair, namespaceIds, type NamespaceIds } from './summary';
export {
  changedScope,
  diff,
  flipSummary,
  markScope,
  podFlips,
  type ClassFlip,
  type FlipSummary,
  type PodFlip,
  type PolicyScope,
  type ReachDiff,
} from './diff';
export { matrixBlock, type MatrixBlock, type PodReachSummary } from './view';
export { whatIf, withEdits, type PolicyEdit } from './what-if';
export {
  policyPicture,
  selectorText,
  type PolicyPicture,
  type DirectionPicture,
  type RulePicture,
  type PeerPicture,
} from './picture';
