import { commonEnv, gatewayEnv, kafkaEnv, redisEnv } from '@chirp/core';

/** Where the gateway serves /metrics and /lag.json unless METRICS_PORT says otherwise. */
export const DEFAULT_METRICS_PORT = 9106;

/** Every variable the gateway reads (all defined in packages/core/src/config.ts). */
export const GATEWAY_ENV = { ...kafkaEnv, ...redisEnv, ...commonEnv, ...gatewayEnv };
