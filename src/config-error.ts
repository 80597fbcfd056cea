/** A setting of the environment that cannot work; the message names it and says how to fix it. */
export class ConfigError extends Error {}
