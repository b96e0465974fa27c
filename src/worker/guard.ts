import type { Endpoint } from 'comlink';

/**
 * Both ends of the comlink channel accept only the messages this app sends. comlink can also read
 * and write properties (GET/SET), construct objects and open new ports; the simulator's API only
 * answers method calls, so everything else is refused with an error answer (the caller does not
 * hang), and the page ignores any answer that is not a well-formed comlink reply instead of
 * letting comlink throw in its message handler.
 */

type Listener = (ev: MessageEvent) => void;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A comlink error reply, as its `throw` transfer handler writes one. */
function refusal(id: unknown, message: string) {
  return {
    id,
    type: 'HANDLER',
    name: 'throw',
    value: { isError: true, value: { name: 'Error', message, stack: '' } },
  };
}

/** Why a message to the worker is refused, or null when it is a plain call of one API method. */
export function refuseCall(data: unknown, methods: ReadonlySet<string>): string | null {
  if (!isObject(data) || typeof data.id !== 'string') return 'not a comlink message';
  if (data.type !== 'APPLY') return `comlink ${String(data.type)} is not allowed on the simulator API`;
  const path = data.path;
  if (!Array.isArray(path) || path.length !== 1 || typeof path[0] !== 'string' || !methods.has(path[0]))
    return 'not a method of the simulator API';
  const args = data.argumentList;
  // Arguments are plain data (RAW); a `proxy` argument would hand the worker a port back to the page.
  if (!Array.isArray(args) || !args.every((a) => isObject(a) && a.type === 'RAW'))
    return 'arguments must be plain data';
  return null;
}

/** The worker's side: forwards only calls of `methods`; answers anything else with an error. */
export function guardedWorkerEndpoint(ep: Endpoint, methods: ReadonlySet<string>): Endpoint {
  const wrapped = new Map<unknown, Listener>();
  return {
    postMessage: (msg: unknown, transfer?: Transferable[]) => ep.postMessage(msg, transfer),
    addEventListener(type: string, listener: unknown) {
      const l = listener as Listener;
      const guard: Listener = (ev) => {
        const why = refuseCall(ev.data, methods);
        if (why === null) return l(ev);
        const id = isObject(ev.data) ? ev.data.id : undefined;
        if (typeof id === 'string') ep.postMessage(refusal(id, `refused: ${why}`));
      };
      wrapped.set(listener, guard);
      ep.addEventListener(type, guard as EventListener);
    },
    removeEventListener(type: string, listener: unknown) {
      const guard = wrapped.get(listener);
      if (guard) ep.removeEventListener(type, guard as EventListener);
      wrapped.delete(listener);
    },
  } as Endpoint;
}

/** True for a reply comlink can read: an id, and a RAW value or a `throw` handler value. */
export function isWellFormedReply(data: unknown): boolean {
  if (!isObject(data) || typeof data.id !== 'string') return false;
  if (data.type === 'RAW') return 'value' in data;
  return data.type === 'HANDLER' && data.name === 'throw' && isObject(data.value);
}

/**
 * The page's side: passes comlink only well-formed replies; others are counted and dropped. A
 * listener that throws anyway is contained here, never surfacing as an uncaught page error.
 */
export function guardedPageEndpoint(ep: Endpoint, onMalformed: () => void): Endpoint {
  const wrapped = new Map<unknown, Listener>();
  return {
    postMessage: (msg: unknown, transfer?: Transferable[]) => ep.postMessage(msg, transfer),
    addEventListener(type: string, listener: unknown) {
      const l = listener as Listener;
      const guard: Listener = (ev) => {
        if (!isWellFormedReply(ev.data)) return onMalformed();
        try {
          l(ev);
        } catch {
          onMalformed();
        }
      };
      wrapped.set(listener, guard);
      ep.addEventListener(type, guard as EventListener);
    },
    removeEventListener(type: string, listener: unknown) {
      const guard = wrapped.get(listener);
      if (guard) ep.removeEventListener(type, guard as EventListener);
      wrapped.delete(listener);
    },
  } as Endpoint;
}
