/** The processors page and table query (issue 17): the shapes of /api/monitor/*. */

export interface ProcessorPartition {
  topic: string;
  partition: number;
  /** Committed offset; null before the group's first commit there. */
  offset: number | null;
  high: number;
  lag: number;
  /** lag ÷ consume rate; 0 without lag; null when lagging with no progress in the rate window. */
  lagSeconds: number | null;
  inputRate: number | null;
  consumeRate: number | null;
}

export interface TablePartitionState {
  group: string;
  partition: number;
  state: 'recovering' | 'running';
  restoredRecords: number;
  restoreSeconds: number;
  restoreRate: number | null;
  source: string;
}

export interface ProcessorGroup {
  group: string;
  members: number;
  lag: number;
  lagSeconds: number | null;
  inputRate: number | null;
  consumeRate: number | null;
  outputTopics: string[];
  outputRate: number | null;
  retryRecords: number | null;
  deadLetterRecords: number | null;
  table: { topic: string; partitions: TablePartitionState[] } | null;
  partitions: ProcessorPartition[];
}

export interface ViewStatus {
  name: string;
  topic: string;
  process: string;
  ready: boolean;
  keys: number;
  partitions: { partition: number; position: number; high: number | null; lag: number | null }[];
}

export interface ProcessorsStatus {
  updatedAt: string;
  rateWindowSeconds: number;
  groups: ProcessorGroup[];
  views: ViewStatus[];
}

export interface MonitorTable {
  name: string;
  kind: string;
  topic: string;
  viewReady: boolean;
}

export interface TableValue {
  table: string;
  key: string;
  value: unknown;
}
