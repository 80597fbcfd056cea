/** The values of the handling records (messages to askers, consultations), shared by services and schema. */
export const ASKER_CHANNELS = ['EMAIL', 'PHONE', 'FORM'] as const;
export type AskerChannel = (typeof ASKER_CHANNELS)[number];

export const CONSULTATION_CHANNELS = ['EMAIL', 'PHONE', 'MEETING'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

export const CONSULTATION_STATUSES = ['WAITING', 'ANSWERED', 'DECLINED', 'REFERRED'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
