import { useId } from 'react';
import type { Protocol } from '../../core/model/k8s';
import { useApp } from '../../store';
import { targetService } from '../../store/probeTarget';
import { useT } from '../hooks/useT';

const FIELD = 'flex flex-col gap-1 text-xs font-semibold tracking-wide text-slate-700 uppercase';

/**
 * When To is a Service: its ports as `kubectl get svc` knows them (name, port, protocol, target).
 * Choosing one sets the probe's port and protocol; a port it does not serve shows as "other".
 */
export function ServicePortPicker() {
  const t = useT();
  const uid = useId();
  const probe = useApp((s) => s.probe);
  const svc = useApp((s) => targetService(s.topology, s.probe.to));
  const choose = useApp((s) => s.chooseProbe);
  if (!svc || svc.headless || svc.ports.length === 0) return null;
  const current = `${probe.port}/${probe.protocol}`;
  const served = svc.ports.some((p) => `${p.port}/${p.protocol}` === current);
  return (
    <div className={FIELD}>
      <label htmlFor={`${uid}-sp`}>{t.t('trace.servicePort')}</label>
      <select
        id={`${uid}-sp`}
        value={served ? current : ''}
        data-testid="probe-service-port"
        className="kne-focus max-w-full rounded-md border border-slate-500 bg-white px-2 py-1.5 font-mono text-sm normal-case"
        onChange={(e) => {
          const [port, protocol] = e.target.value.split('/');
          if (port) choose({ port: Number(port), protocol: protocol as Protocol });
        }}
      >
        {!served && (
          <option value="" disabled>
            {t.t('trace.servicePortOther', { port: probe.port, protocol: probe.protocol })}
          </option>
        )}
        {svc.ports.map((p) => (
          <option key={`${p.port}/${p.protocol}`} value={`${p.port}/${p.protocol}`}>
            {t.t('trace.servicePortOption', {
              name: p.name ? `${p.name} ` : '',
              port: p.port,
              protocol: p.protocol,
              target: p.targetPort,
            })}
          </option>
        ))}
      </select>
    </div>
  );
}
