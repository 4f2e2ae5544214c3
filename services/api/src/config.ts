import { apiEnv, commonEnv, kafkaEnv, notifyEnv, redisEnv, timelineEnv } from '@chirp/core';

/** Every variable the API reads. */
export const API_ENV = {
  ...kafkaEnv,
  ...redisEnv,
  ...commonEnv,
  ...apiEnv,
  ...notifyEnv,
  TIMELINE_CAP: timelineEnv.TIMELINE_CAP,
  FANOUT_ACTIVE_DAYS: timelineEnv.FANOUT_ACTIVE_DAYS,
};
