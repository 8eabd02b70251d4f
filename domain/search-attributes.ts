// The custom search attributes a case workflow publishes, so the Web UI and the administrator's
// workflow search can filter by them. The dev server registers them at every start.
import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';

export const TlProcess = defineSearchAttributeKey('TlProcess', SearchAttributeType.KEYWORD);
export const TlStage = defineSearchAttributeKey('TlStage', SearchAttributeType.KEYWORD);
export const TlTrack = defineSearchAttributeKey('TlTrack', SearchAttributeType.KEYWORD);
export const TlSeries = defineSearchAttributeKey('TlSeries', SearchAttributeType.KEYWORD);
export const TlOrganisation = defineSearchAttributeKey('TlOrganisation', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [TlProcess, TlStage, TlTrack, TlSeries, TlOrganisation] as const;
