/** Query keys of a case's casework: the handler's page and the centre's 承办记录 tab share them. */
export const caseworkKeys = {
  all: (id: string) => ['casework', id] as const,
  activities: (id: string) => ['casework', id, 'activities'] as const,
  closings: (id: string) => ['casework', id, 'closings'] as const,
  closingMaterials: (id: string) => ['casework', id, 'closing-materials'] as const,
  terminationReports: (id: string) => ['casework', id, 'termination-reports'] as const,
  discussions: (id: string) => ['casework', id, 'discussions'] as const,
  brief: (id: string) => ['casework', id, 'brief'] as const,
  major: (id: string) => ['casework', id, 'major'] as const,
  archive: (id: string) => ['casework', id, 'archive'] as const,
  /** The live service-standard checklist: under the case's key, so every casework change refreshes it. */
  serviceStandard: (id: string) => ['casework', id, 'service-standard'] as const,
};
