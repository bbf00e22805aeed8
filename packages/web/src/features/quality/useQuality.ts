import { useQuery } from '@tanstack/react-query';
import { qualityApi } from '../../api';
import { qualityKeys } from './qualityKeys';

/** Evaluation methods and grades (with their bands) in force today. */
export function useQualityReference(enabled = true) {
  return useQuery({
    queryKey: qualityKeys.reference,
    queryFn: ({ signal }) => qualityApi.reference(signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** The case's evaluation, null before one is recorded. */
export function useEvaluation(id: string) {
  return useQuery({
    queryKey: qualityKeys.evaluation(id),
    queryFn: ({ signal }) => qualityApi.evaluation(id, signal),
  });
}
