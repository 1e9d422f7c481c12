export type {
  components as HostComponents,
  operations as HostOperations,
  paths as HostPaths,
} from './generated/host';
