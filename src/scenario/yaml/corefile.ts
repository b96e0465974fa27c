/**
 * The cluster domain CoreDNS serves, read from its Corefile the way CoreDNS reads it
 * (coredns/coredns plugin/kubernetes/setup.go `kubernetesParse`: the zones are the `kubernetes`
 * directive's arguments, else the server block's keys). kubeadm writes
 * `kubernetes {{ .DNSDomain }} in-addr.arpa ip6.arpa { … }` into ConfigMap kube-system/coredns
 * (kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go, CoreDNSConfigMap), and kind, k3s and
 * EKS ship the same shape. The reverse zones (`*.arpa`) are PTR zones, not the domain.
 */
export function corefileDomain(corefile: string): string | null {
  // Comments run from `#` to the end of the line (coredns/caddy caddyfile lexer).
  const text = corefile.replace(/#[^\n]*/g, '');
  // Tokens with their nesting depth, so a block's keys are the words before its opening `{`.
  const tokens = text
    .split(/(\{|\}|\n)/)
    .flatMap((part) =>
      part === '{' || part === '}' || part === '\n' ? [part] : part.split(/[ \t\r]+/).filter(Boolean),
    );
  let depth = 0;
  let keys: string[] = [];
  let line: string[] = [];
  const fromLine = (words: readonly string[]): string | null => {
    const zones = words[0] === 'kubernetes' ? words.slice(1) : [];
    const candidates = (zones.length > 0 ? zones : keys).map(zoneName);
    return candidates.find((z) => z !== '' && z !== '.' && !z.endsWith('arpa')) ?? null;
  };
  for (const t of tokens) {
    if (t === '\n' || t === '{' || t === '}') {
      if (depth === 1 && line[0] === 'kubernetes') {
        const d = fromLine(line);
        if (d) return d;
      }
      if (t === '{') {
        if (depth === 0) keys = line;
        depth++;
      } else if (t === '}') depth = Math.max(0, depth - 1);
      line = [];
      continue;
    }
    line.push(t);
  }
  return null;
}

/** `cluster.local.:53` → `cluster.local`; `dns://cluster.local` → `cluster.local`. */
function zoneName(word: string): string {
  return word
    .replace(/^[a-z]+:\/\//, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
}
