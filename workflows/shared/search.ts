// Keeps a case workflow's search attributes in step with its stage.
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { TlOrganisation, TlProcess, TlSeries, TlStage, TlTrack } from '../../domain/search-attributes';

/**
 * Cases started before the workflows published search attributes replay without the upserts:
 * their histories have no marker for this patch, so `patched` answers false for them.
 */
export const SEARCH_ATTRIBUTES_PATCH = 'publish-search-attributes';

/** What a case is, fixed at its start: published once per run, with the first stage. */
export interface CaseFacts {
  process: 'appraisal' | 'assessment' | 'exit';
  track?: string;
  series?: string;
  organisation?: string;
}

/** Publishes the stage (and, the first time in a run, the case's facts) when it changed. */
export function publishStage(facts: CaseFacts, stage: string): void {
  const current = workflowInfo().typedSearchAttributes;
  const pairs: SearchAttributeUpdatePair[] = [];
  if (current.get(TlProcess) === undefined) {
    pairs.push({ key: TlProcess, value: facts.process });
    if (facts.track) pairs.push({ key: TlTrack, value: facts.track });
    if (facts.series) pairs.push({ key: TlSeries, value: facts.series });
    if (facts.organisation) pairs.push({ key: TlOrganisation, value: facts.organisation });
  }
  if (current.get(TlStage) !== stage) pairs.push({ key: TlStage, value: stage });
  if (pairs.length === 0 || !patched(SEARCH_ATTRIBUTES_PATCH)) return;
  upsertSearchAttributes(pairs);
}
