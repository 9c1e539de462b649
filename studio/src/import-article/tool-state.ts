// The tool's state outside React: the Studio may mount the tool again (it did right after the
// first render, dropping a paste), and an editor who opens another tool and comes back finds the
// article and its proposal where they left them. An import still running writes its result here.
import type {Proposal} from '@spotter/importer'
import {useSyncExternalStore} from 'react'

export type Input = {kind: 'text'; text: string} | {kind: 'file'; name: string; bytes: Uint8Array}

export type Step =
  | {step: 'edit'}
  | {step: 'reading'}
  | {step: 'proposed'; proposal: Proposal}
  | {step: 'writing'; proposal: Proposal}
  | {step: 'written'; proposal: Proposal; transactionId: string}
  | {step: 'failed'; message: string; proposal?: Proposal}

export interface ToolState {
  input: Input
  source: string
  state: Step
}

let current: ToolState = {input: {kind: 'text', text: ''}, source: '', state: {step: 'edit'}}
const listeners = new Set<() => void>()

export function updateToolState(patch: Partial<ToolState>): void {
  current = {...current, ...patch}
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const toolState = (): ToolState => current

export const useToolState = (): ToolState => useSyncExternalStore(subscribe, () => current)
