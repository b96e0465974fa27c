import { useId } from 'react';
import type { Protocol } from '../../core/model/k8s';
import type { ImportIssue } from '../../scenario/yaml/types';
import { useT } from '../hooks/useT';
import { FieldMessages, SmallButton, TextField, inputClass, issuesAt } from './fields';
import {
  emptyPeer,
  emptyPort,
  emptyRule,
  usesNamespaces,
  usesPods,
  type Direction,
  type PeerForm,
  type PeerKind,
  type PortForm,
  type RuleForm,
} from './policyForm';

const PEER_KINDS: PeerKind[] = ['pods', 'namespaces', 'podsInNamespaces', 'ipBlock'];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

function PeerEditor({
  peer,
  at,
  issues,
  testid,
  onChange,
  onRemove,
}: {
  peer: PeerForm;
  at: string;
  issues: readonly ImportIssue[];
  testid: string;
  onChange: (p: PeerForm) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const id = useId();
  const own = issuesAt(issues, at, true);
  return (
    <div className="flex flex-wrap items-start gap-2 rounded-md bg-slate-50 p-2" data-testid={testid}>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="text-xs font-semibold text-slate-700">
          {t.t('policy.peerKind')}
        </label>
        <select
          id={id}
          value={peer.kind}
          data-testid={`${testid}-kind`}
          aria-invalid={own.length > 0}
          aria-describedby={own.length ? `${id}-msg` : undefined}
          className={inputClass}
          onChange={(e) => onChange({ ...peer, kind: e.target.value as PeerKind })}
        >
          {PEER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.t(`policy.peer.${k}`)}
            </option>
          ))}
        </select>
        <FieldMessages id={`${id}-msg`} issues={own} />
      </div>
      {usesPods(peer.kind) && (
        <TextField
          className="w-48"
          label={t.t('policy.podLabels')}
          value={peer.pods}
          placeholder="app=web"
          hint={t.t('policy.emptyAllPods')}
          issues={issuesAt(issues, `${at}.podSelector`)}
          testid={`${testid}-pods`}
          onChange={(pods) => onChange({ ...peer, pods })}
        />
      )}
      {usesNamespaces(peer.kind) && (
        <TextField
          className="w-56"
          label={t.t('policy.nsLabels')}
          value={peer.namespaces}
          placeholder="kubernetes.io/metadata.name=prod"
          hint={t.t('policy.emptyAllNs')}
          issues={issuesAt(issues, `${at}.namespaceSelector`)}
          testid={`${testid}-namespaces`}
          onChange={(namespaces) => onChange({ ...peer, namespaces })}
        />
      )}
      {peer.kind === 'ipBlock' && (
        <>
          <TextField
            className="w-36"
            label={t.t('policy.cidr')}
            value={peer.cidr}
            placeholder="10.0.0.0/8"
            issues={issuesAt(issues, `${at}.ipBlock.cidr`)}
            testid={`${testid}-cidr`}
            onChange={(cidr) => onChange({ ...peer, cidr })}
          />
          <TextField
            className="w-44"
            label={t.t('policy.except')}
            value={peer.except}
            placeholder="10.1.0.0/16"
            issues={issuesAt(issues, `${at}.ipBlock.except`)}
            testid={`${testid}-except`}
            onChange={(except) => onChange({ ...peer, except })}
          />
        </>
      )}
      <div className="self-end pb-1">
        <SmallButton
          tone="danger"
          label={t.t('policy.removePeer')}
          onClick={onRemove}
          testid={`${testid}-remove`}
        >
          ✕
        </SmallButton>
      </div>
    </div>
  );
}

function PortEditor({
  port,
  at,
  issues,
  testid,
  onChange,
  onRemove,
}: {
  port: PortForm;
  at: string;
  issues: readonly ImportIssue[];
  testid: string;
  onChange: (p: PortForm) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const id = useId();
  const protoIssues = issuesAt(issues, `${at}.protocol`);
  return (
    <div className="flex flex-wrap items-start gap-2 rounded-md bg-slate-50 p-2" data-testid={testid}>
      <TextField
        className="w-28"
        label={t.t('policy.port')}
        value={port.port}
        placeholder="80 / http"
        issues={[...issuesAt(issues, at, true), ...issuesAt(issues, `${at}.port`)]}
        testid={`${testid}-port`}
        onChange={(v) => onChange({ ...port, port: v })}
      />
      <TextField
        className="w-24"
        label={t.t('policy.endPort')}
        value={port.endPort}
        issues={issuesAt(issues, `${at}.endPort`)}
        testid={`${testid}-endport`}
        onChange={(v) => onChange({ ...port, endPort: v })}
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="text-xs font-semibold text-slate-700">
          {t.t('trace.protocol')}
        </label>
        <select
          id={id}
          value={port.protocol}
          data-testid={`${testid}-protocol`}
          className={inputClass}
          onChange={(e) => onChange({ ...port, protocol: e.target.value as Protocol })}
        >
          {PROTOCOLS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <FieldMessages id={`${id}-msg`} issues={protoIssues} />
      </div>
      <div className="self-end pb-1">
        <SmallButton
          tone="danger"
          label={t.t('policy.removePort')}
          onClick={onRemove}
          testid={`${testid}-remove`}
        >
          ✕
        </SmallButton>
      </div>
    </div>
  );
}

const replace = <T,>(list: readonly T[], i: number, v: T): T[] => list.map((x, j) => (j === i ? v : x));
const without = <T,>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);

/** The ingress (or egress) rules of a policy: each rule's peers OR'd, ports OR'd, peers AND ports. */
export function RuleEditor({
  dir,
  rules,
  issues,
  onChange,
}: {
  dir: Direction;
  rules: RuleForm[];
  issues: readonly ImportIssue[];
  onChange: (rules: RuleForm[]) => void;
}) {
  const t = useT();
  const peerKey = dir === 'ingress' ? 'from' : 'to';
  return (
    <fieldset
      className="flex flex-col gap-2 rounded-md border border-slate-300 p-2"
      data-testid={`rules-${dir}`}
    >
      <legend className="px-1 text-sm font-bold">
        {t.t(dir === 'ingress' ? 'policy.ingressRules' : 'policy.egressRules')}
      </legend>
      {rules.length === 0 && <p className="text-sm text-slate-700">{t.t('policy.noRules')}</p>}
      {rules.map((rule, i) => {
        const at = `spec.${dir}[${i}]`;
        const tid = `rule-${dir}-${i}`;
        return (
          <div
            key={i}
            className="flex flex-col gap-2 rounded-md border border-slate-200 p-2"
            data-testid={tid}
          >
            <div className="flex items-center justify-between gap-2">
              <h4 className="text-sm font-bold">{t.t('policy.rule', { n: i + 1 })}</h4>
              <SmallButton tone="danger" onClick={() => onChange(without(rules, i))} testid={`${tid}-remove`}>
                {t.t('policy.removeRule')}
              </SmallButton>
            </div>
            <FieldMessages id={`${tid}-msg`} issues={issuesAt(issues, at, true)} />
            <p className="text-xs font-semibold text-slate-700">
              {t.t(dir === 'ingress' ? 'policy.from' : 'policy.to')}
              {rule.peers.length === 0 && (
                <span className="ml-2 font-normal">
                  {t.t(dir === 'ingress' ? 'policy.anySource' : 'policy.anyDest')}
                </span>
              )}
            </p>
            {rule.peers.map((peer, j) => (
              <PeerEditor
                key={j}
                peer={peer}
                at={`${at}.${peerKey}[${j}]`}
                issues={issues}
                testid={`${tid}-peer-${j}`}
                onChange={(p) => onChange(replace(rules, i, { ...rule, peers: replace(rule.peers, j, p) }))}
                onRemove={() => onChange(replace(rules, i, { ...rule, peers: without(rule.peers, j) }))}
              />
            ))}
            <p className="text-xs font-semibold text-slate-700">
              {t.t('policy.ports')}
              {rule.ports.length === 0 && <span className="ml-2 font-normal">{t.t('policy.anyPort')}</span>}
            </p>
            {rule.ports.map((port, j) => (
              <PortEditor
                key={j}
                port={port}
                at={`${at}.ports[${j}]`}
                issues={issues}
                testid={`${tid}-port-${j}`}
                onChange={(p) => onChange(replace(rules, i, { ...rule, ports: replace(rule.ports, j, p) }))}
                onRemove={() => onChange(replace(rules, i, { ...rule, ports: without(rule.ports, j) }))}
              />
            ))}
            <div className="flex flex-wrap gap-2">
              <SmallButton
                testid={`${tid}-add-peer`}
                onClick={() => onChange(replace(rules, i, { ...rule, peers: [...rule.peers, emptyPeer()] }))}
              >
                {t.t('policy.addPeer')}
              </SmallButton>
              <SmallButton
                testid={`${tid}-add-port`}
                onClick={() => onChange(replace(rules, i, { ...rule, ports: [...rule.ports, emptyPort()] }))}
              >
                {t.t('policy.addPort')}
              </SmallButton>
            </div>
          </div>
        );
      })}
      <div>
        <SmallButton testid={`add-rule-${dir}`} onClick={() => onChange([...rules, emptyRule()])}>
          {t.t(dir === 'ingress' ? 'policy.addIngressRule' : 'policy.addEgressRule')}
        </SmallButton>
      </div>
    </fieldset>
  );
}
