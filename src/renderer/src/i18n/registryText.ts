/**
 * Names and help of core's registries (optimizers and their hyperparameters, activations, init schemes,
 * target presets, analytic surfaces) in the user's language, from registry.<lang>.json. Core's `help`
 * and zod descriptions document the code; what the user reads comes from the catalogue (the code name
 * is the fallback, so a new entry shows at least its name until it is translated — the catalogue test
 * fails until then).
 */
import type { TFunction } from 'i18next';

export type RegistryKind = 'optimizer' | 'hyper' | 'activation' | 'init' | 'preset' | 'surface';

export function regLabel(t: TFunction, kind: RegistryKind, name: string): string {
  return t(`registry.${kind}.${name}.label`, { defaultValue: name });
}

export function regHelp(t: TFunction, kind: RegistryKind, name: string): string {
  return t(`registry.${kind}.${name}.help`, { defaultValue: '' });
}

/** A choice value of a hyperparameter (strong_wolfe, FR, ...). */
export function choiceLabel(t: TFunction, value: string): string {
  return t(`registry.choice.${value}`, { defaultValue: value });
}
