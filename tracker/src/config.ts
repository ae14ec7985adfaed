import { extendMarks } from './mask'
import { d, w } from './util'

/** Masking mode: which page text the recording keeps (inputs are masked in every mode). */
export type MaskMode = 'strict' | 'balanced' | 'relaxed'

export interface Config {
  /** the project's public site key */
  key: string
  /** where uploads go: https://HOST/collect */
  endpoint: string
  /** default balanced */
  mask: MaskMode
  /** true: record nothing, set no cookie, send nothing until sightline('consent', true); default false */
  consent: boolean
  /** true: a browser sending Global Privacy Control is not recorded at all; default false */
  gpc: boolean
  /** false: ids live in memory only (one visitor and session per full page load); default true */
  cookies: boolean
}

/**
 * The settings: what the server prepended as self.__slcfg (when the script was fetched with ?k=),
 * else the script tag's own: ?k= or data-key, its origin + /collect, data-mask, data-cookies="false",
 * data-consent="true". The __slcfg global is removed once read; its ms / us (the project's mask and
 * unmask selectors) go straight to the masking rules.
 */
export function readConfig(): Config {
  const s = d.currentScript as HTMLScriptElement
  const a = s?.dataset || {}
  const c = w.__slcfg || {}
  let u: URL | undefined
  try { delete w.__slcfg } catch {}
  try { u = new URL(s.src) } catch {}
  const mask = c.mask || a.mask
  extendMarks(c.ms, c.us)
  return {
    key: c.key || u?.searchParams.get('k') || a.key,
    endpoint: c.endpoint || (u && u.origin + '/collect'),
    mask: mask == 'strict' || mask == 'relaxed' ? mask : 'balanced',
    consent: c.consent ?? a.consent == 'true',
    gpc: c.gpc,
    cookies: c.cookies ?? a.cookies != 'false',
  }
}
