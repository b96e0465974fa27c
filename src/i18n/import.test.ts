import { describe, expect, it } from 'vitest';
import { IMPORT_MESSAGES, sayText } from '../scenario/yaml/messages';
import { IMPORT_SENTENCES } from './import';
import { translator } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('import inferences and notices in both languages', () => {
  it('has a Japanese sentence for every key the importer emits, with the same placeholders', () => {
    expect(Object.keys(IMPORT_SENTENCES.ja).sort()).toEqual(Object.keys(IMPORT_MESSAGES).sort());
    for (const [key, english] of Object.entries(IMPORT_MESSAGES))
      expect(placeholders(IMPORT_SENTENCES.ja[key]!), key).toEqual(placeholders(english));
  });

  it('renders a message in the chosen language; the CLI’s English is the same sentence', () => {
    const say = { key: 'import.plan.podCidr.flag', args: { cidr: '10.32.0.0/16', pod: 'kube-system/kcm' } };
    expect(translator('en').imported(say)).toBe(sayText(say));
    expect(translator('en').imported(say)).toBe(
      'Cluster Pod CIDR 10.32.0.0/16: --cluster-cidr of Pod kube-system/kcm.',
    );
    expect(translator('ja').imported(say)).toBe(
      'クラスタの Pod CIDR は 10.32.0.0/16: Pod kube-system/kcm の --cluster-cidr です。',
    );
    // An unknown key or a missing argument falls back to the English text given.
    expect(translator('ja').imported({ key: 'import.unknown', args: {} }, 'english')).toBe('english');
    expect(translator('ja').imported({ key: 'import.plan.podCidr.flag', args: {} }, 'english')).toBe(
      'english',
    );
  });
});
