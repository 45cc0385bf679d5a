/**
 * Perceptually uniform colour maps by name (d3-scale-chromatic), and the RGB lookup tables the
 * surface and heatmaps sample from (256 entries, so per-vertex colouring is a table read).
 */
import {
  interpolateCividis,
  interpolateInferno,
  interpolateMagma,
  interpolatePlasma,
  interpolateTurbo,
  interpolateViridis,
} from 'd3-scale-chromatic';

export interface ColorMapDef {
  readonly name: string;
  readonly interpolate: (t: number) => string;
}

export const colorMapList: readonly ColorMapDef[] = [
  { name: 'viridis', interpolate: interpolateViridis },
  { name: 'magma', interpolate: interpolateMagma },
  { name: 'inferno', interpolate: interpolateInferno },
  { name: 'plasma', interpolate: interpolatePlasma },
  { name: 'cividis', interpolate: interpolateCividis },
  { name: 'turbo', interpolate: interpolateTurbo },
];

const tables = new Map<string, Float32Array>();

function parseColor(css: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (m) return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
  const r = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  if (r) return [Number(r[1]) / 255, Number(r[2]) / 255, Number(r[3]) / 255];
  return [0, 0, 0];
}

/** 256 RGB triples in [0, 1] for the named map (viridis when unknown). */
export function colorTable(name: string): Float32Array {
  const cached = tables.get(name);
  if (cached) return cached;
  const def = colorMapList.find((c) => c.name === name) ?? colorMapList[0]!;
  const t = new Float32Array(256 * 3);
  for (let i = 0; i < 256; i++) t.set(parseColor(def.interpolate(i / 255)), i * 3);
  tables.set(name, t);
  return t;
}

/** Write the colour for t in [0, 1] into out at offset o. */
export function sampleTable(
  table: Float32Array,
  t: number,
  out: Float32Array | Uint8ClampedArray,
  o: number,
  scale = 1,
): void {
  const i = Math.max(0, Math.min(255, Math.round((Number.isFinite(t) ? t : 0) * 255))) * 3;
  out[o] = table[i]! * scale;
  out[o + 1] = table[i + 1]! * scale;
  out[o + 2] = table[i + 2]! * scale;
}

export function cssColor(name: string, t: number): string {
  const def = colorMapList.find((c) => c.name === name) ?? colorMapList[0]!;
  return def.interpolate(Math.max(0, Math.min(1, t)));
}
