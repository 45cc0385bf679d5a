/**
 * Every name and help text of core's registries that the explorer shows (optimizers and each of their
 * hyperparameters, activations, init schemes, target presets, analytic surfaces) is in the catalogue in
 * English and Chinese, so a newly registered entry cannot reach the Chinese UI in English.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../../src/core/data/presets';
import { activations } from '../../src/core/network/activations';
import { initSchemes } from '../../src/core/network/init';
import { optimizers } from '../../src/core/optim/registry';
import { gallery } from '../../src/core/surface/gallery';
import en from '../../src/renderer/src/i18n/registry.en.json';
import zh from '../../src/renderer/src/i18n/registry.zh.json';
import { hyperFields } from '../../src/renderer/src/lib/hyperparamFields';

type Catalogue = Record<string, Record<string, { label?: string; help?: string } | string>>;

const entries: [string, string[]][] = [
  ['optimizer', [...optimizers.keys()]],
  ['hyper', [...new Set([...optimizers.values()].flatMap((d) => hyperFields(d.schema).map((f) => f.key)))]],
  ['activation', [...activations.keys()]],
  ['init', [...initSchemes.keys()]],
  ['preset', [...presets.keys()]],
  ['surface', [...gallery.keys()]],
];

describe('registry catalogue', () => {
  for (const [kind, names] of entries)
    it(`has ${kind} names and help in both languages (${names.length} entries)`, () => {
      const missing: string[] = [];
      for (const name of names)
        for (const [lang, cat] of [
          ['en', en as Catalogue],
          ['zh', zh as Catalogue],
        ] as const) {
          const e = cat[kind]?.[name];
          if (typeof e !== 'object' || !e.help) missing.push(`${lang}:${kind}.${name}.help`);
          if (kind !== 'init' && (typeof e !== 'object' || !e.label))
            missing.push(`${lang}:${kind}.${name}.label`);
        }
      expect(missing).toEqual([]);
    });

  it('writes every Chinese help text in Chinese', () => {
    const english: string[] = [];
    for (const [kind, group] of Object.entries(zh as Catalogue))
      for (const [name, e] of Object.entries(group))
        if (typeof e === 'object' && e.help && !/[\u4e00-\u9fff]/.test(e.help))
          english.push(`${kind}.${name}`);
    expect(english).toEqual([]);
  });

  it('offers a Chinese label for every hyperparameter choice value', () => {
    const values = new Set<string>();
    for (const d of optimizers.values())
      for (const f of hyperFields(d.schema)) for (const o of f.options ?? []) if (o !== null) values.add(o);
    const missing = [...values].filter((v) => !(zh as Catalogue).choice?.[v]);
    expect(missing).toEqual([]);
  });
});
